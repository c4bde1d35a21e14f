/**
 * The changed span of two texts: [start, end of the old text's changed part]; the new text's
 * changed part is b.slice(start, b.length - (a.length - end)). Compares blocks natively first,
 * and never splits a surrogate pair.
 */
export function textSplice(a: string, b: string): [number, number] {
  const n = Math.min(a.length, b.length);
  let pre = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (pre + block <= n && a.slice(pre, pre + block) === b.slice(pre, pre + block)) pre += block;
  }
  if (pre > 0 && isHigh(a.charCodeAt(pre - 1))) pre--;
  const room = n - pre;
  let suf = 0;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (suf + block <= room && a.slice(a.length - suf - block, a.length - suf) === b.slice(b.length - suf - block, b.length - suf)) {
      suf += block;
    }
  }
  if (suf > 0 && isLow(a.charCodeAt(a.length - suf))) suf--;
  return [pre, a.length - suf];
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

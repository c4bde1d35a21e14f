/**
 * A linear estimate of how deep a YAML text nests, read before the precise reader (`yaml`) sees it:
 * that reader recurses once per level, so 20,000 `[` (or `- - - …`) take it seconds and can exhaust
 * the stack of the process — a crash no try/catch stops (found by the importers' fuzz test). Counts
 * flow brackets outside quotes and comments, plus the `- ` / `? ` indicators that open a line. An
 * over-estimate at worst (an unbalanced bracket in a block scalar), so the caller compares it with a
 * generous multiple of the depth budget; the readers' exact depth check still applies below that.
 */
export function nestingEstimate(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let max = 0;
  let flow = 0;
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lineStart = true;
      dashes = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 9) continue;
      // "- " or "? " opening a line (also "- - - x"): one level each.
      if ((c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) {
        dashes++;
        if (dashes + flow > max) max = dashes + flow;
        if (max > stopAbove) return max;
        continue;
      }
      lineStart = false;
    }
    if (c === 35 /* # */ && (i === 0 || [32, 9, 10].includes(text.charCodeAt(i - 1)))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      i = closingQuote(text, i, c);
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      flow++;
      if (dashes + flow > max) max = dashes + flow;
      if (max > stopAbove) return max;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && flow > 0) flow--;
  }
  return max;
}

/** Index of the quote closing the one at `from` (a doubled '' inside single quotes, \" inside double). */
function closingQuote(text: string, from: number, quote: number): number {
  for (let j = from + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote === 34 && c === 92 /* \ */) j++;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(j + 1) === 39) j++;
      else return j;
    }
  }
  return text.length;
}

import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded';
import { apply, diff } from './delta';
import { textEditOf } from './delta-apply';
import { CHAIN_MAX_EDITS, CHAIN_MIN_LENGTH, chainText, spliceText, type TextChain } from './text-chain';

const ALPHABET = ['a', 'b', ' ', '\n', ':', '-', 'é', '😀', '7'];

describe('chained text splices', () => {
  it('give the same text as splicing by copy, over long runs of edits', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const r = seeded(seed);
      const word = () => Array.from({ length: r.int(8) }, () => r.pick(ALPHABET)).join('');
      let plain = Array.from({ length: CHAIN_MIN_LENGTH / 2 }, word).join('');
      let text = plain;
      let chain: TextChain | undefined;
      let chained = 0;
      for (let step = 0; step < CHAIN_MAX_EDITS * 3; step++) {
        const at = r.int(plain.length + 1);
        const edit = { at, del: r.int(Math.min(40, plain.length - at) + 1), ins: r.next() < 0.2 ? '' : word() };
        plain = plain.slice(0, edit.at) + edit.ins + plain.slice(edit.at + edit.del);
        const next = spliceText(text, chain, edit);
        if (chain && next.chain?.base === chain.base) chained++;
        ({ text } = next);
        chain = next.chain;
        expect(text.length, `seed ${seed} step ${step}`).toBe(plain.length);
        expect(text === plain, `seed ${seed} step ${step}`).toBe(true);
        if (chain) expect(chainText(chain) === plain).toBe(true);
      }
      // Most edits were chained on an older base; every CHAIN_MAX_EDITS a new chain started.
      expect(chained).toBeGreaterThan(CHAIN_MAX_EDITS * 2);
    }
  });

  it('leaves short texts to a plain splice, and refuses a splice that does not fit', () => {
    expect(spliceText('abc', undefined, { at: 1, del: 1, ins: 'XY' })).toEqual({ text: 'aXYc' });
    expect(() => spliceText('abc', undefined, { at: 2, del: 2, ins: '' })).toThrow(/does not fit/);
  });

  it('runs through object deltas: files keep their chain from answer to answer, and the splice of each', () => {
    const r = seeded(3);
    const line = () => `  service-${r.int(1000)}:\n    image: nginx:${r.int(99)}\n`;
    let worker = { files: [{ path: 'compose.yaml', content: Array.from({ length: 4000 }, line).join(''), sourceMap: [] as number[] }] };
    let held = apply(undefined, diff(undefined, worker)) as typeof worker;
    for (let step = 0; step < 80; step++) {
      const lines = (worker.files[0]?.content ?? '').split('\n');
      lines.splice(r.int(lines.length), r.int(3), line().trimEnd());
      const next = {
        files: [
          { path: 'compose.yaml', content: lines.join('\n'), sourceMap: step % 5 === 0 ? [step] : (worker.files[0]?.sourceMap ?? []) },
        ],
      };
      const before = held.files[0] as object;
      held = apply(held, diff(worker, next)) as typeof worker;
      worker = next;
      expect(held.files[0]?.content === worker.files[0]?.content, `step ${step}`).toBe(true);
      expect(textEditOf(held.files[0] as object, 'content')?.from).toBe(before);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { seeded } from '../../testing/seeded';
import { apply, diff } from '../../worker/delta';
import { textEditOf } from '../../worker/delta-apply';
import { type PreviewEdit, previewUpdate } from './languages';

type File = { path: string; content: string; sourceMap: unknown[] };
type Page = { compiled: Record<'compose' | 'swarm', { files: File[] }> };

const LINES = ['services:', '  web:', '    image: nginx:1.27', '  db:', '    image: postgres:16', '    ports: ["5432"]', '', '  é😀:'];

/** A compiled text of a few hundred lines (long enough that diff() sends its splice, not the text). */
function compiledText(r: ReturnType<typeof seeded>, n: number): string {
  return Array.from({ length: n }, () => r.pick(LINES)).join('\n');
}

/** One edit of a text: a few lines replaced, inserted or removed (or none). */
function edited(r: ReturnType<typeof seeded>, text: string): string {
  const lines = text.split('\n');
  const at = r.int(lines.length + 1);
  lines.splice(at, r.int(3), ...Array.from({ length: r.int(3) }, () => r.pick(LINES)));
  return lines.join('\n');
}

const page = (compose: string, swarm: string): Page => ({
  compiled: {
    compose: { files: [{ path: 'compose.yaml', content: compose, sourceMap: [] }] },
    swarm: { files: [{ path: 'stack.yaml', content: swarm, sourceMap: [] }] },
  },
});

/** A preview model: the text it holds, and what was written into it last (as YamlEditor's showPreview keeps it). */
function model() {
  let value = '';
  let shown: { text: string; file: object | undefined } | undefined;
  const spliced: PreviewEdit[] = [];
  return {
    value: () => value,
    spliced,
    show(text: string, file: File | undefined, editOf = textEditOf) {
      const u = previewUpdate(shown, value.length, text, file, editOf);
      if (u === 'whole') value = text;
      else if (u) {
        value = value.slice(0, u.at) + u.text + value.slice(u.end);
        spliced.push(u);
      }
      shown = { text, file };
    },
  };
}

describe('preview update: the worker splice or a whole compare', () => {
  it('leaves every preview model equal to the compiled text, whatever the order of answers and tab switches', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = seeded(seed);
      // Every other seed long enough for the page to splice its texts as chains (text-chain.ts).
      const lines = seed % 2 === 0 ? 200 : 8000;
      let worker = page(compiledText(r, lines), compiledText(r, lines));
      let held: Page = apply(undefined, diff(undefined, worker)) as Page;
      const models = { compose: model(), swarm: model() };
      let tab: 'compose' | 'swarm' = 'compose';
      for (let step = 0; step < 30; step++) {
        // One or two answers before the panel renders (two: the second splice is not from the shown file).
        for (let k = 1 + (r.next() < 0.2 ? 1 : 0); k > 0; k--) {
          const next = page(
            r.next() < 0.8 ? edited(r, worker.compiled.compose.files[0]?.content ?? '') : (worker.compiled.compose.files[0]?.content ?? ''),
            r.next() < 0.8 ? edited(r, worker.compiled.swarm.files[0]?.content ?? '') : (worker.compiled.swarm.files[0]?.content ?? ''),
          );
          held = apply(held, diff(worker, next)) as Page;
          worker = next;
        }
        if (r.next() < 0.15) tab = tab === 'compose' ? 'swarm' : 'compose';
        const file = held.compiled[tab].files[0];
        models[tab].show(file?.content ?? '', file);
        expect(models[tab].value(), `seed ${seed}, step ${step}, ${tab}`).toBe(worker.compiled[tab].files[0]?.content);
      }
    }
  });

  it("applies the worker's splice as is, without comparing the texts, when the model holds the text it was made from", () => {
    const r = seeded(7);
    const before = page(compiledText(r, 300), '');
    const held = apply(undefined, diff(undefined, before)) as Page;
    const m = model();
    const first = held.compiled.compose.files[0] as File;
    m.show(first.content, first);
    const after = page(`${before.compiled.compose.files[0]?.content.replace('nginx:1.27', 'nginx:1.28')}`, '');
    const next = apply(held, diff(before, after)) as Page;
    const file = next.compiled.compose.files[0] as File;
    const edit = textEditOf(file, 'content');
    expect(edit?.from).toBe(first);
    // A shown text that differs from the real one only where a compare would look: the splice is trusted.
    const u = previewUpdate({ text: first.content, file: first }, first.content.length, file.content, file, textEditOf);
    expect(u).toEqual({ at: edit?.edit.at, end: (edit?.edit.at ?? 0) + (edit?.edit.del ?? 0), text: edit?.edit.ins });
    // The same file again: nothing to do; another file (the tab was away): the texts are compared.
    expect(previewUpdate({ text: file.content, file }, file.content.length, file.content, file, textEditOf)).toBeUndefined();
    const stranger = { ...file };
    expect(previewUpdate({ text: first.content, file: stranger }, first.content.length, file.content, file, textEditOf)).toEqual(u);
    expect(previewUpdate({ text: 'x', file: first }, 5, file.content, file, textEditOf)).toBe('whole');
    expect(previewUpdate(undefined, 0, file.content, file, textEditOf)).toBe('whole');
  });
});

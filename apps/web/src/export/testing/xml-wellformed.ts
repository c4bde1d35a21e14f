/**
 * A small XML well-formedness check for tests (Vitest runs in node: no DOMParser). It tokenises
 * the document and reports the first problem: unbalanced or crossed tags, a stray `<` or `&`,
 * an unknown entity, unquoted or repeated attributes, text outside the one root element.
 * Returns undefined when the document is well-formed.
 */
export function xmlProblem(xml: string): string | undefined {
  const NAME = /^[A-Za-z_:][\w.:-]*/;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const checkText = (text: string, where: number): string | undefined => {
    if (text.includes('<')) return `stray < at ${where}`;
    const amp = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(text);
    return amp ? `bad entity at ${where + amp.index}` : undefined;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (stack.length === 0 && text.trim() !== '') return `text outside the root at ${i}`;
    const bad = checkText(text, i);
    if (bad) return bad;
    if (lt < 0) break;
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return `unclosed processing instruction at ${lt}`;
      i = end + 2;
      continue;
    }
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return `unclosed comment at ${lt}`;
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return `unclosed tag at ${lt}`;
    const tag = xml.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) return `</${name}> does not close the open element at ${lt}`;
      i = gt + 1;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = NAME.exec(body)?.[0];
    if (!name) return `bad tag name at ${lt}`;
    let rest = body.slice(name.length);
    const seen = new Set<string>();
    while (rest.trim() !== '') {
      const m = /^\s+([A-Za-z_:][\w.:-]*)\s*=\s*"([^"]*)"/.exec(rest);
      if (!m?.[1]) return `bad attribute syntax in <${name}> at ${lt}`;
      if (seen.has(m[1])) return `repeated attribute ${m[1]} at ${lt}`;
      seen.add(m[1]);
      const badValue = checkText(m[2] ?? '', lt);
      if (badValue) return badValue;
      rest = rest.slice(m[0].length);
    }
    if (stack.length === 0) roots++;
    if (roots > 1) return `second root element at ${lt}`;
    if (!selfClosing) stack.push(name);
    i = gt + 1;
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? undefined : 'no root element';
}

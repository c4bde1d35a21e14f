import { compile, importCompose } from '@blaupause/compiler';
import { Blueprint } from '@blaupause/model';
import { generateBlueprint } from './src/generate';

const bp = Blueprint.parse(generateBlueprint(1000));
const t = compile(bp, 'compose').files[0]!.content;
const xs: number[] = [];
for (let i = 0; i < 9; i++) {
  const s = performance.now();
  importCompose(t);
  xs.push(performance.now() - s);
}
xs.sort((a, b) => a - b);
console.log('import median', xs[4]!.toFixed(0), 'min', xs[0]!.toFixed(0));

import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type FileReference, fileReferences, type PackFs, packBundle } from '@blaupause/compiler';
import { sameFile } from '../files';
import { loadOpened, openInput } from '../folder';
import { type Io, useColor } from '../io';
import { formatReport } from '../render';
import { isError } from '../report';

export interface BundleArgs {
  file: string;
  output: string;
  withBuildContexts: boolean;
  json: boolean;
}

export const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The packing side's file access: lstat (links are seen, not followed), read, list, realpath. */
export const nodePackFs: PackFs = {
  kind(path) {
    try {
      const st = lstatSync(path);
      return st.isSymbolicLink() ? 'symlink' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
    } catch {
      return undefined;
    }
  },
  readFile: (path) => readFileSync(path),
  readDir: (path) => readdirSync(path),
  realpath(path) {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  },
  sha256,
};

/**
 * `blaupause bundle`: the blueprint (or Compose file / folder) is loaded first, so the files it
 * names are known; a file with errors is not packed. The pure packing is the compiler's
 * packBundle; here only file access, gzip and the output file.
 */
export function bundleCommand(args: BundleArgs, io: Io): number {
  const fail = (problems: string[], notes: string[] = []) => {
    if (args.json) io.stdout.write(`${JSON.stringify({ ok: false, problems, notes }, null, 2)}\n`);
    else io.stderr.write([...notes, ...problems].map((p) => `blaupause: ${p}\n`).join(''));
    return 1;
  };
  const opened = openInput(args.file);
  if (!opened.ok) return report(io, opened.diagnostics, args.file, args.json);
  const { file } = opened;
  if (sameFile(args.output, file)) return fail([`refusing to write the bundle over the input file ${file}`]);
  const envFiles: string[] = [];
  const { input } = loadOpened(opened, { envFilesRead: envFiles });
  if (!input.blueprint || input.diagnostics.some(isError)) return report(io, input.diagnostics, file, args.json);

  const baseDir = nodePackFs.realpath(dirname(resolve(file))) ?? dirname(resolve(file));
  const refs: FileReference[] = fileReferences(input.blueprint, { withBuildContexts: args.withBuildContexts });
  // A Compose project's .env: its values were read for ${VAR}; the other machine needs them too.
  if (input.kind === 'compose' && nodePackFs.kind(`${baseDir}/.env`) !== undefined)
    refs.unshift({ ref: '.env', at: 'the project', role: 'env', required: true });
  for (const ref of envFiles) refs.push({ ref, at: 'env_file', role: 'env', required: true });
  // -o inside the folder: the bundle must not pack an older bundle of itself.
  const out = resolve(args.output);
  const packed = packBundle({ baseDir, entry: basename(file), refs }, nodePackFs);
  if (!packed.ok) return fail(packed.problems, packed.notes);
  if (packed.manifest.files.some((f) => resolve(baseDir, f.path) === out))
    return fail([`${relative(process.cwd(), out)} is one of the files to pack; write the bundle elsewhere`]);
  const gz = gzipSync(packed.tar, { level: 9 });
  try {
    writeFileSync(out, gz);
  } catch (e) {
    return fail([`cannot write ${args.output}: ${(e as { code?: string }).code ?? 'unknown error'}`]);
  }
  const { manifest, notes } = packed;
  if (args.json) io.stdout.write(`${JSON.stringify({ ok: true, output: args.output, bytes: gz.length, notes, manifest }, null, 2)}\n`);
  else {
    for (const n of notes) io.stderr.write(`note: ${n}\n`);
    io.stdout.write(`Wrote ${args.output}: ${manifest.files.length} file${manifest.files.length === 1 ? '' : 's'}, ${gz.length} bytes.\n`);
  }
  return 0;
}

function report(io: Io, diagnostics: Parameters<typeof formatReport>[0], file: string, json: boolean): number {
  if (json) io.stdout.write(`${JSON.stringify({ ok: false, diagnostics }, null, 2)}\n`);
  else io.stderr.write(formatReport(diagnostics, [file], useColor(io, io.stderr)));
  return 1;
}

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, from: number, length: number): string {
  const raw = header.subarray(from, from + length).toString('latin1');
  const nul = raw.indexOf('\0');
  return (nul < 0 ? raw : raw.slice(0, nul)).trim();
}

/** A ustar header's checksum: the sum of its bytes with the checksum field read as spaces. */
function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
  return sum === parseInt(field(header, 148, 8), 8);
}

/**
 * Unpacks shipkit's empty-database template (pglite-runtime.ts) into `dir`. PGlite's own
 * `loadDataDir` does the same in PGlite's memory and peaks about 80 MiB higher, which is what
 * takes a 500-migration run past its 300 MiB budget (npm run bench), so the archive is written out
 * here, file by file, before PGlite opens the directory. The archive is the ustar file PGlite's
 * dumpDataDir writes (regular files and directories, names relative to the data directory); an
 * entry of any other kind, a bad header or a name leaving `dir` is refused.
 */
export async function unpackTemplate(file: string, dir: string): Promise<void> {
  const tar = gunzipSync(await readFile(file));
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true, mode: 0o750 });
  for (let at = 0; at + BLOCK <= tar.length;) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) throw new Error(`${file}: damaged archive header at byte ${at}`);
    const name = [field(header, 345, 155), field(header, 0, 100)].filter(Boolean).join('/');
    const size = parseInt(field(header, 124, 12) || '0', 8);
    const mode = parseInt(field(header, 100, 8) || '0', 8) & 0o777;
    const type = field(header, 156, 1) || '0';
    const target = path.join(root, path.normalize(`/${name}`));
    if (name.split('/').includes('..') || (target !== root && !target.startsWith(`${root}${path.sep}`)))
      throw new Error(`${file}: entry ${name} leaves the directory`);
    if (type === '5') await mkdir(target, { recursive: true, mode: mode || 0o750 });
    else if (type === '0') {
      await mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
      await writeFile(target, tar.subarray(at + BLOCK, at + BLOCK + size), { mode: mode || 0o600 });
    } else throw new Error(`${file}: entry ${name} is of type '${type}', not a file or directory`);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
}

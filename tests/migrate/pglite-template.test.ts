import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { unpackTemplate } from '../../src/stages/migrate/drivers/pglite-template.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'shipkit-untar-'));

/** One ustar header block, as an archiver writes it (checksum over the block with its field as spaces). */
function header(name: string, size: number, type: '0' | '5' | '2'): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 'latin1');
  h.write('0000644\0', 100, 'latin1');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write(type, 156, 'latin1');
  h.write('ustar\x0000', 257, 'latin1');
  h.fill(32, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

function archive(...entries: Buffer[]): string {
  const file = path.join(tmp(), 'a.tar.gz');
  writeFileSync(file, gzipSync(Buffer.concat([...entries, Buffer.alloc(1024)])));
  return file;
}

describe('unpacking the PGlite template', () => {
  it('unpacks what GNU tar writes in ustar format: directories, files, modes', async () => {
    const src = tmp();
    mkdirSync(path.join(src, 'data/base/1'), { recursive: true });
    writeFileSync(path.join(src, 'data/PG_VERSION'), '18\n');
    writeFileSync(path.join(src, 'data/base/1/112'), Buffer.alloc(8192, 7), { mode: 0o600 });
    const file = path.join(tmp(), 't.tar.gz');
    execFileSync('tar', ['--format=ustar', '-czf', file, '-C', path.join(src, 'data'), '.']);
    const out = path.join(tmp(), 'db');
    await unpackTemplate(file, out);
    expect(readFileSync(path.join(out, 'PG_VERSION'), 'utf8')).toBe('18\n');
    expect(readFileSync(path.join(out, 'base/1/112'))).toEqual(Buffer.alloc(8192, 7));
    expect(statSync(path.join(out, 'base/1/112')).mode & 0o777).toBe(0o600);
  });

  it('refuses an entry that leaves the directory, a link, and a damaged header', async () => {
    const out = path.join(tmp(), 'db');
    await expect(unpackTemplate(archive(header('../escape', 0, '0')), out)).rejects.toThrow(
      /entry \.\.\/escape leaves the directory/,
    );
    await expect(unpackTemplate(archive(header('link', 0, '2')), out)).rejects.toThrow(
      /is of type '2', not a file or directory/,
    );
    const damaged = header('PG_VERSION', 3, '0');
    damaged[0] = 0x51;
    await expect(unpackTemplate(archive(damaged, Buffer.alloc(512)), out)).rejects.toThrow(
      /damaged archive header at byte 0/,
    );
  });
});

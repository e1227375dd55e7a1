#!/usr/bin/env node
// Bundles every action entry (src/actions/<name>.ts) and the CLI (src/cli/main.ts) with ncc into
// dist/<name>/index.js. Output must be byte-for-byte reproducible: CI rebuilds and compares.
import ncc from '@vercel/ncc';
import { mkdir, readdir, rm, writeFile, chmod } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);

const entries = (await readdir(path.join(root, 'src/actions')))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ name: f.slice(0, -3), file: path.join(root, 'src/actions', f) }));
entries.push({ name: 'cli', file: path.join(root, 'src/cli/main.ts') });

// Stale bundles of removed entries would otherwise linger in dist/ unnoticed.
if (only.length === 0) {
  const keep = new Set(entries.map((e) => e.name));
  for (const dir of await readdir(path.join(root, 'dist')).catch(() => [])) {
    if (!keep.has(dir)) await rm(path.join(root, 'dist', dir), { recursive: true, force: true });
  }
}

for (const entry of entries) {
  if (only.length > 0 && !only.includes(entry.name)) continue;
  const started = Date.now();
  const { code, assets } = await ncc(entry.file, {
    minify: false,
    sourceMap: false,
    quiet: true,
    target: 'es2022',
    transpileOnly: true, // tsc --noEmit type-checks the whole tree separately
    externals: [],
  });
  const out = path.join(root, 'dist', entry.name);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const body = entry.name === 'cli' && !code.startsWith('#!') ? `#!/usr/bin/env node\n${code}` : code;
  await writeFile(path.join(out, 'index.js'), body);
  if (entry.name === 'cli') await chmod(path.join(out, 'index.js'), 0o755);
  await writeFile(path.join(out, 'package.json'), '{ "type": "module" }\n');
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === 'package.json') continue;
    const target = path.join(out, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, asset.source, { mode: asset.permissions });
  }
  const kb = Math.round(Buffer.byteLength(body) / 1024);
  console.log(`dist/${entry.name}/index.js  ${kb} KiB  ${Date.now() - started} ms`);
}

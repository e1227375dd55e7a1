#!/usr/bin/env node
// Bundles every action entry (src/actions/<name>.ts) and the CLI (src/cli/main.ts) with ncc into
// dist/<name>/index.js. Output must be byte-for-byte reproducible: CI rebuilds and compares.
import ncc from '@vercel/ncc';
import { mkdir, readdir, rm, writeFile, chmod, copyFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);

// Emscripten loaders (libpg-query, node-sqlite3-wasm) read their .wasm beside the bundle at run time,
// a read ncc cannot see: copy the files in (byte-identical npm files, so dist stays reproducible).
const MIGRATE_WASM = [
  'node_modules/libpg-query/wasm/libpg-query.wasm',
  'node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm',
];
const SIDE_FILES = { cli: MIGRATE_WASM, migrate: MIGRATE_WASM };

const entries = (await readdir(path.join(root, 'src/actions')).catch(() => []))
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
  let bundled;
  try {
    bundled = await ncc(entry.file, {
      minify: false,
      sourceMap: false,
      quiet: true,
      target: 'es2022',
      transpileOnly: true, // tsc --noEmit type-checks the whole tree separately
      externals: [],
    });
  } catch (error) {
    // ncc's own stack dumps megabytes of its bundled source; the message is what matters.
    console.error(
      `build of ${entry.name} (${path.relative(root, entry.file)}) failed:\n${String(error.message ?? error).slice(0, 4000)}`,
    );
    process.exitCode = 1;
    continue;
  }
  const { code, assets } = bundled;
  const out = path.join(root, 'dist', entry.name);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // Some dependencies are CommonJS and use __dirname, __filename or require, which an ES module
  // bundle lacks; define them once at the top, as esbuild users do with a banner.
  const banner = [
    "import { createRequire as __shipkitCreateRequire } from 'node:module';",
    "import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';",
    'const __filename = __shipkitFileURLToPath(import.meta.url);',
    "const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));",
    'const require = __shipkitCreateRequire(import.meta.url);',
    '',
  ].join('\n');
  const withoutShebang = code.replace(/^#!.*\n/, '');
  const body = `${entry.name === 'cli' ? '#!/usr/bin/env node\n' : ''}${banner}${withoutShebang}`;
  await writeFile(path.join(out, 'index.js'), body);
  if (entry.name === 'cli') await chmod(path.join(out, 'index.js'), 0o755);
  await writeFile(path.join(out, 'package.json'), '{ "type": "module" }\n');
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === 'package.json') continue;
    const target = path.join(out, name);
    await mkdir(path.dirname(target), { recursive: true });
    // Chunks split off at dynamic imports are ES modules of their own and need the banner too.
    const source = /^\d+\.index\.js$/.test(name) ? `${banner}${String(asset.source)}` : asset.source;
    await writeFile(target, source, { mode: asset.permissions });
  }
  for (const file of SIDE_FILES[entry.name] ?? [])
    await copyFile(path.join(root, file), path.join(out, path.basename(file)));
  const kb = Math.round(Buffer.byteLength(body) / 1024);
  console.log(`dist/${entry.name}/index.js  ${kb} KiB  ${Date.now() - started} ms`);
}

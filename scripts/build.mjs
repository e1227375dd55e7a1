#!/usr/bin/env node
// The build is scripts/build.ts (it reads the TypeScript stage registry); this runs it with vite-node,
// passing the bundle names given, e.g. `node scripts/build.mjs cli`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vite-node/vite-node.mjs'),
    path.join(root, 'scripts/build.ts'),
    '--',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exitCode = result.status ?? 1;

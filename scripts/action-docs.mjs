#!/usr/bin/env node
// The generated docs (action README tables, docs/cli.md, schemas/) are written by scripts/docs.ts;
// this runs it with vite-node, passing its arguments (e.g. --check).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vite-node/vite-node.mjs'),
    path.join(root, 'scripts/docs.ts'),
    '--',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exitCode = result.status ?? 1;

// `npm run bench [-- name…]`: every bench/*.bench.ts (or the named ones), then bundle size and cold start.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { bundleTable } from './bundles.js';
import type { BenchTable } from './types.js';

function render(table: BenchTable): string {
  const widths = table.columns.map((c, i) => Math.max(c.length, ...table.rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells: (string | number)[]): string =>
    `| ${cells.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i] ?? 0) : String(c).padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const out = [`### ${table.title}`, '', line(table.columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`];
  for (const row of table.rows) out.push(line(row));
  for (const note of table.notes ?? []) out.push(`> ${note}`);
  return `${out.join('\n')}\n`;
}

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

for (const file of files) {
  const started = Date.now();
  const mod = (await import(path.join(dir, file))) as { default: () => Promise<BenchTable[]> };
  for (const table of await mod.default()) process.stdout.write(`${render(table)}\n`);
  process.stdout.write(`(${file}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n\n`);
}
if (only.length === 0 || only.includes('bundles')) process.stdout.write(render(await bundleTable()));

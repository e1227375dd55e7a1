// Runs tests/fixtures/generate.sh once per test file into a temp dir: the reports and the tools' own
// summaries the parser tests compare come from the tools installed on this machine today.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execTool } from '../../support/run-tool.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');

export async function generate(...tools: string[]): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'shipkit-gen-'));
  await execTool('bash', [path.join(repoRoot, 'tests/fixtures/generate.sh'), out, ...tools], { timeout: 300_000 });
  return out;
}

export function text(file: string): string {
  return readFileSync(file, 'utf8');
}

export function json(file: string): any {
  return JSON.parse(text(file));
}

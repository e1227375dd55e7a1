import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/action-runner.js';
import { execTool, spawnTool } from '../support/run-tool.js';

// CI rebuilds dist/ and refuses a submission whose committed bundles do not match its source.
// Shown on a clone of the committed tree, as CI sees it.
describe('.ci/check-dist.sh', () => {
  let clone: string;

  // Each rebuild takes half a minute on two cores: asynchronously, or the worker stops answering vitest.
  beforeAll(async () => {
    clone = path.join(mkdtempSync(path.join(os.tmpdir(), 'shipkit-ci-')), 'repo');
    await execTool('git', ['clone', '-q', REPO_ROOT, clone]);
    // A real node_modules inside the clone, as `npm ci` leaves it: through a symlink, webpack would
    // resolve modules to another path and give them other ids. Hard links make it instant.
    const from = path.join(REPO_ROOT, 'node_modules');
    const to = path.join(clone, 'node_modules');
    if ((await spawnTool('cp', ['-al', from, to])).status !== 0) await execTool('cp', ['-a', from, to]);
  });
  afterAll(() => rmSync(path.dirname(clone), { recursive: true, force: true }));

  const checkDist = () => spawnTool('bash', ['.ci/check-dist.sh', 'cli'], { cwd: clone });

  it('passes on a fresh clone', async () => {
    const r = await checkDist();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('fails on a stale dist/ and prints the difference', async () => {
    const file = path.join(clone, 'src/cli/render-text.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("'Gates:'", "'Gates (changed):'"));
    const r = await checkDist();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('dist/ is stale');
    expect(r.stderr).toContain('M dist/cli/index.js');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { testStage } from '../../src/stages/test-stage/stage.js';
import { stageContext } from '../support/stage-context.js';
import { tempDir } from './support/git-repo.js';

describe('lint and test commands run without the action inputs or the runner token', () => {
  it('INPUT_* and ACTIONS_RUNTIME_TOKEN never reach the command; the rest of the environment does', async () => {
    const dir = tempDir('userenv');
    const ctx = stageContext({
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        'INPUT_GITHUB-TOKEN': 'ghs_secret_token_value',
        INPUT_TEST: 'env > seen.txt',
        ACTIONS_RUNTIME_TOKEN: 'runtime-secret',
        KEEP_ME: 'yes',
      },
    });
    const options = testStage.readOptions(new InputReader(mapSource({ test: 'env > seen.txt' }, 'input')), ctx);
    const outcome = await testStage.run(options, ctx);
    expect(outcome.report.gates.find((g) => g.name === 'test')?.passed).toBe(true);
    const seen = readFileSync(path.join(dir, 'seen.txt'), 'utf8');
    expect(seen).toContain('KEEP_ME=yes');
    expect(seen).not.toMatch(/INPUT_|ghs_secret_token_value|runtime-secret/);
  });
});

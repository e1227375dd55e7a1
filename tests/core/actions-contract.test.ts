import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script without types
import { actionDirs, render } from '../../scripts/action-docs.mjs';
import { REPO_ROOT } from '../support/action-runner.js';

const dirs = (actionDirs as () => string[])();
const COMMON_INPUTS = ['github-token', 'working-directory', 'comment'];

describe('every action', () => {
  it('exists only with a working bundle', () => {
    for (const dir of dirs) {
      const action = parse(readFileSync(path.join(REPO_ROOT, dir, 'action.yml'), 'utf8'));
      if (action.runs.using === 'composite') continue;
      expect(action.runs.using, dir).toBe('node24');
      expect(existsSync(path.resolve(REPO_ROOT, dir, action.runs.main)), `${dir}: ${action.runs.main}`).toBe(true);
    }
  });

  it.each(dirs)('%s declares the common inputs and the report output', (dir) => {
    const action = parse(readFileSync(path.join(REPO_ROOT, dir, 'action.yml'), 'utf8'));
    for (const input of COMMON_INPUTS) expect(Object.keys(action.inputs ?? {}), `${dir}/action.yml`).toContain(input);
    expect(action.inputs['github-token'].default).toBe('${{ github.token }}');
    expect(Object.keys(action.outputs ?? {})).toContain('report');
    for (const [name, spec] of Object.entries<{ description?: string }>({ ...action.inputs, ...action.outputs })) {
      expect(spec.description, `${dir}: ${name} has no description`).toBeTruthy();
    }
  });

  it.each(dirs)('%s/README.md lists the inputs and outputs exactly as action.yml declares them', (dir) => {
    const readme = readFileSync(path.join(REPO_ROOT, dir, 'README.md'), 'utf8');
    const actionYml = readFileSync(path.join(REPO_ROOT, dir, 'action.yml'), 'utf8');
    expect(readme).toBe((render as (r: string, a: string) => string)(readme, actionYml));
  });
});

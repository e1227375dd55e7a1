import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseActionMetadata } from '../../src/core/action-metadata.js';
import type { StageEntry } from '../../src/core/stage.js';
import { STAGES } from '../../src/stages/registry.js';
import { generatedFiles, readMetadata, renderCliDocs, ROOT } from '../../scripts/docs.js';

const COMMON_INPUTS = ['github-token', 'working-directory', 'comment'];
const dirs = STAGES.map((s) => s.actionDir);

describe('every action', () => {
  it.each(dirs)('%s/action.yml runs its own bundle on node24', (dir) => {
    const action = parse(readFileSync(path.join(ROOT, dir, 'action.yml'), 'utf8'));
    expect(action.runs.using, dir).toBe('node24');
    const stage = STAGES.find((s) => s.actionDir === dir)!;
    expect(action.runs.main).toBe(path.relative(path.join(ROOT, dir), path.join(ROOT, 'dist', stage.name, 'index.js')));
    expect(existsSync(path.resolve(ROOT, dir, action.runs.main)), `${dir}: ${action.runs.main}`).toBe(true);
    expect(existsSync(path.join(ROOT, 'src/actions', `${stage.name}.ts`))).toBe(true);
  });

  it.each(dirs)('%s declares the common inputs and the report output, and documents each', (dir) => {
    const metadata = parseActionMetadata(readFileSync(path.join(ROOT, dir, 'action.yml'), 'utf8'), `${dir}/action.yml`);
    for (const input of COMMON_INPUTS)
      expect(
        metadata.inputs.map((i) => i.name),
        `${dir}/action.yml`,
      ).toContain(input);
    expect(metadata.inputs.find((i) => i.name === 'github-token')?.default).toBe('${{ github.token }}');
    expect(metadata.outputs.map((o) => o.name)).toContain('report');
  });

  it('has no action directory outside the registry (an action exists only with a working stage)', () => {
    const onDisk = ['test', 'scan', 'docker', 'migrate', 'smoke', 'approve'].filter((d) =>
      existsSync(path.join(ROOT, d, 'action.yml')),
    );
    expect(onDisk.sort()).toEqual(dirs.filter((d) => d !== '.').sort());
  });
});

describe('generated documentation', () => {
  it('each README, docs/cli.md and schemas/ match what the registry, action.yml files and report schemas say', async () => {
    for (const [file, text] of Object.entries(await generatedFiles())) {
      const full = path.join(ROOT, file);
      expect(existsSync(full) ? readFileSync(full, 'utf8') : undefined, `${file} is stale: run npm run docs`).toBe(
        text,
      );
    }
  });

  it('lists a stage added through the registry, with its flags, and nothing else has to change', async () => {
    const demo: StageEntry = {
      name: 'demo',
      title: 'Demo',
      actionDir: 'demo',
      load: () => Promise.reject(new Error('not run')),
    };
    const metadata = {
      ...(await readMetadata()),
      demo: parseActionMetadata(
        "name: demo\ndescription: A demo stage. More text.\ninputs:\n  level:\n    description: How much.\n    default: '3'\n",
        'demo/action.yml',
      ),
    };
    const docs = renderCliDocs([...STAGES, demo], metadata);
    expect(docs).toContain('## shipkit demo');
    expect(docs).toContain('| `--level VALUE` | `3` | How much. |');
    expect(docs).toContain('[`shipkit demo`](#shipkit-demo) | A demo stage |');
  });
});

import type { Stage, StageEntry } from '../core/stage.js';

const stage = <T>(s: Stage<T>): Stage<unknown> => s;

/**
 * Every stage, in pipeline order. The action entries, the CLI, the build, the generated docs and the
 * PR comment's section order all read this list: a new stage is its folder plus one line here.
 * Stages load on first use (see StageEntry).
 */
export const STAGES: readonly StageEntry[] = [
  {
    name: 'test',
    title: 'Test',
    actionDir: 'test',
    load: async () => stage((await import('./test-stage/stage.js')).testStage),
  },
  {
    name: 'scan',
    title: 'Scan',
    actionDir: 'scan',
    load: async () => stage((await import('./scan/stage.js')).scanStage),
  },
  {
    name: 'docker',
    title: 'Docker',
    actionDir: 'docker',
    load: async () => stage((await import('./docker/stage.js')).dockerStage),
  },
  {
    name: 'migrate',
    title: 'Migrate',
    actionDir: 'migrate',
    load: async () => stage((await import('./migrate/stage.js')).migrateStage),
  },
  {
    name: 'smoke',
    title: 'Smoke',
    actionDir: 'smoke',
    load: async () => stage((await import('./smoke/stage.js')).smokeStage),
  },
  {
    name: 'approve',
    title: 'Approve',
    actionDir: 'approve',
    load: async () => stage((await import('./approve/stage.js')).approveStage),
  },
  {
    name: 'report',
    title: 'Report',
    actionDir: '.',
    load: async () => stage((await import('./report/stage.js')).reportStage),
  },
];

export function stageEntry(name: string, stages: readonly StageEntry[] = STAGES): StageEntry | undefined {
  return stages.find((s) => s.name === name);
}

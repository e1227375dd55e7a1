import { VERSION } from '../core/version.js';

/**
 * The whole life of an action step, for the stage `name` of the registry. The first line is written
 * before anything else is loaded: a stage's code (SQL parsers, cache clients, XML parsers) and the
 * toolkit are megabytes, and the step's log should show it started at once.
 */
export async function runStageAction(name: string): Promise<void> {
  process.stdout.write(`shipkit ${name} ${VERSION}\n`);
  const { runInActionHost } = await import('./action-host.js');
  await runInActionHost(name);
}

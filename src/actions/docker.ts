import { runStageAction } from '../runtime/run-action.js';

/** The docker action. The bundle calls it once; GitHub's local-action imports this file and calls it. */
export function run(): Promise<void> {
  return runStageAction('docker');
}

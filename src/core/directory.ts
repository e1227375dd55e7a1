import { statSync } from 'node:fs';

/**
 * What keeps `dir` from being a working directory, if anything: the hosts (`working-directory`,
 * `--root`), the report action (`reports`) and docker (`context`) each say it in their own words.
 */
export function directoryProblem(dir: string): 'missing' | 'not a directory' | undefined {
  try {
    return statSync(dir).isDirectory() ? undefined : 'not a directory';
  } catch {
    return 'missing';
  }
}

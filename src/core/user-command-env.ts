/**
 * The environment for commands the user gives (lint, test, on-failure, migration tools). They run the
 * pull request's code, so they get what a `run:` step would see and nothing more: no action inputs
 * (`INPUT_GITHUB-TOKEN` is the token) and none of the runtime's credentials that the runner hands to
 * JavaScript actions only. A token the user wants them to have is passed through the step's `env:`.
 */
const RUNNER_ONLY = new Set([
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_SERVICE_V2',
  'ACTIONS_RESULTS_URL',
]);

export function userCommandEnv(
  env: NodeJS.ProcessEnv,
  extra: Record<string, string | undefined> = {},
): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.toUpperCase().startsWith('INPUT_') || RUNNER_ONLY.has(key.toUpperCase())) continue;
    out[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out;
}

import { afterEach } from 'vitest';

// Every test starts from a clean runner environment: nothing from the machine's own GITHUB_* or
// INPUT_* variables may leak into what a test observes.
for (const key of Object.keys(process.env)) {
  if (key.startsWith('GITHUB_') || key.startsWith('INPUT_') || key.startsWith('RUNNER_') || key === 'CI') {
    delete process.env[key];
  }
}

// Vitest's worker must read its runner's reply to each progress update within a fixed 60 s, and the runner
// goes from one test to the next without giving the event loop a turn: synchronous tests in a row on a
// loaded machine (parsers, fuzzing) add up past that and fail a green run with 'Timeout calling
// "onTaskUpdate"'. Two turns of the loop after each test (the second passes a poll phase whatever phase
// the first started in) read the reply, so only a single test could ever hold the worker that long. The
// real setImmediate is kept here, before any test could install fake timers.
const turn = globalThis.setImmediate;
afterEach(async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => turn(resolve));
});

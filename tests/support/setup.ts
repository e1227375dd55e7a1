// Every test starts from a clean runner environment: nothing from the machine's own GITHUB_* or
// INPUT_* variables may leak into what a test observes.
for (const key of Object.keys(process.env)) {
  if (key.startsWith('GITHUB_') || key.startsWith('INPUT_') || key.startsWith('RUNNER_') || key === 'CI') {
    delete process.env[key];
  }
}

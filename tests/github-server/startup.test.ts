import { describe, expect, it } from 'vitest';
import { apiDescriptionLoadMs, startGitHubServer } from '../support/github-server/index.js';

describe('start-up', () => {
  it('loads the API description once per process and starts later servers quickly', async () => {
    const started = performance.now();
    const first = await startGitHubServer();
    const firstMs = performance.now() - started;
    const again = performance.now();
    const second = await startGitHubServer();
    const secondMs = performance.now() - again;
    await Promise.all([first.close(), second.close()]);
    console.log(
      `github-server start-up: first ${firstMs.toFixed(0)} ms (API description load ${apiDescriptionLoadMs().toFixed(0)} ms), next ${secondMs.toFixed(1)} ms`,
    );
    expect(first.url).not.toBe(second.url);
    // Generous bounds (a shared 2-core machine): a regression to dereferencing the 73 MB file would break them.
    expect(firstMs).toBeLessThan(5000);
    expect(secondMs).toBeLessThan(200);
  });
});

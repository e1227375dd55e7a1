import type { TestCase, TestResults } from './model.js';

export { testTotals } from './results/index.js';

export function failedCases(results: TestResults): TestCase[] {
  return results.cases.failures();
}

/** `Suite › Nested › name`, as people read a test's identity. */
export function testTitle(c: TestCase): string {
  return [...c.suite, c.name].filter((s) => s !== '').join(' › ');
}

/**
 * `target` with `key` computed on first read (then kept): an enumerable accessor, so whatever reads the
 * object as data (JSON.stringify, a spread, the redactor's walk) sees the value as if it were a plain
 * property, and nothing that never reads it pays for computing it.
 */
export function withLazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): T {
  let done = false;
  let value: T[K];
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    },
  });
  return target;
}

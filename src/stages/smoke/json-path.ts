/**
 * The small JSONPath subset checks need: `$.a.b[0].c`, `a.b.0`, `$['odd key']`. Returns the
 * segments, or undefined when the text is not such a path.
 */
export function parseJsonPath(path: string): (string | number)[] | undefined {
  let rest = path.trim().replace(/^\$/, '');
  const segments: (string | number)[] = [];
  const token = /^(?:\.([^.[\]]+)|\[(\d+)\]|\[['"]([^'"]+)['"]\])/;
  if (rest !== '' && !rest.startsWith('.') && !rest.startsWith('[')) rest = `.${rest}`;
  while (rest !== '') {
    const m = token.exec(rest);
    if (!m) return undefined;
    if (m[1] !== undefined) segments.push(/^\d+$/.test(m[1]) ? Number(m[1]) : m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(m[3]);
    rest = rest.slice(m[0].length);
  }
  return segments;
}

export function lookup(value: unknown, segments: readonly (string | number)[]): { found: boolean; value?: unknown } {
  let current: unknown = value;
  for (const segment of segments) {
    if (typeof segment === 'number' && Array.isArray(current) && segment < current.length) current = current[segment];
    else if (
      current !== null &&
      typeof current === 'object' &&
      !Array.isArray(current) &&
      Object.prototype.hasOwnProperty.call(current, String(segment))
    )
      current = (current as Record<string, unknown>)[String(segment)];
    else return { found: false };
  }
  return { found: true, value: current };
}

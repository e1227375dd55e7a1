/**
 * A gate's required or actual value with its unit, as text (`80%`, `120 ms`): `count` and `rate`
 * say what the number is, not a unit to print after it (`1`, not `1count`).
 */
export function gateValue(value: string | number | boolean | null | undefined, unit: string | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  return `${String(value)}${unit === undefined || unit === 'count' || unit === 'rate' ? '' : unit}`;
}

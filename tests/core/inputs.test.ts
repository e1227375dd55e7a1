import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { InputReader, mapSource, parseDuration } from '../../src/core/inputs.js';

const reader = (values: Record<string, string>, style: 'flag' | 'input' = 'input') =>
  new InputReader(mapSource(values, style));

describe('InputReader', () => {
  it('reads YAML 1.2 booleans and refuses anything else, naming the input and the value', () => {
    expect(reader({ a: 'True' }).bool('a', false)).toBe(true);
    expect(reader({ a: 'FALSE' }).bool('a', true)).toBe(false);
    expect(reader({}).bool('a', true)).toBe(true);
    expect(() => reader({ a: 'yes' }).bool('a', false)).toThrow("input 'a' must be true or false, got 'yes'");
  });

  it('splits lists on newlines and commas, dropping blanks', () => {
    expect(reader({ l: 'a, b\n\n c ,,d' }).list('l')).toEqual(['a', 'b', 'c', 'd']);
    expect(reader({ l: 'npm run lint, --fix\nnpm test' }).lines('l')).toEqual(['npm run lint, --fix', 'npm test']);
  });

  it('validates numbers against their range with the option name in the message', () => {
    expect(reader({ n: '80' }).number('n', { min: 0, max: 100 })).toBe(80);
    expect(reader({ n: '80%' }).number('n', { min: 0, max: 100 })).toBe(80);
    expect(() => reader({ n: '120' }, 'flag').number('n', { min: 0, max: 100 })).toThrow(
      "--n must be a number from 0 to 100, got '120'",
    );
    expect(() => reader({ n: 'abc' }).number('n')).toThrow(UserError);
    expect(() => reader({ n: '1.5' }).number('n', { integer: true })).toThrow('a whole number');
  });

  it('requires required inputs and restricts enums', () => {
    expect(() => reader({}).required('url')).toThrow("input 'url' is required");
    expect(reader({ m: 'b' }).oneOf('m', ['a', 'b'] as const, 'a')).toBe('b');
    expect(() => reader({ m: 'c' }).oneOf('m', ['a', 'b'] as const, 'a')).toThrow("one of a, b, got 'c'");
  });

  it('parses durations', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('2')).toBe(2000);
    expect(parseDuration('2', 'ms')).toBe(2);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('masks secrets as soon as they are read', () => {
    const masked: string[] = [];
    const r = new InputReader({ ...mapSource({ token: 'ghs_abc' }), mask: (v) => masked.push(v) });
    expect(r.secret('token')).toBe('ghs_abc');
    expect(masked).toEqual(['ghs_abc']);
  });
});

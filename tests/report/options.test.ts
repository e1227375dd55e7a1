import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { readReportOptions } from '../../src/stages/report/options.js';
import { REPO } from './support/stages.js';

const read = (values: Record<string, string>) =>
  readReportOptions(new InputReader(mapSource(values, 'input')), '/work');

describe('the report action inputs', () => {
  it("the options reader's fallbacks equal the root action.yml's defaults", () => {
    const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const defaults: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.inputs))
      if (spec.default !== undefined && !String(spec.default).includes('${{')) defaults[name] = String(spec.default);
    expect(read(defaults)).toEqual(read({}));
    expect(read({})).toMatchObject({
      checkRun: true,
      checkName: 'shipkit',
      notifyOn: 'failure',
      comment: true,
      gates: { min: {} },
    });
  });

  it("reads gates that override the shards' own, and paths relative to the working directory", () => {
    const o = read({
      'min-lines': '80',
      'max-drop': '0.5',
      'path-thresholds': 'src/**: 70',
      reports: 'out',
      badge: 'b.svg',
      'require-baseline': 'true',
    });
    expect(o.gates).toEqual({
      min: { lines: 80 },
      maxDrop: 0.5,
      pathThresholds: [{ glob: 'src/**', min: { lines: 70 } }],
      requireBaseline: true,
    });
    expect(o.reports).toBe('/work/out');
    expect(o.badge).toBe('/work/b.svg');
  });

  it('a bad value names its input', () => {
    expect(() => read({ 'notify-on': 'sometimes' })).toThrow(
      /input 'notify-on' must be one of failure, always, change/,
    );
    expect(() => read({ 'notify-url': 'hooks.slack.com/x' })).toThrow(/input 'notify-url' must be an http\(s\) URL/);
    expect(() => read({ 'min-lines': '120' })).toThrow(/min-lines/);
    expect(() => read({ 'check-run': 'yes' })).toThrow(/check-run/);
  });
});

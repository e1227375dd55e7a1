import path from 'node:path';
import { UserError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';
import type { Metric } from '../test-stage/model.js';
import { parsePathThresholds, type PathThreshold } from '../test-stage/thresholds.js';

export type NotifyOn = 'failure' | 'always' | 'change';
export const NOTIFY_ON: readonly NotifyOn[] = ['failure', 'always', 'change'];

/** The coverage gates given to the report action itself; unset ones come from the shards' own inputs. */
export interface GateOverrides {
  min: Partial<Record<Metric, number>>;
  pathThresholds?: PathThreshold[];
  minDiffCoverage?: number;
  maxDrop?: number;
  base?: string;
  requireBaseline?: boolean;
}

export interface ReportOptions {
  /** Absolute directory to read reports from; undefined: download this run's artifacts. */
  reports?: string;
  gates: GateOverrides;
  /** Create the check run (Checks API). */
  checkRun: boolean;
  checkName: string;
  notifyUrl?: string;
  notifyOn: NotifyOn;
  /** Absolute path of the coverage badge SVG to write. */
  badge?: string;
  /** Update the PR comment (the merged test section; the runtime writes the report's own). */
  comment: boolean;
}

const pct = { min: 0, max: 100 } as const;

/** Reads the root action.yml's inputs (its defaults are repeated here as fallbacks; a test holds them equal). */
export function readReportOptions(inputs: InputReader, cwd: string): ReportOptions {
  const min: Partial<Record<Metric, number>> = {};
  for (const metric of ['lines', 'branches', 'functions', 'statements'] as const) {
    const v = inputs.number(`min-${metric}`, pct);
    if (v !== undefined) min[metric] = v;
  }
  const gates: GateOverrides = { min };
  const thresholds = inputs.text('path-thresholds');
  if (thresholds !== undefined)
    gates.pathThresholds = parsePathThresholds(thresholds, inputs.source.label('path-thresholds'));
  const minDiff = inputs.number('min-diff-coverage', pct);
  if (minDiff !== undefined) gates.minDiffCoverage = minDiff;
  const maxDrop = inputs.number('max-drop', pct);
  if (maxDrop !== undefined) gates.maxDrop = maxDrop;
  const base = inputs.string('base');
  if (base !== undefined) gates.base = base;
  if (inputs.string('require-baseline') !== undefined) gates.requireBaseline = inputs.bool('require-baseline', false);

  const notifyUrl = inputs.secret('notify-url');
  if (notifyUrl !== undefined && !/^https?:\/\//i.test(notifyUrl))
    throw new UserError(`${inputs.source.label('notify-url')} must be an http(s) URL`, { input: 'notify-url' });
  const reports = inputs.string('reports');
  const badge = inputs.string('badge');
  const checkName = inputs.string('check-name') ?? 'shipkit';
  return {
    ...(reports !== undefined ? { reports: path.resolve(cwd, reports) } : {}),
    gates,
    checkRun: inputs.bool('check-run', true),
    checkName,
    ...(notifyUrl !== undefined ? { notifyUrl } : {}),
    notifyOn: inputs.oneOf('notify-on', NOTIFY_ON, 'failure'),
    ...(badge !== undefined ? { badge: path.resolve(cwd, badge) } : {}),
    comment: inputs.bool('comment', true),
  };
}

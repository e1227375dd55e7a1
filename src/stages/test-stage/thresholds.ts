import { parse as parseYaml, YAMLParseError } from 'yaml';
import { UserError } from '../../core/errors.js';
import { METRICS, type Metric } from './model.js';

/** One glob of `path-thresholds` with the minimum percentage of each metric it sets. */
export interface PathThreshold {
  glob: string;
  min: Partial<Record<Metric, number>>;
}

const INPUT = 'path-thresholds';

function percent(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) return value;
  if (typeof value === 'string' && /^\d+(\.\d+)?%?$/.test(value.trim())) {
    const n = Number(value.trim().replace(/%$/, ''));
    if (n <= 100) return n;
  }
  throw new UserError(`${where} must be a percentage from 0 to 100, got ${JSON.stringify(value)}`, { input: INPUT });
}

/**
 * Parses the `path-thresholds` YAML: a map of glob → number (minimum line coverage) or
 * glob → { lines, branches, functions, statements }.
 *
 *     src/services/**: 70
 *     src/utils/**: { lines: 80, branches: 60 }
 */
export function parsePathThresholds(text: string | undefined, label = `input '${INPUT}'`): PathThreshold[] {
  try {
    return parse(text);
  } catch (error) {
    // The messages below say what is wrong with the value; the label (`--path-thresholds` in the
    // CLI) says which value.
    if (error instanceof UserError)
      throw new UserError(`${label}: ${error.message}`, error.location, { cause: error.cause });
    throw error;
  }
}

function parse(text: string | undefined): PathThreshold[] {
  if (text === undefined || text.trim() === '') return [];
  let doc: unknown;
  try {
    doc = parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0].line;
      throw new UserError(`is not valid YAML: ${error.message.split('\n')[0] ?? ''}`, {
        input: INPUT,
        ...(line ? { line } : {}),
      });
    }
    throw error;
  }
  if (doc === null || doc === undefined) return [];
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new UserError(
      `must be a YAML map of glob → percentage or glob → { lines, branches, functions, statements }`,
      { input: INPUT },
    );
  }
  const out: PathThreshold[] = [];
  for (const [glob, value] of Object.entries(doc as Record<string, unknown>)) {
    if (glob.trim() === '') throw new UserError('has an empty glob', { input: INPUT });
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const min: Partial<Record<Metric, number>> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (!(METRICS as readonly string[]).includes(key)) {
          throw new UserError(`'${glob}': unknown metric '${key}' (use ${METRICS.join(', ')})`, { input: INPUT });
        }
        min[key as Metric] = percent(v, `'${glob}' ${key}`);
      }
      if (Object.keys(min).length === 0) throw new UserError(`'${glob}' sets no metric`, { input: INPUT });
      out.push({ glob, min });
    } else {
      out.push({ glob, min: { lines: percent(value, `'${glob}'`) } });
    }
  }
  return out;
}

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { UserError } from '../../core/errors.js';

/** One entry of the `builds` input, as written: every field optional but `context` or `images`. */
export interface BuildEntry {
  name?: string;
  context?: string;
  file?: string;
  /** metadata-action list syntax, one entry per line (a YAML list is joined with newlines). */
  images?: string;
  tags?: string;
  target?: string;
  buildArgs: string[];
  platforms: string[];
  /** 1-based line of the entry in the input, for messages. */
  line: number;
}

/** A YAML scalar as text: `true`, `3` and `1.20` are written values, not a boolean or numbers. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

const KEYS = ['name', 'context', 'file', 'images', 'tags', 'target', 'build-args', 'platforms'] as const;

/**
 * `builds`: several images in one step (a backend and a frontend), as a YAML list of mappings:
 *
 *     - name: api
 *       context: services/api
 *       images: ghcr.io/acme/api
 *     - context: web
 *       file: web/Dockerfile.prod
 *       images: [ghcr.io/acme/web]
 *       tags: type=sha
 *
 * A field's value is a string or a list of strings (`build-args` may also be a mapping). Unknown keys and
 * wrong shapes are errors naming the line, so a typo never silently builds the wrong thing.
 */
export function parseBuilds(text: string | undefined, label: string): BuildEntry[] {
  if (text === undefined || text.trim() === '') return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const fail = (message: string, node?: Node | Pair | null): never => {
    const offset = node && 'range' in node && node.range ? node.range[0] : undefined;
    const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
    throw new UserError(`${label}${line ? ` line ${line}` : ''}: ${message}`, {
      input: 'builds',
      ...(line ? { line } : {}),
    });
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new UserError(`${label} is not valid YAML: ${e.message.split('\n')[0]}`, {
      input: 'builds',
      line: e.linePos?.[0]?.line ?? 1,
    });
  }
  const root = doc.contents;
  if (!isSeq(root)) return fail('must be a YAML list of builds (- context: …, images: …)', root);
  const strings = (node: unknown, key: string): string[] => {
    if (isScalar(node) && node.value === null) return [];
    if (isScalar(node)) return [scalarText(node.value) ?? fail(`${key} must be a string`, node)];
    if (isSeq(node))
      return node.items.map(
        (item) =>
          (isScalar(item) ? scalarText(item.value) : undefined) ??
          fail(`${key}: every item must be a string`, item as Node),
      );
    return fail(`${key} must be a string or a list of strings`, node as Node);
  };
  return root.items.map((item) => {
    if (!isMap(item)) return fail('each build must be a mapping (context: …, images: …)', item);
    const entry: BuildEntry = {
      buildArgs: [],
      platforms: [],
      line: lineCounter.linePos(item.range?.[0] ?? 0).line,
    };
    for (const pair of item.items) {
      const key = (isScalar(pair.key) ? scalarText(pair.key.value) : undefined) ?? '';
      if (!(KEYS as readonly string[]).includes(key))
        fail(`unknown key '${key}' (known: ${KEYS.join(', ')})`, pair.key);
      const one = (): string => {
        const values = strings(pair.value, key);
        if (values.length !== 1) fail(`${key} must be one string`, pair.value);
        return values[0].trim();
      };
      if (key === 'name') entry.name = one();
      else if (key === 'context') entry.context = one();
      else if (key === 'file') entry.file = one();
      else if (key === 'target') entry.target = one();
      else if (key === 'images') entry.images = strings(pair.value, key).join('\n');
      else if (key === 'tags') entry.tags = strings(pair.value, key).join('\n');
      else if (key === 'platforms') entry.platforms = strings(pair.value, key).flatMap((p) => p.split(','));
      else if (isMap(pair.value))
        entry.buildArgs = pair.value.items.map((p) => {
          const k = (isScalar(p.key) ? scalarText(p.key.value) : undefined) ?? '';
          const v = (isScalar(p.value) ? scalarText(p.value.value) : undefined) ?? '';
          return `${k}=${v}`;
        });
      else entry.buildArgs = strings(pair.value, key).flatMap((s) => s.split(/\r?\n/));
    }
    entry.platforms = entry.platforms.map((p) => p.trim()).filter(Boolean);
    entry.buildArgs = entry.buildArgs.map((a) => a.trim()).filter(Boolean);
    if (entry.context === undefined && entry.images === undefined)
      fail('a build needs at least a context or images', item);
    return entry;
  });
}

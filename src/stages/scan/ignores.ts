import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { UserError } from '../../core/errors.js';
import { normalizeId } from './ids.js';
import { TRIVY_IGNORE, TRIVY_IGNORE_YAML, type IgnoreFiles, type IgnoreRule } from './ignore-rules.js';
import type { Kind } from './model.js';

/**
 * Findings the team has decided about. Three files, all optional:
 *
 * - `.shipkit/scan-ignore.yml` (input `ignore-file`): a list (or `ignore:` list) of entries with
 *   `id` (an id or alias, or a pattern: `GHSA-*`) and/or `package` (a picomatch pattern: `@babel/*`),
 *   optionally `path` (pattern on the target or file), a required `reason` and a required `expires`
 *   date (YYYY-MM-DD). An ignore that never expires is how old findings stop being looked at.
 * - `.trivyignore` (Trivy's format): one id per line, `#` comments, an optional `exp:YYYY-MM-DD`.
 * - `.trivyignore.yaml` (Trivy's format): `vulnerabilities`, `misconfigurations`, `secrets` lists of
 *   `{id, paths, purls, statement, expired_at}`.
 *
 * An ignored finding stays in the report with `ignored: {reason, source, expires}` and does not count.
 * An expired entry ignores nothing, and the `ignore-expiry` gate fails naming its file and line.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const idMatcher = (pattern: string): ((id: string) => boolean) => {
  const canonical = normalizeId(pattern) ?? pattern;
  if (!/[*?[\]{}!]/.test(pattern)) return (id) => id.toLowerCase() === canonical.toLowerCase();
  const m = picomatch(pattern, { nocase: true });
  return (id) => m(id);
};

const globMatcher = (patterns: string[]): ((p: string) => boolean) => {
  const ms = patterns.map((p) => picomatch(p.replace(/^\.\//, ''), { dot: true }));
  return (p) => ms.some((m) => m(p.replace(/^\.\//, '')));
};

function parsePurl(purl: string): { name: string; version?: string } | undefined {
  const m = /^pkg:[^/]+\/(.+?)(?:@([^?#]+))?(?:[?#].*)?$/.exec(purl);
  if (!m) return undefined;
  const name = decodeURIComponent(m[1]);
  return m[2] ? { name, version: decodeURIComponent(m[2]) } : { name };
}

interface YamlFile {
  file: string;
  lines: LineCounter;
  input: string;
}

function lineOfNode(y: YamlFile, node: Node | null | undefined): number {
  const offset = node?.range?.[0] ?? 0;
  return y.lines.linePos(offset).line;
}

function fail(y: YamlFile, node: Node | null | undefined, message: string): never {
  throw new UserError(message, { input: y.input, file: y.file, line: lineOfNode(y, node) });
}

function loadYaml(full: string, file: string, input: string): { y: YamlFile; root: Node | null } {
  const text = readFileSync(full, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const y: YamlFile = { file, lines, input };
  const error = doc.errors[0];
  if (error) {
    throw new UserError(`not valid YAML: ${error.message.split('\n')[0]}`, {
      input,
      file,
      line: lines.linePos(error.pos[0]).line,
    });
  }
  return { y, root: doc.contents };
}

function scalarString(y: YamlFile, map: YAMLMap, key: string): { value: string; node: Node } | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || node === null) return undefined;
  if (!isScalar(node) || node.value === null || typeof node.value === 'object')
    fail(y, node, `'${key}' must be a string`);
  const v: unknown = node.value;
  return {
    value: (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '').trim(),
    node,
  };
}

function stringList(y: YamlFile, map: YAMLMap, key: string): string[] | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || node === null) return undefined;
  if (isScalar(node)) return [String(node.value)];
  if (!isSeq(node)) fail(y, node, `'${key}' must be a list of strings`);
  return node.items.map((item) => {
    if (!isScalar(item)) fail(y, item as Node, `'${key}' must be a list of strings`);
    return String(item.value);
  });
}

function expiry(y: YamlFile, map: YAMLMap, key: string, required: boolean, entryNode: Node): string | null {
  const e = scalarString(y, map, key);
  if (!e) {
    if (required)
      fail(y, entryNode, `this ignore has no '${key}': give a date (YYYY-MM-DD) after which the finding counts again`);
    return null;
  }
  if (!validDate(e.value)) fail(y, e.node, `'${key}' must be a date like 2026-12-31, got '${e.value}'`);
  return e.value;
}

const SHIPKIT_KEYS = new Set(['id', 'package', 'path', 'reason', 'expires']);

/** `.shipkit/scan-ignore.yml`. */
export function parseShipkitIgnores(full: string, file: string, input: string): IgnoreRule[] {
  const { y, root } = loadYaml(full, file, input);
  if (root === null) return [];
  let list: Node | null | undefined = root;
  if (isMap(root)) list = root.get('ignore', true);
  if (list === undefined || list === null) return [];
  if (!isSeq(list)) fail(y, list, "expected a list of ignores (or 'ignore:' with a list)");
  const rules: IgnoreRule[] = [];
  for (const item of list.items) {
    const node = item as Node;
    if (!isMap(node)) fail(y, node, 'each ignore must be a mapping with id or package, reason and expires');
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!SHIPKIT_KEYS.has(k))
        fail(y, pair.key as Node, `unknown key '${k}' (an ignore has id, package, path, reason, expires)`);
    }
    const id = scalarString(y, node, 'id');
    const pkg = scalarString(y, node, 'package');
    if (!id && !pkg) fail(y, node, "an ignore needs 'id' or 'package'");
    const reason = scalarString(y, node, 'reason');
    if (!reason || reason.value === '') fail(y, reason?.node ?? node, "an ignore needs a 'reason'");
    const paths = stringList(y, node, 'path');
    const line = lineOfNode(y, node);
    rules.push({
      source: `${file}:${line}`,
      file,
      line,
      reason: reason.value,
      expires: expiry(y, node, 'expires', true, node),
      ...(id ? { matchId: idMatcher(id.value) } : {}),
      ...(pkg ? { matchPackage: picomatch(pkg.value) } : {}),
      ...(paths ? { matchPath: globMatcher(paths) } : {}),
      label: [id?.value, pkg ? `package ${pkg.value}` : undefined].filter(Boolean).join(' in '),
    });
  }
  return rules;
}

/** `.trivyignore`: `CVE-2019-14697 exp:2023-01-01`, comments after `#`. */
export function parseTrivyIgnore(text: string, file: string, input: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const body = lines[i].replace(/#.*$/, '').trim();
    if (body === '') continue;
    const [id, ...rest] = body.split(/\s+/);
    let expires: string | null = null;
    for (const part of rest) {
      const m = /^exp:(.*)$/.exec(part);
      if (!m) continue;
      if (!validDate(m[1]))
        throw new UserError(`'exp:' must be a date like 2026-12-31, got '${m[1]}'`, { input, file, line: i + 1 });
      expires = m[1]!;
    }
    const comment = /#\s*(.+)$/.exec(lines[i])?.[1]?.trim();
    rules.push({
      source: `${file}:${i + 1}`,
      file,
      line: i + 1,
      reason: comment ?? `listed in ${file}`,
      expires,
      matchId: idMatcher(id),
      label: id,
    });
  }
  return rules;
}

const TRIVY_SECTIONS: Record<string, Kind> = {
  vulnerabilities: 'vuln',
  misconfigurations: 'misconfig',
  secrets: 'secret',
};

/** `.trivyignore.yaml`. */
export function parseTrivyIgnoreYaml(full: string, file: string, input: string): IgnoreRule[] {
  const { y, root } = loadYaml(full, file, input);
  if (root === null) return [];
  if (!isMap(root)) fail(y, root, 'expected vulnerabilities:, misconfigurations: or secrets: lists');
  const rules: IgnoreRule[] = [];
  for (const pair of root.items) {
    const section = isScalar(pair.key) ? String(pair.key.value) : '';
    const kind = TRIVY_SECTIONS[section];
    if (!kind) continue; // licenses: not findings of this stage
    const list = pair.value as Node | null;
    if (list === null) continue;
    if (!isSeq(list)) fail(y, list, `'${section}' must be a list`);
    for (const item of list.items) {
      const node = item as Node;
      if (!isMap(node)) fail(y, node, `each entry of '${section}' must be a mapping with an id`);
      const id = scalarString(y, node, 'id');
      if (!id) fail(y, node, "each entry needs an 'id'");
      const paths = stringList(y, node, 'paths');
      const purls = stringList(y, node, 'purls')?.flatMap((p) => parsePurl(p) ?? []);
      const statement = scalarString(y, node, 'statement');
      const line = lineOfNode(y, node);
      rules.push({
        source: `${file}:${line}`,
        file,
        line,
        reason: statement?.value || `listed in ${file}`,
        expires: expiry(y, node, 'expired_at', false, node),
        kind,
        matchId: idMatcher(id.value),
        ...(paths ? { matchPath: globMatcher(paths) } : {}),
        ...(purls && purls.length > 0 ? { purls } : {}),
        label: id.value,
      });
    }
  }
  return rules;
}

/** Every rule from the three files under `cwd`; a named ignore-file that is missing is the user's mistake. */
export function loadIgnores(cwd: string, files: IgnoreFiles): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  const own = path.resolve(cwd, files.ignoreFile);
  if (existsSync(own)) rules.push(...parseShipkitIgnores(own, files.ignoreFile, 'ignore-file'));
  else if (files.explicit)
    throw new UserError(`ignore file '${files.ignoreFile}' not found (looked in ${cwd})`, { input: 'ignore-file' });
  const trivy = path.join(cwd, TRIVY_IGNORE);
  if (existsSync(trivy)) rules.push(...parseTrivyIgnore(readFileSync(trivy, 'utf8'), TRIVY_IGNORE, 'ignore-file'));
  const trivyYaml = path.join(cwd, TRIVY_IGNORE_YAML);
  if (existsSync(trivyYaml)) rules.push(...parseTrivyIgnoreYaml(trivyYaml, TRIVY_IGNORE_YAML, 'ignore-file'));
  return rules;
}

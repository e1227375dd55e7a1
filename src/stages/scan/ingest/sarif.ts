import { idFromUrl, normalizeId } from '../ids.js';
import type { Kind, RawFinding, Severity } from '../model.js';
import { redactSnippet } from '../redact.js';
import { severityFromSarifLevel, severityFromScore, severityFromWord } from '../severity.js';
import { lockfileEcosystem } from '../lockfiles.js';
import { streamJsonFile, type PathItem } from './json-stream.js';
import { isObject, layoutError, num, str, syntaxError, type Source } from './read-json.js';
import { internFinding, Strings } from './strings.js';

/**
 * SARIF 2.1.0 from any tool: Trivy, Snyk, Semgrep, CodeQL, gitleaks… Each run's `tool` names the
 * tool and holds its rules; each result names its rule (`ruleId`, `ruleIndex`, or `rule` with a
 * tool component), a level, locations and a message. Read as a stream: results are taken one at a
 * time; `artifacts`, `invocations`, `taxonomies` and the like are skipped unparsed.
 */

interface Rule {
  id?: string;
  name?: string;
  title?: string;
  helpUri?: string;
  level?: string;
  securitySeverity?: Severity;
  tags: string[];
}

interface RunState {
  tool?: string;
  rules: Rule[];
  /** Rules of extensions (CodeQL packs), by extension index. */
  extensionRules: Rule[][];
  ruleById: Map<string, Rule>;
  /** Results seen before `tool` (a run written tool-last): converted when the run ends. */
  waiting: { value: Record<string, unknown>; line: number }[];
  baseIds: Record<string, string>;
}

/** `CodeQL` → `codeql`, `Snyk Open Source` → `snyk-open-source`, `Semgrep OSS` → `semgrep-oss`. */
export function toolId(name: string): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'sarif'
  );
}

function text(v: unknown): string | undefined {
  return isObject(v) ? (str(v.text) ?? str(v.markdown)) : undefined;
}

function ruleOf(r: Record<string, unknown>): Rule {
  const props = isObject(r.properties) ? r.properties : {};
  const tags = Array.isArray(props.tags) ? props.tags.filter((t): t is string => typeof t === 'string') : [];
  const config = isObject(r.defaultConfiguration) ? r.defaultConfiguration : {};
  const score = severityFromScore(props['security-severity']);
  return {
    ...(str(r.id) ? { id: r.id as string } : {}),
    ...(str(r.name) ? { name: r.name as string } : {}),
    ...((text(r.shortDescription) ?? text(r.fullDescription))
      ? { title: (text(r.shortDescription) ?? text(r.fullDescription))! }
      : {}),
    ...(str(r.helpUri) ? { helpUri: r.helpUri as string } : {}),
    ...(str(config.level) ? { level: config.level as string } : {}),
    ...(score ? { securitySeverity: score } : {}),
    tags,
  };
}

function kindOf(tags: readonly string[], ruleId: string): Kind {
  const t = tags.map((x) => x.toLowerCase());
  if (
    t.includes('secret') ||
    t.includes('secrets') ||
    (/secret|credential|token|private-key/i.test(ruleId) &&
      t.includes('security') &&
      !t.some((x) => x.startsWith('external/cwe')))
  )
    return 'secret';
  if (
    t.some(
      (x) =>
        x === 'misconfiguration' || x === 'iac' || x === 'config' || x === 'configuration' || x === 'infrastructure',
    )
  )
    return 'misconfig';
  return 'vuln';
}

/** `file:///work/app/src/a.js` with `%SRCROOT%` = `file:///work/app/` → `src/a.js`. */
function locationOf(result: Record<string, unknown>, run: RunState): { uri?: string; line?: number; snippet?: string } {
  const loc = Array.isArray(result.locations) ? result.locations.find(isObject) : undefined;
  const phys = loc && isObject(loc.physicalLocation) ? loc.physicalLocation : undefined;
  if (!phys) return {};
  const art = isObject(phys.artifactLocation) ? phys.artifactLocation : {};
  let uri = str(art.uri);
  // A uri relative to a base id (%SRCROOT%, ROOTPATH) is relative to the checkout already; an absolute
  // `file://` uri is made relative by the checkout root the run names, if it names one.
  if (uri && /^file:\/\//i.test(uri)) {
    uri = decodeURIComponent(uri.replace(/^file:\/\//i, ''));
    const root = Object.entries(run.baseIds)
      .find(([k]) => /^%?SRCROOT%?$/.test(k))?.[1]
      ?.replace(/^file:\/\//i, '');
    if (root && uri.startsWith(decodeURIComponent(root))) uri = uri.slice(decodeURIComponent(root).length);
  } else if (uri) {
    uri = decodeURIComponent(uri);
  }
  if (uri) uri = uri.replace(/^\.\//, '');
  const region = isObject(phys.region) ? phys.region : {};
  const snippet = isObject(region.snippet) ? str(region.snippet.text) : undefined;
  return {
    ...(uri ? { uri } : {}),
    ...(num(region.startLine) ? { line: region.startLine as number } : {}),
    ...(snippet ? { snippet } : {}),
  };
}

/** Trivy's SARIF message: `Package: x\nInstalled Version: y\nVulnerability CVE-…\nSeverity: …\nFixed Version: z`. */
function trivyPackage(
  message: string,
): { package: string; installed: string | null; fixed: string | null; severity?: Severity } | undefined {
  const pkg = /^Package: (.+)$/m.exec(message)?.[1]?.trim();
  if (!pkg) return undefined;
  // The advisory's own word, as in Trivy's JSON; the rule's security-severity is only its CVSS score.
  const severity = severityFromWord(/^Severity: (.+)$/m.exec(message)?.[1]);
  return {
    package: pkg,
    installed: /^Installed Version: (.+)$/m.exec(message)?.[1]?.trim() || null,
    fixed: /^Fixed Version: (.+)$/m.exec(message)?.[1]?.trim() || null,
    ...(severity ? { severity } : {}),
  };
}

function ruleFor(result: Record<string, unknown>, run: RunState): Rule | undefined {
  const ref = isObject(result.rule) ? result.rule : undefined;
  const index = num(result.ruleIndex) ?? (ref ? num(ref.index) : undefined);
  const component = ref && isObject(ref.toolComponent) ? num(ref.toolComponent.index) : undefined;
  if (index !== undefined) {
    const rules = component !== undefined ? run.extensionRules[component] : run.rules;
    const rule = rules?.[index];
    if (rule) return rule;
  }
  const id = str(result.ruleId) ?? (ref ? str(ref.id) : undefined);
  return id ? run.ruleById.get(id) : undefined;
}

function convert(result: Record<string, unknown>, run: RunState): RawFinding | undefined {
  // Suppressed results (`suppressions` with an accepted status) were dismissed in the tool itself.
  if (
    Array.isArray(result.suppressions) &&
    result.suppressions.some((s) => isObject(s) && (s.status ?? 'accepted') === 'accepted')
  )
    return undefined;
  if (result.kind !== undefined && result.kind !== 'fail') return undefined; // pass, notApplicable, informational…
  const rule = ruleFor(result, run);
  const ruleId = str(result.ruleId) ?? rule?.id ?? 'unknown-rule';
  const props = isObject(result.properties) ? result.properties : {};
  const tags = [
    ...(rule?.tags ?? []),
    ...(Array.isArray(props.tags) ? props.tags.filter((t): t is string => typeof t === 'string') : []),
  ];
  const kind = kindOf(tags, ruleId);
  const message = text(result.message) ?? '';
  const where = locationOf(result, run);
  const tool = run.tool ?? 'sarif';
  const ids = [normalizeId(ruleId) ?? ruleId];
  const helpId = rule?.helpUri ? idFromUrl(rule.helpUri) : undefined;
  if (helpId && kind === 'vuln' && !ids.includes(helpId)) ids.push(helpId);
  const pkg = tool === 'trivy' && kind === 'vuln' ? trivyPackage(message) : undefined;
  const severity =
    pkg?.severity ??
    severityFromScore(props['security-severity']) ??
    rule?.securitySeverity ??
    severityFromSarifLevel(str(result.level) ?? rule?.level);
  // A package's location in Trivy's SARIF is its lockfile, or for an image the image itself: no file to annotate.
  const file = pkg && where.uri && !lockfileEcosystem(where.uri) ? null : (where.uri ?? null);
  const title =
    kind === 'secret'
      ? (rule?.title ?? rule?.name ?? ruleId) // a secret's message may quote the secret
      : pkg
        ? (rule?.title ?? ruleId)
        : message.split('\n')[0] || rule?.title || ruleId;
  return {
    ids,
    severity,
    kind,
    title,
    package: pkg?.package ?? null,
    installed: pkg?.installed ?? null,
    fixed: pkg?.fixed ?? null,
    target: where.uri ?? '',
    file,
    line: where.line ?? null,
    tool,
    url: rule?.helpUri ?? null,
    ...(kind === 'secret' ? { snippet: redactSnippet(where.snippet ?? '') } : {}),
  };
}

export interface SarifReport {
  findings: RawFinding[];
  /** Driver names of the runs, in order. */
  tools: string[];
}

export async function readSarifReport(path: string, source: Source): Promise<SarifReport> {
  const report: SarifReport = { findings: [], tools: [] };
  let version: unknown;
  const runs = new Map<number, RunState>();
  const runOf = (i: number): RunState => {
    let r = runs.get(i);
    if (!r) {
      r = { rules: [], extensionRules: [], ruleById: new Map(), waiting: [], baseIds: {} };
      runs.set(i, r);
    }
    return r;
  };
  const strings = new Strings();
  const push = (f: RawFinding | undefined) => {
    if (f) report.findings.push(internFinding(f, strings));
  };
  try {
    await streamJsonFile(path, {
      want(p: readonly PathItem[]) {
        const d = p.length;
        if (d === 0) return 'descend';
        if (d === 1) return p[0] === 'runs' ? 'descend' : p[0] === 'version' ? 'capture' : 'skip';
        if (p[0] !== 'runs') return 'skip';
        if (d === 2) return 'descend';
        const k = p[2];
        if (d === 3)
          return k === 'results' ? 'descend' : k === 'tool' || k === 'originalUriBaseIds' ? 'capture' : 'skip';
        return d === 4 && k === 'results' ? 'capture' : 'skip';
      },
      value(p, value, line) {
        if (p.length === 1) {
          version = value;
          return;
        }
        const run = runOf(p[1] as number);
        if (p[2] === 'tool') {
          if (!isObject(value) || !isObject(value.driver))
            throw layoutError(source, 'SARIF', 'a run has no tool.driver', line);
          const driver = value.driver;
          run.tool = toolId(str(driver.name) ?? 'sarif');
          report.tools.push(run.tool);
          run.rules = Array.isArray(driver.rules) ? driver.rules.filter(isObject).map(ruleOf) : [];
          run.extensionRules = Array.isArray(value.extensions)
            ? value.extensions.map((e) =>
                isObject(e) && Array.isArray(e.rules) ? e.rules.filter(isObject).map(ruleOf) : [],
              )
            : [];
          for (const r of [...run.rules, ...run.extensionRules.flat()])
            if (r.id && !run.ruleById.has(r.id)) run.ruleById.set(r.id, r);
          for (const w of run.waiting.splice(0)) push(convert(w.value, run));
        } else if (p[2] === 'originalUriBaseIds') {
          if (isObject(value))
            for (const [k, v] of Object.entries(value)) {
              const uri = isObject(v) ? str(v.uri) : undefined;
              if (uri) run.baseIds[k] = uri.endsWith('/') ? uri : `${uri}/`;
            }
        } else {
          if (!isObject(value)) throw layoutError(source, 'SARIF', 'a result is not an object', line);
          if (run.tool === undefined) run.waiting.push({ value, line });
          else push(convert(value, run));
        }
      },
      close(p) {
        if (p.length === 2 && p[0] === 'runs') {
          const run = runs.get(p[1] as number);
          if (run && run.tool === undefined && run.waiting.length > 0)
            throw layoutError(source, 'SARIF', `run ${String(p[1])} has results but no tool`);
          runs.delete(p[1] as number);
        }
      },
    });
  } catch (error) {
    throw syntaxError(error, source);
  }
  if (version !== '2.1.0')
    throw layoutError(
      source,
      'SARIF',
      version === undefined ? 'no "version"' : `version ${JSON.stringify(version)}: shipkit reads SARIF 2.1.0`,
    );
  return report;
}

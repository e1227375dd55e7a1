import { lineOf, type DockerfileModel } from './dockerfile-model.js';
import type { PolicyFinding, RawFinding } from './finding.js';
import { isPolicyRule, POLICY_RULES, severityOf, type PolicyLevel } from './rules.js';

interface IgnoreComment {
  /** 1-based line of the comment. */
  line: number;
  rule: string;
  reason: string;
}

const IGNORE = /^shipkit-ignore\s*:\s*(\S*)\s*(.*)$/;

/**
 * Applies `# shipkit-ignore: <rule> <reason>` comments: one in the run of comment lines right above the
 * line a finding is on skips that rule there, and the finding is kept as ignored with its reason (so the
 * report still shows it). An ignore with no reason or an unknown rule skips nothing and is a finding itself.
 */
export function applyIgnores(
  raw: readonly RawFinding[],
  model: DockerfileModel,
  level: Exclude<PolicyLevel, 'off'>,
): PolicyFinding[] {
  const comments = commentLines(model);
  const ignores = new Map<number, IgnoreComment>();
  const problems: RawFinding[] = [];
  for (const [line, text] of comments) {
    const m = IGNORE.exec(text);
    if (!m) continue;
    const rule = m[1] ?? '';
    const reason = (m[2] ?? '').trim();
    if (!isPolicyRule(rule) || rule === 'shipkit-ignore') {
      problems.push({
        rule: 'shipkit-ignore',
        line,
        message: `shipkit-ignore names ${rule ? `an unknown rule '${rule}'` : 'no rule'}: use one of ${Object.keys(
          POLICY_RULES,
        )
          .filter((r) => r !== 'shipkit-ignore')
          .join(', ')}`,
      });
    } else if (reason === '') {
      problems.push({
        rule: 'shipkit-ignore',
        line,
        message: `shipkit-ignore: ${rule} gives no reason, so it skips nothing: say why the rule does not apply here`,
      });
    } else {
      ignores.set(line, { line, rule, reason });
    }
  }

  const out: PolicyFinding[] = raw.map((finding) => {
    let reason: string | undefined;
    for (let l = finding.line - 1; comments.has(l); l--) {
      const ignore = ignores.get(l);
      if (ignore?.rule === finding.rule) {
        reason = ignore.reason;
        break;
      }
    }
    return {
      ...finding,
      file: model.file,
      severity: severityOf(finding.rule, level),
      ignored: reason !== undefined,
      ...(reason !== undefined ? { reason } : {}),
    };
  });
  for (const p of problems) out.push({ ...p, file: model.file, severity: severityOf(p.rule, level), ignored: false });
  return out;
}

/**
 * Every comment line by 1-based line, with its text after `#`. dockerfile-ast reads any `# key=value` in the
 * lines at the top as a parser directive (BuildKit only takes `# name=value` with a plain name), so an ignore
 * there whose reason holds `=` is not among its comments: directives are read back from their raw lines.
 */
function commentLines(model: DockerfileModel): Map<number, string> {
  const comments = new Map<number, string>();
  for (const d of model.dockerfile.getDirectives()) {
    const line = lineOf(d);
    comments.set(line, (model.lines[line - 1] ?? '').replace(/^\s*#/, '').trim());
  }
  for (const c of model.dockerfile.getComments()) comments.set(lineOf(c), (c.getContent() ?? '').trim());
  return new Map([...comments].sort(([a], [b]) => a - b));
}

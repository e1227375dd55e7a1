import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../../core/errors.js';
import type { RawFinding } from '../model.js';
import { npmLockVersions } from '../lockfiles.js';
import { describeSniffed, FORMATS, readHead, READABLE, sniff, type FindingsFormat } from './detect.js';
import { parseJsonText, type Source } from './read-json.js';
import { readSarifReport } from './sarif.js';
import { readTrivyReport } from './trivy.js';

/**
 * The audit parsers compare versions with semver's ranges, which cost the process 4–6 MB when
 * loaded (measured in bench/scan.bench.ts): loaded when an audit's output is read, not by a scan
 * that reads Trivy JSON or SARIF.
 */
const npmAudit = () => import('./npm-audit.js');
const osvScanner = () => import('./osv-scanner.js');

export interface IngestResult {
  format: FindingsFormat;
  findings: RawFinding[];
  /** Tools named inside the file (SARIF runs), for the report. */
  tools: string[];
}

export interface IngestContext {
  /** The directory the scan is about: lockfiles are looked up and targets made relative from here. */
  root: string;
}

/** The lockfile beside a report, or in the scanned directory: npm's report names nodes, not versions. */
function npmVersions(root: string, reportDir: string): { versions: Map<string, string>; target: string } {
  for (const dir of [root, reportDir]) {
    const lock = path.join(dir, 'package-lock.json');
    if (existsSync(lock)) {
      let doc: unknown;
      try {
        doc = JSON.parse(readFileSync(lock, 'utf8'));
      } catch {
        continue;
      }
      return { versions: npmLockVersions(doc), target: path.relative(root, lock).split(path.sep).join('/') };
    }
  }
  return { versions: new Map(), target: 'package-lock.json' };
}

/**
 * Reads one report, whatever tool wrote it. `expect` is the format the caller knows it asked for
 * (an audit it ran); a file of another format is refused naming what it looks like.
 */
export async function readFindingsFile(
  file: string,
  source: Source,
  ctx: IngestContext,
  expect?: FindingsFormat,
): Promise<IngestResult> {
  let head: string;
  try {
    head = await readHead(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? 'report not found' : `cannot read the report: ${(error as Error).message}`,
      {
        input: source.input,
        file: source.file,
      },
    );
  }
  const sniffed = sniff(head);
  const looks = describeSniffed(sniffed);
  if (expect && (!('format' in sniffed) || sniffed.format !== expect))
    throw new UserError(`expected ${FORMATS[expect]}, but this looks like ${looks}`, {
      input: source.input,
      file: source.file,
    });
  if (!('format' in sniffed) || !READABLE.includes(sniffed.format))
    throw new UserError(
      `this looks like ${looks}, not a findings report shipkit reads (Trivy JSON, SARIF 2.1.0, npm/pnpm/yarn audit JSON, osv-scanner JSON)`,
      { input: source.input, file: source.file },
    );
  const format = sniffed.format;
  switch (format) {
    case 'trivy': {
      const r = await readTrivyReport(file, source);
      return { format, findings: r.findings, tools: ['trivy'] };
    }
    case 'sarif': {
      const r = await readSarifReport(file, source);
      return { format, findings: r.findings, tools: r.tools };
    }
    case 'npm-audit': {
      const doc = parseJsonText(await readFile(file, 'utf8'), source);
      return {
        format,
        findings: (await npmAudit()).parseNpmAudit(doc, source, npmVersions(ctx.root, path.dirname(file))),
        tools: ['npm-audit'],
      };
    }
    case 'npm-audit-v6':
    case 'pnpm-audit': {
      const doc = parseJsonText(await readFile(file, 'utf8'), source);
      const tool = format === 'pnpm-audit' ? 'pnpm-audit' : 'npm-audit';
      const target = format === 'pnpm-audit' ? 'pnpm-lock.yaml' : 'package-lock.json';
      return {
        format,
        findings: (await npmAudit()).parseAdvisoriesAudit(doc, source, { target, tool, format: FORMATS[format] }),
        tools: [tool],
      };
    }
    case 'yarn-audit': {
      const text = await readFile(file, 'utf8');
      const { parseYarnBerryAudit } = await npmAudit();
      return { format, findings: parseYarnBerryAudit(text, source, { target: 'yarn.lock' }), tools: ['yarn-audit'] };
    }
    case 'osv-scanner': {
      const doc = parseJsonText(await readFile(file, 'utf8'), source);
      const { parseOsvScanner } = await osvScanner();
      return { format, findings: parseOsvScanner(doc, source, { root: ctx.root }), tools: ['osv-scanner'] };
    }
    default:
      throw new UserError(`this looks like ${looks}, which shipkit does not read`, {
        input: source.input,
        file: source.file,
      });
  }
}

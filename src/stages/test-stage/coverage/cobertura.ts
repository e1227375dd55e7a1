import type { CoverageSet, FileCoverage } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, LineOrdinals, markMeasured, positionKeys } from './coverage-set.js';
import type { ReportFile } from './report-file.js';
import { detach, intAttr, streamXml } from './xml-stream.js';

const CONDITIONS = /\((\d+)\/(\d+)\)/;

/**
 * Cobertura XML (coverage.py, istanbul, gcovr, Cobertura/Java, scoverage). Line data is read from
 * each class's own `<lines>`; the copies under `<methods>` only give each method its hit count
 * (the hits of its first line). A file split over several classes merges into one. Branch arms come
 * from `condition-coverage="50% (1/2)"`: only their number is known, not which arm ran (so the file's
 * arms are marked counted), keyed `line:n`. A method is keyed by its first line's position. Line number 0 is not a source line and is
 * skipped (coverage.py has written it for empty modules).
 */
export async function parseCobertura(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  const roots: string[] = [];
  let file: FileCoverage | undefined;
  let files = 0;
  let inMethods = 0;
  let method: { name: string; line?: number; hits: number } | undefined;
  let inSource = false;
  let sourceText = '';
  let sawRoot = false;
  let sawBranches = false;
  let sawMethods = false;
  const key = positionKeys();
  /** Per file: the methods met so far on each line (a file split over classes keeps counting). */
  const methodOrdinals = new Map<FileCoverage, LineOrdinals>();

  await streamXml(report, {
    open(name, attrs, ctx) {
      // <line> first: it is nearly every element of a report.
      switch (name) {
        case 'line': {
          if (!file) return ctx.fail('<line> outside a <class>');
          const line = intAttr(attrs, 'number', ctx);
          const hits = Math.max(0, intAttr(attrs, 'hits', ctx, 0));
          if (inMethods) {
            if (method && method.line === undefined) {
              method.line = line;
              method.hits = hits;
            }
            return;
          }
          if (line <= 0) return;
          file.lines.add(line, hits);
          const conditions = attrs.get('branch') === 'true' ? attrs.get('condition-coverage') : undefined;
          if (conditions) {
            const m =
              CONDITIONS.exec(conditions) ??
              ctx.fail(`condition-coverage="${conditions.slice(0, 40)}" is not "N% (covered/total)"`);
            const covered = Number(m[1]);
            const total = Number(m[2]);
            if (covered > total || total > 10_000) ctx.fail(`condition-coverage ${covered}/${total} is impossible`);
            for (let arm = 0; arm < total; arm++) file.branches.add(key(line, arm), line, arm < covered ? 1 : 0);
            file.branchesCounted = true;
            sawBranches = true;
          }
          return;
        }
        case 'coverage':
          sawRoot = true;
          return;
        case 'source':
          inSource = true;
          sourceText = '';
          return;
        case 'class': {
          const path = attrs.get('filename') ?? attrs.get('name');
          file = fileIn(set, path ? path : ctx.fail('<class> without a filename'));
          files++;
          return;
        }
        case 'methods':
          inMethods++;
          return;
        case 'method':
          if (file && inMethods) method = { name: attrs.get('name') ?? '(anonymous)', hits: 0 };
          return;
        default:
          return;
      }
    },
    close(name) {
      if (name === 'line') return;
      if (name === 'source') {
        inSource = false;
        const root = sourceText.trim();
        if (root) roots.push(detach(root));
      } else if (name === 'method') {
        if (method && file) {
          const line = method.line ?? 0;
          let ordinals = methodOrdinals.get(file);
          if (!ordinals) methodOrdinals.set(file, (ordinals = new LineOrdinals()));
          file.functions.add(key(line, ordinals.take(line)), line, method.hits);
          sawMethods = true;
        }
        method = undefined;
      } else if (name === 'methods') {
        inMethods--;
      } else if (name === 'class') {
        file = undefined;
      }
    },
    text(text) {
      if (inSource) sourceText += text;
    },
  });
  if (!sawRoot) return { files: 0 };
  if (files > 0) markMeasured(set, 'lines');
  if (sawBranches) markMeasured(set, 'branches');
  if (sawMethods) markMeasured(set, 'functions');
  return { files, roots };
}

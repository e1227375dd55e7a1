import type { CoverageSet, FileCoverage } from '../model.js';
import type { ParseResult } from './coverage-set.js';
import { fileIn, LineOrdinals, markMeasured, positionKeys } from './coverage-set.js';
import type { ReportFile } from './report-file.js';
import { intAttr, streamXml } from './xml-stream.js';

/**
 * JaCoCo XML. Files are `<package name>/<sourcefile name>` (package names already use `/`).
 * A line is executable when it has instructions (mi + ci > 0) and covered when ci > 0, which is
 * JaCoCo's LINE counter; its mb + cb branches become arms `line:n`, the first cb covered (BRANCH).
 * Methods come from `<class><method line>` with their METHOD counter (METHOD). JaCoCo has no
 * statements (instructions are a different unit), so statements stay unmeasured.
 */
export async function parseJacoco(report: ReportFile, set: CoverageSet): Promise<ParseResult> {
  let pkg = '';
  let className = '';
  let classSource: string | undefined;
  let method: { name: string; desc: string; line: number; covered: boolean } | undefined;
  let file: FileCoverage | undefined;
  let files = 0;
  let sawRoot = false;
  let sawBranches = false;
  let sawMethods = false;
  const pathOf = (name: string): string => (pkg ? `${pkg}/${name}` : name);
  const key = positionKeys();
  const methodOrdinals = new Map<FileCoverage, LineOrdinals>();

  await streamXml(report, {
    open(name, attrs, ctx) {
      switch (name) {
        case 'report':
          sawRoot = true;
          return;
        case 'package':
          pkg = attrs.get('name') ?? '';
          return;
        case 'class':
          className = attrs.get('name') ?? '';
          classSource = attrs.get('sourcefilename');
          return;
        case 'method':
          method = {
            name: attrs.get('name') ?? '(method)',
            desc: attrs.get('desc') ?? '',
            line: intAttr(attrs, 'line', ctx, 0),
            covered: false,
          };
          return;
        case 'counter':
          if (method && attrs.get('type') === 'METHOD') method.covered = intAttr(attrs, 'covered', ctx, 0) > 0;
          return;
        case 'sourcefile':
          file = fileIn(set, pathOf(attrs.get('name') ?? ctx.fail('<sourcefile> without a name')));
          files++;
          return;
        case 'line': {
          if (!file) return ctx.fail('<line> outside a <sourcefile>');
          const line = intAttr(attrs, 'nr', ctx);
          const mi = intAttr(attrs, 'mi', ctx, 0);
          const ci = intAttr(attrs, 'ci', ctx, 0);
          const mb = intAttr(attrs, 'mb', ctx, 0);
          const cb = intAttr(attrs, 'cb', ctx, 0);
          if (mi < 0 || ci < 0 || mb < 0 || cb < 0 || mb + cb > 10_000) ctx.fail('line counters out of range');
          if (mi + ci > 0) file.lines.add(line, ci);
          // JaCoCo counts a line's arms (covered / missed), not which one ran: the arms are counted.
          for (let arm = 0; arm < mb + cb; arm++) file.branches.add(key(line, arm), line, arm < cb ? 1 : 0);
          if (mb + cb > 0) {
            sawBranches = true;
            file.branchesCounted = true;
          }
          return;
        }
        default:
          return;
      }
    },
    close(name) {
      if (name === 'method' && method) {
        // A class without debug info names no source file; its methods then belong to the outer class's file.
        const source = classSource ?? `${(className.split('/').pop() ?? className).split('$')[0]}.java`;
        const target = fileIn(set, pathOf(source));
        let ordinals = methodOrdinals.get(target);
        if (!ordinals) methodOrdinals.set(target, (ordinals = new LineOrdinals()));
        target.functions.add(key(method.line, ordinals.take(method.line)), method.line, method.covered ? 1 : 0);
        sawMethods = true;
        method = undefined;
      } else if (name === 'sourcefile') {
        file = undefined;
      } else if (name === 'package') {
        pkg = '';
      }
    },
  });
  if (!sawRoot) return { files: 0 };
  if (files > 0) markMeasured(set, 'lines');
  if (sawBranches) markMeasured(set, 'branches');
  if (sawMethods) markMeasured(set, 'functions');
  return { files };
}

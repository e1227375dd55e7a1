import type { CaseSink, TestCase, TestResults, TestTotals } from '../model.js';
import { CaseList } from './case-list.js';
import type { Attributes, XmlContext, XmlHandler } from '../coverage/xml-stream.js';
import { streamXml } from '../coverage/xml-stream.js';
import { noDataError, openReport } from '../coverage/report-file.js';
import { sniff } from '../coverage/detect.js';
import { nunitHandler, trxHandler, xunitHandler } from './dotnet.js';
import { readJsonTestReport } from './json-reports.js';
import { junitHandler } from './junit.js';

export interface ReadResultsOptions {
  cwd: string;
  /** A report with no test cases is accepted instead of being a UserError. */
  allowEmpty?: boolean;
  /** The input or flag the file list came from, named in errors. */
  input?: string;
}

/**
 * Picks the dialect from the root element: JUnit (`testsuites`/`testsuite`), TRX (`TestRun`),
 * NUnit (`test-run`/`test-results`, or a bare NUnit 3 `test-suite`), xUnit.net v2
 * (`assemblies`/`assembly`). Anything else is not a test report.
 */
function dialect(cases: CaseSink): XmlHandler & { finish?(): void } {
  let inner: (XmlHandler & { finish?(): void }) | undefined;
  return {
    open(name: string, attrs: Attributes, ctx: XmlContext) {
      if (!inner) {
        if (name === 'testsuites' || name === 'testsuite') inner = junitHandler(cases);
        else if (name === 'TestRun') inner = trxHandler(cases);
        else if (name === 'test-run' || name === 'test-results' || name === 'test-suite') inner = nunitHandler(cases);
        else if (name === 'assemblies' || name === 'assembly') inner = xunitHandler(cases);
        // The file is named by the error's location: the message does not repeat it.
        else ctx.fail(`not a test report: root element <${name}> is not JUnit, TRX, NUnit or xUnit.net`);
      }
      inner.open(name, attrs, ctx);
    },
    close(name: string, ctx: XmlContext) {
      inner?.close?.(name, ctx);
    },
    text(text: string) {
      inner?.text?.(text);
    },
    wantsText() {
      return inner?.text !== undefined && (inner.wantsText === undefined || inner.wantsText());
    },
    finish() {
      inner?.finish?.();
    },
  };
}

/** Reads JUnit XML (every dialect), TRX, NUnit, xUnit.net and mocha JSON reports into one TestResults. */
export async function readTestResults(files: string[], opts: ReadResultsOptions): Promise<TestResults> {
  const results: TestResults = { sources: [], cases: new CaseList() };
  for (const name of files) {
    const report = await openReport(name, opts.cwd, opts.input);
    if (report.size > 0) {
      const head = (await sniff(report)).replace(/^\uFEFF/, '').trimStart();
      if (head.startsWith('{') || head.startsWith('[')) {
        await readJsonTestReport(report, results.cases, opts.input);
      } else {
        const handler = dialect(results.cases);
        await streamXml(report, handler);
        handler.finish?.();
      }
    }
    if (report.size === 0 && !opts.allowEmpty) throw noDataError(report, 'test result', opts.input);
    results.sources.push(report.display);
  }
  return results;
}

export function testTotals(results: TestResults): TestTotals {
  return results.cases.totals();
}

/** `Suite › Nested › name`, as people read a test's identity. */
export function testTitle(c: TestCase): string {
  return [...c.suite, c.name].filter((s) => s !== '').join(' › ');
}

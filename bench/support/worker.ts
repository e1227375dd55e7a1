// One parse in a fresh process, so its peak RSS is its own. Bundled to .mjs by the bench.
// argv: <parser> <file>. Prints one JSON line: { ms, cpuMs, items, maxRssBytes, modelBytes }.
// Run with --expose-gc: after the timed parse, a full GC leaves only what the parse returned, so
// modelBytes (heap used then, minus before) is the retained size of the parsed model itself.
import { readFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

import { readCoverage } from '../../src/stages/test-stage/coverage/index.js';
import { readTestResults } from '../../src/stages/test-stage/results/index.js';

const require = createRequire(import.meta.url);
const [parser = '', file = ''] = process.argv.slice(2);

// Each process loads only the modules its parser needs (before the clock starts), so a row's peak
// RSS is that parser's own: no row carries another parser's modules.
const xml2js = parser.startsWith('xml2js')
  ? (require('xml2js') as { parseStringPromise(xml: string): Promise<any> })
  : undefined;
const lcovParser =
  parser === 'friedemannsommer-lcov-parser' ? (await import('@friedemannsommer/lcov-parser')).default : undefined;
const SaxesParser = parser === 'saxes-only' ? (await import('saxes')).SaxesParser : undefined;
const lcovParse =
  parser === 'lcov-parse'
    ? (require('lcov-parse') as (f: string, cb: (err: unknown, data: unknown[]) => void) => void)
    : undefined;

/** The parsed result stays referenced here until the model size is measured. */
let kept: unknown;

async function run(): Promise<number> {
  switch (parser) {
    case 'shipkit-lcov': {
      const set = await readCoverage([file], { cwd: '/', format: 'lcov' });
      kept = set;
      return set.files.size;
    }
    case 'shipkit-cobertura': {
      const set = await readCoverage([file], { cwd: '/', format: 'cobertura' });
      kept = set;
      return set.files.size;
    }
    case 'shipkit-go': {
      const set = await readCoverage([file], { cwd: '/', format: 'go' });
      kept = set;
      return set.files.size;
    }
    case 'shipkit-junit': {
      const results = await readTestResults([file], { cwd: '/' });
      kept = results;
      return results.cases.length;
    }
    case 'saxes-only': {
      // saxes with 64 KiB reads (as shipkit's earlier saxes-based engine read) and no handlers: the
      // ceiling of any saxes-based parser of this file.
      const parser = new SaxesParser!({ xmlns: false, position: true });
      parser.on('error', (error) => {
        throw error;
      });
      const handle = await open(file, 'r');
      const buf = Buffer.allocUnsafe(64 * 1024);
      const decoder = new StringDecoder('utf8');
      for (;;) {
        const { bytesRead } = await handle.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        parser.write(decoder.write(buf.subarray(0, bytesRead)));
      }
      parser.close();
      await handle.close();
      return 0;
    }
    case 'noop':
      // node and the loaded modules alone: the part of every row's peak RSS no parser can avoid.
      return 0;
    case 'lcov-parse': {
      return await new Promise((resolve, reject) =>
        lcovParse!(file, (err, data) => (err ? reject(new Error(JSON.stringify(err))) : resolve(data.length))),
      );
    }
    case 'friedemannsommer-lcov-parser':
      return (await lcovParser!({ from: createReadStream(file) })).length;
    case 'xml2js-cobertura': {
      const doc = await xml2js!.parseStringPromise(readFileSync(file, 'utf8'));
      return doc.coverage.packages[0].package.reduce((n: number, p: any) => n + p.classes[0].class.length, 0);
    }
    case 'xml2js-junit': {
      const doc = await xml2js!.parseStringPromise(readFileSync(file, 'utf8'));
      return doc.testsuites.testsuite.reduce((n: number, s: any) => n + s.testcase.length, 0);
    }
    default:
      throw new Error(`unknown parser ${parser}`);
  }
}

/**
 * This process's peak RSS. On Linux it is VmHWM, the high-water mark of the memory it has run in
 * since exec: getrusage's maxRSS also counts the parent's RSS at fork (the kernel carries the
 * pre-exec peak over), so under the bench's own ~100 MB process it reported 129 MB for a node that
 * had parsed nothing.
 */
function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux: maxRSS is the best there is
  }
  return process.resourceUsage().maxRSS * 1024;
}

// CPU time (user + system, all threads: GC included) as well as wall time: the bench machine is
// shared, and CPU time is what other processes' load disturbs least.
const gc = (globalThis as { gc?: () => void }).gc;
/** The JS heap plus ArrayBuffer backing stores, which live outside it (the typed arrays of the line tables). */
const heapAndBuffers = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
gc?.();
const heapBefore = heapAndBuffers();
const cpuBefore = process.cpuUsage();
const started = performance.now();
const items = await run();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
const maxRssBytes = peakRss();
gc?.();
const modelBytes = gc && kept !== undefined ? heapAndBuffers() - heapBefore : undefined;
kept = undefined;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, items, maxRssBytes, modelBytes })}\n`);

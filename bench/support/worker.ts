// One parse in a fresh process, so its peak RSS (maxRSS) is its own. Bundled to .mjs by the bench.
// argv: <parser> <file>. Prints one JSON line: { ms, cpuMs, items, maxRssBytes }.
import { readFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';

import lcovParser from '@friedemannsommer/lcov-parser';

import { readCoverage } from '../../src/stages/test/coverage/index.js';
import { readTestResults } from '../../src/stages/test/results/index.js';

const require = createRequire(import.meta.url);
const [parser = '', file = ''] = process.argv.slice(2);
const xml2js = require('xml2js') as { parseStringPromise(xml: string): Promise<any> };

async function run(): Promise<number> {
  switch (parser) {
    case 'shipkit-lcov':
      return (await readCoverage([file], { cwd: '/', format: 'lcov' })).files.size;
    case 'shipkit-cobertura':
      return (await readCoverage([file], { cwd: '/', format: 'cobertura' })).files.size;
    case 'shipkit-junit':
      return (await readTestResults([file], { cwd: '/' })).cases.length;
    case 'lcov-parse': {
      const parse = require('lcov-parse') as (f: string, cb: (err: unknown, data: unknown[]) => void) => void;
      return await new Promise((resolve, reject) =>
        parse(file, (err, data) => (err ? reject(new Error(JSON.stringify(err))) : resolve(data.length))),
      );
    }
    case 'friedemannsommer-lcov-parser':
      return (await lcovParser({ from: createReadStream(file) })).length;
    case 'xml2js-cobertura': {
      const doc = await xml2js.parseStringPromise(readFileSync(file, 'utf8'));
      return doc.coverage.packages[0].package.reduce((n: number, p: any) => n + p.classes[0].class.length, 0);
    }
    case 'xml2js-junit': {
      const doc = await xml2js.parseStringPromise(readFileSync(file, 'utf8'));
      return doc.testsuites.testsuite.reduce((n: number, s: any) => n + s.testcase.length, 0);
    }
    default:
      throw new Error(`unknown parser ${parser}`);
  }
}

// CPU time (user + system, all threads: GC included) as well as wall time: the bench machine is
// shared, and CPU time is what other processes' load disturbs least.
const cpuBefore = process.cpuUsage();
const started = performance.now();
const items = await run();
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, items, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);

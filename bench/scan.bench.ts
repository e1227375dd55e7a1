// Reading and normalizing a 50 MB Trivy JSON report and a 50 MB SARIF log (the scan stage's parsers,
// then the merge into findings), against jq reading the same file (`jq length`: parse the whole
// document, print one number). Targets: at most 2× jq's time, peak RSS at most the file size.
// Each side runs in its own process; its peak RSS is the kernel's high-water mark of that process
// (VmHWM, which getrusage reports as ru_maxrss of a finished child), its time user + system CPU.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { build } from 'esbuild';

import type { BenchTable } from './types.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const TRIVY_GOLDENS = path.resolve(root, '../shared/fixtures/trivy');
const MB = 1024 * 1024;
const TARGET_BYTES = 50 * MB;

interface Measure {
  ms: number;
  cpuMs: number;
  maxRssBytes: number;
  items: number;
}

/** The worker: one read + normalize of `file`, then its own numbers on the last line of stdout. */
const WORKER = `
import { readFileSync } from 'node:fs';
import { readTrivyReport } from './src/stages/scan/ingest/trivy.js';
import { readSarifReport } from './src/stages/scan/ingest/sarif.js';
import { mergeFindings } from './src/stages/scan/merge.js';
const [kind, file] = process.argv.slice(2);
const started = performance.now();
const cpu0 = process.cpuUsage();
let items = 0;
if (kind !== 'noop') {
  const source = { file, input: 'reports' };
  const report = kind === 'trivy' ? await readTrivyReport(file, source) : await readSarifReport(file, source);
  items = mergeFindings(report.findings).length;
}
const cpu = process.cpuUsage(cpu0);
const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
console.log(JSON.stringify({ ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: Number(hwm[1]) * 1024, items }));
`;

async function bundleWorker(): Promise<string> {
  const dir = path.join(root, 'node_modules/.cache/shipkit-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'scan-worker.mjs');
  await build({
    stdin: { contents: WORKER, resolveDir: root, loader: 'ts', sourcefile: 'scan-worker.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** jq's own CPU time and peak RSS: getrusage of the finished child (the kernel's VmHWM of jq's process). */
const JQ_PROBE = `
import json, resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(['jq', 'length', sys.argv[1]], stdout=subprocess.DEVNULL, check=True)
ms = (time.perf_counter() - t) * 1000
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({'ms': ms, 'cpuMs': (r.ru_utime + r.ru_stime) * 1000, 'maxRssBytes': r.ru_maxrss * 1024, 'items': 0}))
`;

async function measure(cmd: string, args: string[]): Promise<Measure> {
  const { stdout } = await run(cmd, args, { maxBuffer: 1 << 20, timeout: 300_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure;
}

/** Best CPU time of `runs`, each side interleaved with the other so a burst of load hits both. */
async function bestOfEach(sides: (() => Promise<Measure>)[], runs: number): Promise<Measure[]> {
  const out: (Measure | undefined)[] = sides.map(() => undefined);
  for (let i = 0; i < runs; i++)
    for (const [k, side] of sides.entries()) {
      const m = await side();
      const prev = out[k];
      if (!prev || m.cpuMs < prev.cpuMs)
        out[k] = { ...m, maxRssBytes: Math.max(m.maxRssBytes, prev?.maxRssBytes ?? 0) };
    }
  return out.map((m) => m!);
}

interface TrivyDoc {
  SchemaVersion: number;
  Results?: ({ Target: string } & Record<string, unknown>)[];
}

/** Trivy's real results (../shared/fixtures/trivy), repeated under numbered targets up to 50 MB, indented as Trivy writes. */
function writeTrivy(file: string): void {
  const docs = readdirSync(TRIVY_GOLDENS)
    .filter((f) => f.endsWith('.json') && !f.includes('sarif'))
    .map((f) => JSON.parse(readFileSync(path.join(TRIVY_GOLDENS, f), 'utf8')) as TrivyDoc);
  const results = docs.flatMap((d) => d.Results ?? []);
  const one = JSON.stringify(results, null, 2).length;
  const copies = Math.ceil(TARGET_BYTES / one);
  const all = Array.from({ length: copies }, (_, i) =>
    results.map((r) => ({ ...r, Target: `app-${i}/${r.Target}` })),
  ).flat();
  writeFileSync(file, JSON.stringify({ ...docs[0], ArtifactName: 'bench', Results: all }, null, 2));
}

/** Trivy's real SARIF results (alpine-310.sarif.json), repeated with numbered locations up to 50 MB. */
function writeSarif(file: string): void {
  const doc = JSON.parse(readFileSync(path.join(TRIVY_GOLDENS, 'alpine-310.sarif.json'), 'utf8')) as {
    runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  };
  const run0 = doc.runs[0];
  const one = JSON.stringify(run0.results, null, 2).length;
  const copies = Math.ceil(TARGET_BYTES / one);
  const results = Array.from({ length: copies }, (_, i) =>
    run0.results.map((r) => ({
      ...r,
      locations: r.locations.map((l) => ({
        ...l,
        physicalLocation: {
          ...l.physicalLocation,
          artifactLocation: { ...l.physicalLocation.artifactLocation, uri: `image-${i}.tar` },
        },
      })),
    })),
  ).flat();
  writeFileSync(file, JSON.stringify({ ...doc, runs: [{ ...run0, results }] }, null, 2));
}

const rssMb = (m: Measure) => Math.round(m.maxRssBytes / MB);
const ratio = (a: number, b: number) => `${(Math.round((a / b) * 100) / 100).toFixed(2)}×`;

export default async function (): Promise<BenchTable[]> {
  if (!existsSync(TRIVY_GOLDENS))
    return [{ title: 'scan: findings parsers', columns: ['note'], rows: [[`skipped: ${TRIVY_GOLDENS} is absent`]] }];
  const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-bench-scan-'));
  try {
    const worker = await bundleWorker();
    const files = { trivy: path.join(dir, 'trivy.json'), sarif: path.join(dir, 'trivy.sarif') };
    writeTrivy(files.trivy);
    writeSarif(files.sarif);
    const size = (f: string) => statSync(f).size;
    const ours = (kind: string, file: string) => () => measure(process.execPath, [worker, kind, file]);
    // The same run with V8's young generation capped: how much of the peak is the GC's headroom, not data.
    const oursSmallYoung = (kind: string, file: string) => () =>
      measure(process.execPath, ['--max-semi-space-size=1', worker, kind, file]);
    const jq = (file: string) => () => measure('python3', ['-c', JQ_PROBE, file]);
    const [idle] = await bestOfEach([ours('noop', '')], 1);

    const rows: (string | number)[][] = [
      ['(none)', 'node + shipkit parsers loaded, no read', '', Math.round(idle.cpuMs), rssMb(idle), '', ''],
    ];
    const notes: string[] = [];
    for (const [kind, label] of [
      ['trivy', 'Trivy JSON'],
      ['sarif', 'SARIF'],
    ] as const) {
      const file = files[kind];
      const [s, j, small] = (await bestOfEach([ours(kind, file), jq(file), oursSmallYoung(kind, file)], 3)) as [
        Measure,
        Measure,
        Measure,
      ];
      const input = `${label} ${Math.round(size(file) / MB)} MB`;
      const timeRatio = s.cpuMs / j.cpuMs;
      rows.push([
        input,
        'shipkit (read + normalize + merge)',
        s.items,
        Math.round(s.cpuMs),
        rssMb(s),
        (s.maxRssBytes / size(file)).toFixed(2) + '×',
        `${ratio(s.cpuMs, j.cpuMs)} jq's CPU, ${ratio(s.ms, j.ms)} wall`,
      ]);
      rows.push([
        input,
        'jq length',
        '',
        Math.round(j.cpuMs),
        rssMb(j),
        (j.maxRssBytes / size(file)).toFixed(2) + '×',
        '',
      ]);
      rows.push([
        input,
        'shipkit, node --max-semi-space-size=1',
        small.items,
        Math.round(small.cpuMs),
        rssMb(small),
        (small.maxRssBytes / size(file)).toFixed(2) + '×',
        'not how the action runs: shows the GC headroom',
      ]);
      notes.push(
        `${input}: shipkit ${Math.round(s.cpuMs)} ms CPU vs jq ${Math.round(j.cpuMs)} ms = ${timeRatio.toFixed(2)}× (target ≤ 2×: ${timeRatio <= 2 ? 'met' : 'missed'}); ` +
          `peak RSS ${rssMb(s)} MB = ${(s.maxRssBytes / size(file)).toFixed(2)}× the file (target ≤ 1×: ${s.maxRssBytes <= size(file) ? 'met' : 'missed'}), of which node itself ${rssMb(idle)} MB.`,
      );
    }
    notes.push(
      "Where the peak goes: node itself (the first row), V8's young generation (16 MB semi-spaces by default; the `--max-semi-space-size=1` rows show the peak without most of it, but an action cannot pass node flags), and the findings kept.",
    );
    notes.push(
      'CPU time is user + system of each process (the machine is shared; wall time is shown for the ratio too). Best of 3, the two sides interleaved.',
    );
    return [
      {
        title: 'scan: reading and normalizing 50 MB reports, against jq reading the same file',
        columns: ['input', 'reader', 'findings', 'CPU ms', 'peak RSS MB', 'RSS / file', 'vs jq'],
        rows,
        notes,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

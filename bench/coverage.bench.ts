// Parser throughput and peak memory on large synthetic reports, against the peers shipkit replaces.
// Each parse runs in its own node process (bench/support/worker.ts, bundled once with esbuild) so its
// peak RSS is its own. Targets: lcov ≥ 10× lcov-parse and ≥ 3× @friedemannsommer/lcov-parser, memory
// flat; XML ≥ 5× xml2js, peak RSS ≤ 2× the file size.
// A second table measures whole processes, the CLI as users run it (`node dist/cli/index.js test
// --coverage F --json`), beside `go tool cover -func` and Python's junitparser on the same files.
// Targets (issue 11): Go ≥ 2× go tool cover with peak RSS ≤ the file; JUnit ≥ 2× junitparser; peak
// RSS ≤ 1.5× the input for every format.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { build } from 'esbuild';

import { writeCobertura, writeGoModule, writeJunit, writeLcov } from './support/generate-inputs.js';
import type { BenchTable } from './types.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;
/** The quarter-size lcov the peers parse. */
const LCOV_PEER_FILES = 5_000;

interface Measure {
  ms: number;
  cpuMs: number;
  items: number;
  maxRssBytes: number;
  /** Heap the parse's result retains after a full GC (the data model itself, not the parser). */
  modelBytes?: number;
}

async function bundleWorker(): Promise<string> {
  // Inside node_modules/ so the bundle's external imports (the peers, saxes) resolve from the repo.
  const dir = path.join(root, 'node_modules/.cache/shipkit-bench');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, 'worker.mjs');
  await build({
    entryPoints: [path.join(root, 'bench/support/worker.ts')],
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

async function measure(worker: string, parser: string, file: string): Promise<Measure> {
  const { stdout } = await run(process.execPath, ['--max-old-space-size=8192', '--expose-gc', worker, parser, file], {
    maxBuffer: 1 << 20,
    timeout: 300_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measure;
}

/** Best of `runs` (least disturbed by the other engineers' jobs on this 2-core machine). */
async function best(worker: string, parser: string, file: string, runs: number): Promise<Measure> {
  let out: Measure | undefined;
  for (let i = 0; i < runs; i++) {
    const m = await measure(worker, parser, file);
    if (!out || m.cpuMs < out.cpuMs) out = { ...m, maxRssBytes: Math.max(m.maxRssBytes, out?.maxRssBytes ?? 0) };
  }
  return out!;
}

/**
 * Best of `runs` for each parser on the same file, the runs interleaved (a, b, a, b…): a burst of load
 * from the other jobs on this machine then hits both sides of a ratio alike, and both get as many tries.
 */
async function bestOfEach(worker: string, parsers: string[], file: string, runs: number): Promise<Measure[]> {
  const out: (Measure | undefined)[] = parsers.map(() => undefined);
  for (let i = 0; i < runs; i++) {
    for (const [k, parser] of parsers.entries()) {
      const m = await measure(worker, parser, file);
      const prev = out[k];
      if (!prev || m.cpuMs < prev.cpuMs)
        out[k] = { ...m, maxRssBytes: Math.max(m.maxRssBytes, prev?.maxRssBytes ?? 0) };
    }
  }
  return out.map((m) => m!);
}

/** Throughput by CPU time (user + system of the parsing process): the machine is shared, wall time is noise. */
const mbps = (bytes: number, m: Measure) => Math.round((bytes / MB / (m.cpuMs / 1000)) * 10) / 10;
const wallMbps = (bytes: number, m: Measure) => Math.round((bytes / MB / (m.ms / 1000)) * 10) / 10;
const rssMb = (m: Measure) => Math.round(m.maxRssBytes / MB);
const ratio = (a: number, b: number) => `${(Math.floor((a / b) * 100) / 100).toFixed(2)}×`;
/**
 * `shipkit N× CPU, M× wall (target ≥ T×: met|missed)`, both from the two measures of the same file in
 * this run; the target is judged on CPU time (see the notes), the table says plainly whether it was reached.
 */
const versus = (ours: Measure, peer: Measure, target: number) => {
  const cpu = peer.cpuMs / ours.cpuMs;
  return `shipkit ${ratio(peer.cpuMs, ours.cpuMs)} CPU, ${ratio(peer.ms, ours.ms)} wall (target ≥ ${target}×: ${cpu >= target ? 'met' : 'missed'})`;
};
/** A ratio on the smaller file, shown for what it is and not judged (see the note on file sizes). */
const informational = (ours: Measure, peer: Measure) =>
  `shipkit ${ratio(peer.cpuMs, ours.cpuMs)} CPU, ${ratio(peer.ms, ours.ms)} wall (smaller file, not judged)`;
/**
 * For the saxes row: xml2js's time over saxes's, the highest ratio any parser built on saxes could
 * show (shipkit was, until this ceiling, minus its handlers' work, kept it under the 5× target).
 */
const ceiling = (m: Measure, peer: Measure) =>
  `xml2js / this: ${ratio(peer.cpuMs, m.cpuMs)} CPU, ${ratio(peer.ms, m.ms)} wall (the ceiling for a parser built on saxes)`;
const modelMb = (m: Measure) => (m.modelBytes === undefined ? '' : Math.round(m.modelBytes / MB));

export default async function (): Promise<BenchTable[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipkit-bench-coverage-'));
  try {
    const worker = await bundleWorker();
    const files = {
      lcovBig: path.join(dir, 'big.lcov'),
      lcovPeer: path.join(dir, 'peer.lcov'),
      coberturaBig: path.join(dir, 'big-cobertura.xml'),
      coberturaPeer: path.join(dir, 'peer-cobertura.xml'),
      junitBig: path.join(dir, 'big-junit.xml'),
      junitPeer: path.join(dir, 'peer-junit.xml'),
    };
    await writeLcov(files.lcovBig, 20_000);
    await writeLcov(files.lcovPeer, LCOV_PEER_FILES);
    await writeCobertura(files.coberturaBig, 5_000);
    await writeCobertura(files.coberturaPeer, 1_000);
    await writeJunit(files.junitBig, 200_000);
    await writeJunit(files.junitPeer, 50_000);
    const size = (f: string) => statSync(f).size;
    const mb = (f: string) => `${Math.round(size(f) / MB)} MB`;

    const rows: (string | number)[][] = [];
    const row = (input: string, parser: string, file: string | undefined, m: Measure, vs?: string) =>
      rows.push([
        input,
        parser,
        m.items,
        file ? mbps(size(file), m) : '',
        file ? wallMbps(size(file), m) : '',
        Math.round(m.cpuMs),
        rssMb(m),
        file ? `${(m.maxRssBytes / size(file)).toFixed(2)}×` : '',
        modelMb(m),
        vs ?? '',
      ]);

    // node with shipkit's parsers loaded (no peer's modules) and nothing parsed: the floor under shipkit's peak RSS.
    const idle = await best(worker, 'noop', '', 1);
    row('(none)', 'node itself, no parse', undefined, idle);

    // The targets are judged on the inputs the issue names (lcov 200 MB, cobertura 100 MB, JUnit 50 MB),
    // every parser on the same file with the runs interleaved. The same comparison on a quarter (a fifth
    // for cobertura) of that size follows, not judged: on a small file a fixed cost (the JIT compiling
    // the parser, ~50–100 ms of CPU) weighs more, while the peers' memory-bound costs weigh less.
    const [lcovBig, lcovParseBig, fsBig] = (await bestOfEach(
      worker,
      ['shipkit-lcov', 'lcov-parse', 'friedemannsommer-lcov-parser'],
      files.lcovBig,
      2,
    )) as [Measure, Measure, Measure];
    const lb = `lcov ${mb(files.lcovBig)}`;
    row(lb, 'shipkit', files.lcovBig, lcovBig);
    row(lb, 'lcov-parse', files.lcovBig, lcovParseBig, versus(lcovBig, lcovParseBig, 10));
    row(lb, '@friedemannsommer/lcov-parser', files.lcovBig, fsBig, versus(lcovBig, fsBig, 3));
    const [lcovOurs, lcovParse, fsParser] = (await bestOfEach(
      worker,
      ['shipkit-lcov', 'lcov-parse', 'friedemannsommer-lcov-parser'],
      files.lcovPeer,
      3,
    )) as [Measure, Measure, Measure];
    const lp = `lcov ${mb(files.lcovPeer)}`;
    row(lp, 'shipkit', files.lcovPeer, lcovOurs);
    row(lp, 'lcov-parse', files.lcovPeer, lcovParse, informational(lcovOurs, lcovParse));
    row(lp, '@friedemannsommer/lcov-parser', files.lcovPeer, fsParser, informational(lcovOurs, fsParser));

    const xml = async (kind: 'cobertura' | 'junit', label: string, big: string, small: string) => {
      const parsers = [`shipkit-${kind}`, `xml2js-${kind}`, 'saxes-only'];
      const [ours, peer, saxes] = (await bestOfEach(worker, parsers, big, 2)) as [Measure, Measure, Measure];
      row(`${label} ${mb(big)}`, 'shipkit', big, ours);
      row(`${label} ${mb(big)}`, 'xml2js', big, peer, versus(ours, peer, 5));
      row(`${label} ${mb(big)}`, 'saxes alone, no handlers', big, saxes, ceiling(saxes, peer));
      const [oursSmall, peerSmall] = (await bestOfEach(worker, parsers.slice(0, 2), small, 4)) as [Measure, Measure];
      row(`${label} ${mb(small)}`, 'shipkit', small, oursSmall);
      row(`${label} ${mb(small)}`, 'xml2js', small, peerSmall, informational(oursSmall, peerSmall));
      return ours;
    };
    const cobBig = await xml('cobertura', 'cobertura', files.coberturaBig, files.coberturaPeer);
    const junitBig = await xml('junit', 'JUnit', files.junitBig, files.junitPeer);

    /** Peak RSS target (≤ 2× file), and what is left of the peak once node itself and the retained model are taken off. */
    const rssVerdict = (name: string, file: string, m: Measure) => {
      const f = size(file);
      const parser = m.maxRssBytes - idle.maxRssBytes - (m.modelBytes ?? 0);
      return (
        `${name} ${mb(file)}: peak RSS ${rssMb(m)} MB = ${(m.maxRssBytes / f).toFixed(2)}× the file ` +
        `(target ≤ 2×: ${m.maxRssBytes <= 2 * f ? 'met' : 'missed'}); of it node itself ${rssMb(idle)} MB and the retained model ` +
        `${modelMb(m)} MB (${((m.modelBytes ?? 0) / f).toFixed(2)}× the file), leaving ${Math.round(parser / MB)} MB ` +
        `(${(parser / f).toFixed(2)}× the file) to the parser and the GC's headroom.`
      );
    };
    /** lcov's memory target is "flat": what is left of the peak after node and the model, at two file sizes. */
    const lcovMemory = (smallName: string, small: Measure, bigName: string, big: Measure) => {
      const rest = (m: Measure) => Math.round((m.maxRssBytes - idle.maxRssBytes - (m.modelBytes ?? 0)) / MB);
      return (
        `lcov memory (target: flat): peak RSS minus node itself minus the retained model is ${rest(small)} MB on ${smallName} ` +
        `and ${rest(big)} MB on ${bigName}: the parser's own memory does not grow with the file; the model does ` +
        `(${modelMb(small)} → ${modelMb(big)} MB, ${((big.modelBytes ?? 0) / size(files.lcovBig)).toFixed(2)}× the file).`
      );
    };
    const notes = [
      'MB/s (CPU) = file size / CPU time (user + system, GC threads included) of the parsing process, runs interleaved (a, b, a, b…), the best of each; the targets are judged on the CPU ratio, because wall time on this shared 2-core machine depends on what else runs. The wall ratio of the same runs is shown beside it.',
      "Each parse runs in its own node process; peak RSS is that process's VmHWM (its peak since exec; getrusage's maxRSS would also count the bench's own process at fork). model MB = heap still used after the parse and a forced full GC, minus the heap before it: the size of the data model the parser returned (--expose-gc; the GC runs after the timing).",
      "Sizes: the targets are judged on the issue's inputs (lcov of 20 000 files, cobertura of 5 000 classes, JUnit of 200 000 cases); the rows below each repeat the comparison on a quarter (a fifth for cobertura) of that input, not judged: there the JIT's fixed start-up cost weighs more for shipkit, and the peers' whole-file memory costs less. Every ratio compares the parsers on the SAME file in this run (best of 2 runs on the big inputs, 3–4 on the small).",
      'items: files (coverage) or test cases (JUnit) each parser returned; equal counts show both parsed the whole input.',
      rssVerdict('cobertura', files.coberturaBig, cobBig),
      rssVerdict('JUnit', files.junitBig, junitBig),
      lcovMemory(`lcov ${mb(files.lcovPeer)}`, lcovOurs, `lcov ${mb(files.lcovBig)}`, lcovBig),
      "The model keeps every line's hits (diff coverage needs them) in typed arrays, 4 bytes a line, and test cases by column (names and failure texts as UTF-8 in 256 KiB chunks, each full one written to an unnamed temporary file, so they cost disk, not memory), so peak RSS grows with the data kept, not with the file; the parsers themselves stream in fixed 2 MiB (lcov) / 256 KiB (XML) reads.",
      "The XML rows are shipkit's own byte scanner (src/stages/test-stage/coverage/xml-scanner.ts), which replaced saxes. Measured once with today's handlers and model on saxes: JUnit 57 MB took 1.5× the scanner's CPU and peaked at 2.05× the file (over the ≤ 2× target), cobertura 104 MB 2× the CPU; on the smaller files the saxes engine stayed at 4.1–4.4× xml2js. The 'saxes alone' rows are saxes with no handler at all: the ceiling for any parser built on it. The scanner is checked against saxes on every shared fixture and 2 000 mutated ones (tests/test-stage/parsers/xml-scanner.test.ts).",
    ];
    const goDir = path.join(dir, 'gomod');
    mkdirSync(goDir);
    // 52 MiB, the size of the profile: 240 000 blocks of 1 000 files, repeated by 5 test
    // binaries (as `-coverpkg=./...` writes). The memory target (peak RSS ≤ the file) is judged on it.
    const goProfile = await writeGoModule(goDir, { packages: 40, files: 25, funcs: 80, binaries: 5 });
    const [goOurs] = await bestOfEach(worker, ['shipkit-go'], goProfile, 2);
    row(`Go profile ${mb(goProfile)}`, 'shipkit (in-process)', goProfile, goOurs);
    const whole = await wholeProcessTable(
      [
        { label: `lcov ${mb(files.lcovBig)}`, file: files.lcovBig, flag: 'coverage', model: lcovBig },
        { label: `cobertura ${mb(files.coberturaBig)}`, file: files.coberturaBig, flag: 'coverage', model: cobBig },
        {
          label: `JUnit ${mb(files.junitBig)}`,
          file: files.junitBig,
          flag: 'test-results',
          peer: 'junitparser',
          model: junitBig,
        },
        {
          label: `Go profile ${mb(goProfile)}`,
          file: goProfile,
          flag: 'coverage',
          peer: 'go tool cover -func',
          model: goOurs,
        },
      ],
      dir,
    );
    return [
      whole,
      {
        title: 'Coverage and test-result parsers: throughput and peak RSS',
        columns: [
          'input',
          'parser',
          'items',
          'MB/s (CPU)',
          'MB/s (wall)',
          'CPU ms',
          'peak RSS MB',
          'RSS / file size',
          'model MB',
          'ratio vs peer (same file)',
        ],
        rows,
        notes,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface WholeInput {
  label: string;
  file: string;
  flag: 'coverage' | 'test-results';
  peer?: 'junitparser' | 'go tool cover -func';
  /** The in-process parse of the same file: the size of the model it keeps (see the parser table). */
  model: Measure;
}

interface ProcessMeasure {
  rc: number;
  ms: number;
  cpuMs: number;
  maxRssBytes: number;
  stderr: string;
}

const measureScript = path.join(root, 'bench/support/measure-process.py');

/**
 * This machine sets NODE_EXTRA_CA_CERTS: every node process then parses a CA bundle as it starts
 * (~45 ms of CPU here). GitHub's runners set none, so the processes run without it, as on a runner;
 * the CLI is measured with it too (`machineEnv`), in rows of their own.
 */
const extraCaCerts = process.env.NODE_EXTRA_CA_CERTS;

/** A command to measure; `machineEnv`: with this machine's NODE_EXTRA_CA_CERTS. */
interface Command {
  argv: string[];
  machineEnv?: boolean;
}

async function processOnce(cwd: string, cmd: Command): Promise<ProcessMeasure> {
  const { NODE_EXTRA_CA_CERTS: _extra, ...runnerEnv } = process.env;
  const { stdout } = await run('python3', [measureScript, cwd, ...cmd.argv], {
    maxBuffer: 1 << 20,
    timeout: 600_000,
    env: { ...(cmd.machineEnv ? process.env : runnerEnv), GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
  });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ProcessMeasure;
}

/** Best of `runs` by CPU time, each side's runs interleaved with the other's. */
async function bestProcesses(cwd: string, cmds: Command[], runs: number): Promise<ProcessMeasure[]> {
  const out: (ProcessMeasure | undefined)[] = cmds.map(() => undefined);
  for (let i = 0; i < runs; i++) {
    for (const [k, command] of cmds.entries()) {
      const m = await processOnce(cwd, command);
      const cmd = command.argv;
      if (m.rc !== 0 && !(cmd.includes('test') && m.rc === 1))
        throw new Error(`${cmd.join(' ')} exited ${m.rc}: ${m.stderr}`);
      const prev = out[k];
      if (!prev || m.cpuMs < prev.cpuMs)
        out[k] = { ...m, maxRssBytes: Math.max(m.maxRssBytes, prev?.maxRssBytes ?? 0) };
    }
  }
  return out.map((m) => m!);
}

/**
 * How the CLI is run: the bundle users run (`dist/cli/index.js`), or, when it cannot run (another
 * engineer rebuilding it), the stage in-process in a child process (bench/support/stage-cli.ts).
 */
async function cliCommand(dir: string): Promise<{ cmd: string[]; version?: string[]; how: string }> {
  const cli = path.join(root, 'dist/cli/index.js');
  try {
    await run(process.execPath, [cli, 'test', '--help'], { timeout: 60_000 });
    return {
      cmd: [process.execPath, cli, 'test'],
      version: [process.execPath, cli, '--version'],
      how: '`node dist/cli/index.js test … --json` (the bundle users run)',
    };
  } catch {
    const outfile = path.join(dir, 'stage-cli.mjs');
    await build({
      entryPoints: [path.join(root, 'bench/support/stage-cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'error',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    return {
      cmd: [process.execPath, outfile],
      how: 'the stage in-process in a child process (bench/support/stage-cli.ts): dist/cli/index.js did not run',
    };
  }
}

/**
 * Why a memory target was missed, in numbers: the peak RSS of a test run with nothing to read, plus
 * the data model the parse keeps (heap and buffers still in use after the parse and a full GC, from
 * the in-process row of the same file), against the target.
 */
function rssShortfall(
  input: WholeInput,
  size: number,
  target: number,
  m: ProcessMeasure,
  stageFloor: ProcessMeasure,
): string {
  const mib = (bytes: number) => Math.round(bytes / MB);
  const model = input.model.modelBytes ?? 0;
  const allowed = target * size;
  const floorAndModel = stageFloor.maxRssBytes + model;
  const rest = m.maxRssBytes - floorAndModel;
  return (
    `${input.label}: peak RSS ${mib(m.maxRssBytes)} MB against a target of ${mib(allowed)} MB (${target}× the file). ` +
    `A test run with nothing to read peaks at ${mib(stageFloor.maxRssBytes)} MB, and the model the parse keeps (every line's ` +
    `hits for diff coverage; every case's columns) is ${mib(model)} MB: together ${mib(floorAndModel)} MB, ` +
    (floorAndModel > allowed
      ? `already over the target before any parsing buffer, garbage or output (the rest of the peak: ${mib(rest)} MB). `
      : `${mib(allowed - floorAndModel)} MB under the target; the parse's buffers, the garbage collector's young generation and the report's output took ${mib(rest)} MB. `) +
    'Reaching it would take keeping less than the data the report and the shard export use, or a smaller node.'
  );
}

/**
 * What every run of the CLI costs before it reads a byte of a report: node itself, node with the CLI
 * loaded (`--version`), and a test run with nothing to read (the test stage loaded, the repository
 * listed, a report written). Best of 3 each.
 */
async function floors(
  cli: { cmd: string[]; version?: string[] },
  dir: string,
): Promise<{ label: string; m: ProcessMeasure }[]> {
  const empty = path.join(dir, 'empty');
  mkdirSync(empty, { recursive: true });
  const cmds = [[process.execPath, '-e', '0'], [...cli.cmd, '--json'], ...(cli.version ? [cli.version] : [])];
  const [node, stage, version] = await bestProcesses(
    empty,
    cmds.map((argv) => ({ argv })),
    3,
  );
  const [nodeWithCa] = extraCaCerts
    ? await bestProcesses(empty, [{ argv: [process.execPath, '-e', '0'], machineEnv: true }], 3)
    : [];
  return [
    { label: 'node itself (`node -e 0`)', m: node },
    ...(nodeWithCa ? [{ label: "node itself, with this machine's NODE_EXTRA_CA_CERTS", m: nodeWithCa }] : []),
    ...(version ? [{ label: 'the CLI loaded (`--version`)', m: version }] : []),
    { label: 'a test run with nothing to read', m: stage },
  ];
}

async function wholeProcessTable(inputs: WholeInput[], dir: string): Promise<BenchTable> {
  const cli = await cliCommand(dir);
  const rows: (string | number)[][] = [];
  const notes: string[] = [
    `shipkit runs as ${cli.how}, with only the report flag (no commands, no gates), in the report's directory; peers run as their users run them. Each row is the best of 4 runs by CPU time where a peer is compared, of 2 elsewhere (user + system, the process and its children), runs interleaved with the peer's, and the highest peak RSS of those runs; CPU and peak RSS are the command's own, from wait4() on its pid (bench/support/measure-process.py; earlier runs read getrusage(RUSAGE_CHILDREN), which also counted ~60 ms of CPU from the pyenv shim that started the wrapper, on both sides of every ratio); a peak below the ~14 MB of the Python wrapper at fork would show as 14 MB.`,
  ];
  const floor = await floors(cli, dir);
  for (const { label, m } of floor) {
    rows.push(['(no report)', label, Math.round(m.cpuMs), Math.round(m.ms), Math.round(m.maxRssBytes / MB), '', '']);
  }
  const stageFloor = floor[floor.length - 1].m;
  for (const input of inputs) {
    const size = statSync(input.file).size;
    const cwd = path.dirname(input.file);
    const ours = [...cli.cmd, `--${input.flag}`, input.file, '--json'];
    const peerCmd =
      input.peer === 'junitparser'
        ? ['python3', path.join(root, 'bench/support/junitparser-count.py'), input.file]
        : input.peer === 'go tool cover -func'
          ? ['go', 'tool', 'cover', `-func=${input.file}`]
          : undefined;
    const withCa = Boolean(peerCmd && extraCaCerts);
    const [m, peer, oursWithCa] = await bestProcesses(
      cwd,
      [{ argv: ours }, ...(peerCmd ? [{ argv: peerCmd }] : []), ...(withCa ? [{ argv: ours, machineEnv: true }] : [])],
      // A CPU ratio is judged where there is a peer: more runs, as a single run here varies by ±20 %.
      peerCmd ? 4 : 2,
    );
    const rss = m.maxRssBytes / size;
    const rssTarget = input.peer === 'go tool cover -func' ? 1 : 1.5;
    if (rss > rssTarget) notes.push(rssShortfall(input, size, rssTarget, m, stageFloor));
    rows.push([
      input.label,
      'shipkit CLI',
      Math.round(m.cpuMs),
      Math.round(m.ms),
      Math.round(m.maxRssBytes / MB),
      `${rss.toFixed(2)}× (target ≤ ${rssTarget}×: ${rss <= rssTarget ? 'met' : 'missed'})`,
      '',
    ]);
    if (peer && input.peer) {
      const cpu = peer.cpuMs / m.cpuMs;
      rows.push([
        input.label,
        input.peer,
        Math.round(peer.cpuMs),
        Math.round(peer.ms),
        Math.round(peer.maxRssBytes / MB),
        `${(peer.maxRssBytes / size).toFixed(2)}×`,
        `shipkit ${ratio(peer.cpuMs, m.cpuMs)} CPU, ${ratio(peer.ms, m.ms)} wall (target ≥ 2×: ${cpu >= 2 ? 'met' : 'missed'})`,
      ]);
    }
    if (peer && oursWithCa) {
      rows.push([
        input.label,
        "shipkit CLI, with this machine's NODE_EXTRA_CA_CERTS",
        Math.round(oursWithCa.cpuMs),
        Math.round(oursWithCa.ms),
        Math.round(oursWithCa.maxRssBytes / MB),
        `${(oursWithCa.maxRssBytes / size).toFixed(2)}×`,
        `shipkit ${ratio(peer.cpuMs, oursWithCa.cpuMs)} CPU, ${ratio(peer.ms, oursWithCa.ms)} wall (not as on a runner)`,
      ]);
    }
  }
  notes.push(
    "The whole process includes what the in-process rows leave out: node starting and loading the bundle, listing the repository files, writing the JSON report. The Go input is a module of 1 000 source files (go tool cover -func reads them to find functions) and its profile with every block repeated by 5 test binaries, as `go test -coverpkg=./... ./...` writes it: 52 MiB, the size of the issue's profile, on which its memory target is judged.",
    ...(extraCaCerts
      ? [
          `Every process runs as on a GitHub runner, without this machine's NODE_EXTRA_CA_CERTS (${extraCaCerts}), which makes each node process parse a CA bundle as it starts; the rows "with this machine's NODE_EXTRA_CA_CERTS" show the CLI with it (the peers read no CA file).`,
        ]
      : []),
    'The (no report) rows are what any run costs before it reads a report; a shortfall note below a missed memory target adds up what that target leaves room for.',
  );
  return {
    title: 'Whole process: the CLI as users run it, against the peers on the same files',
    columns: ['input', 'tool', 'CPU ms', 'wall ms', 'peak RSS MB', 'RSS / input', 'ratio vs peer (same file)'],
    rows,
    notes,
  };
}

// Writes the large synthetic reports the coverage bench parses. Deterministic (a fixed LCG), so two
// runs measure the same bytes. Sizes are approximate targets; the table reports the real size.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function write(file: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  let buffer = '';
  for (const part of parts) {
    buffer += part;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** lcov with `files` source files, each with functions, DA lines and BRDA branches (~10 KB a file, so 20 000 files ≈ 200 MB). */
export async function writeLcov(file: string, files: number): Promise<void> {
  const random = rng(1);
  function* records(): Generator<string> {
    for (let f = 0; f < files; f++) {
      let s = `TN:\nSF:/home/runner/work/app/src/module${f % 200}/file${f}.ts\n`;
      for (let fn = 0; fn < 10; fn++) s += `FN:${fn * 60 + 1},fn${fn}_${f}\n`;
      for (let fn = 0; fn < 10; fn++) s += `FNDA:${random() < 0.7 ? Math.floor(random() * 50) + 1 : 0},fn${fn}_${f}\n`;
      s += 'FNF:10\nFNH:7\n';
      for (let line = 1; line <= 880; line++) s += `DA:${line},${random() < 0.75 ? Math.floor(random() * 200) : 0}\n`;
      for (let b = 0; b < 60; b++)
        s += `BRDA:${b * 10 + 3},${b},${b % 2},${random() < 0.6 ? Math.floor(random() * 9) + 1 : '-'}\n`;
      s += 'BRF:60\nBRH:36\nLF:880\nLH:660\nend_of_record\n';
      yield s;
    }
  }
  await write(file, records());
}

/** Cobertura with `classes` classes of 500 lines each (~20 KB a class). */
export async function writeCobertura(file: string, classes: number): Promise<void> {
  const random = rng(2);
  function* parts(): Generator<string> {
    yield '<?xml version="1.0" ?>\n<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">\n';
    yield '<coverage line-rate="0.75" branch-rate="0.6" version="7.6.1" timestamp="1">\n\t<sources>\n\t\t<source>/home/runner/work/app</source>\n\t</sources>\n\t<packages>\n';
    for (let c = 0; c < classes; c++) {
      if (c % 50 === 0)
        yield `${c ? '\t\t\t</classes>\n\t\t</package>\n' : ''}\t\t<package name="pkg${c / 50}" line-rate="0.75" branch-rate="0.6" complexity="0">\n\t\t\t<classes>\n`;
      let s = `\t\t\t\t<class name="mod${c}.py" filename="pkg${Math.floor(c / 50)}/mod${c}.py" complexity="0" line-rate="0.75" branch-rate="0.6">\n\t\t\t\t\t<methods/>\n\t\t\t\t\t<lines>\n`;
      for (let line = 1; line <= 500; line++) {
        const hits = random() < 0.75 ? Math.floor(random() * 40) + 1 : 0;
        s +=
          line % 10 === 0
            ? `\t\t\t\t\t\t<line number="${line}" hits="${hits}" branch="true" condition-coverage="50% (1/2)" missing-branches="${line + 2}"/>\n`
            : `\t\t\t\t\t\t<line number="${line}" hits="${hits}"/>\n`;
      }
      yield `${s}\t\t\t\t\t</lines>\n\t\t\t\t</class>\n`;
    }
    yield '\t\t\t</classes>\n\t\t</package>\n\t</packages>\n</coverage>\n';
  }
  await write(file, parts());
}

/** JUnit with `cases` test cases in suites of 100 inside one <testsuites>; every 10th fails with a stack trace. */
export async function writeJunit(file: string, cases: number): Promise<void> {
  function* parts(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bench" tests="${cases}">\n`;
    for (let i = 0; i < cases; i++) {
      if (i % 100 === 0)
        yield `${i ? '  </testsuite>\n' : ''}  <testsuite name="suite${i / 100}" tests="100" file="tests/test_suite${i / 100}.py">\n`;
      const attrs = `classname="tests.integration.test_suite${Math.floor(i / 100)}.TestSomethingImportant" name="test_case_number_${i}_checks_that_the_thing_works" file="tests/integration/test_suite${Math.floor(i / 100)}.py" line="${(i % 100) * 7 + 3}" time="0.0${i % 97}"`;
      yield i % 10 === 0
        ? `    <testcase ${attrs}>\n      <failure message="AssertionError: expected 1 == 2" type="AssertionError">Traceback (most recent call last):\n${'  File "tests/integration/test_suite.py", line 42, in test_something\n    helper(value)\n'.repeat(8)}AssertionError: expected 1 == 2 &amp; more</failure>\n    </testcase>\n`
        : `    <testcase ${attrs}/>\n`;
    }
    yield '  </testsuite>\n</testsuites>\n';
  }
  await write(file, parts());
}

/**
 * A Go module of `packages` packages × `files` files × `funcs` functions (sources for `go tool cover
 * -func`, which reads them to find each function) and a `count`-mode profile of it as a `./...` run
 * with `-coverpkg=./...` writes it: every test binary repeats every block (`binaries` copies).
 */
export async function writeGoModule(
  dir: string,
  opts: { packages: number; files: number; funcs: number; binaries: number },
): Promise<string> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  await writeFile(path.join(dir, 'go.mod'), 'module example.com/bench\n\ngo 1.21\n');
  const blocks: string[] = [];
  for (let p = 0; p < opts.packages; p++) {
    await mkdir(path.join(dir, `p${p}`), { recursive: true });
    for (let f = 0; f < opts.files; f++) {
      let src = `package p${p}\n\n`;
      let line = 3;
      for (let fn = 0; fn < opts.funcs; fn++) {
        // func F(x int) int {      line
        // 	if x > 0 {             line + 1
        // 		return 1           line + 2
        // 	}                      line + 3
        // 	return 0               line + 4
        // }                        line + 5
        src += `func F${fn}(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n\treturn 0\n}\n\n`;
        const file = `example.com/bench/p${p}/f${f}.go`;
        blocks.push(`${file}:${line}.${24 + String(fn).length},${line + 1}.11 1`);
        blocks.push(`${file}:${line + 1}.11,${line + 3}.3 1`);
        blocks.push(`${file}:${line + 4}.2,${line + 4}.10 1`);
        line += 7;
      }
      await writeFile(path.join(dir, `p${p}`, `f${f}.go`), src);
    }
  }
  const random = rng(3);
  const profile = path.join(dir, 'cover.out');
  function* parts(): Generator<string> {
    yield 'mode: count\n';
    for (let b = 0; b < opts.binaries; b++) {
      // A binary runs the tests of one package: most blocks are 0 in most copies.
      for (const block of blocks) yield `${block} ${random() < 0.3 ? Math.floor(random() * 20) + 1 : 0}\n`;
    }
  }
  await write(profile, parts());
  return profile;
}

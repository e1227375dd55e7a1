// docker: what the stage adds between the end of a build and the digest output, beside `docker push`
// alone on the same image, engine and registry (the real Docker CLI on Podman's Docker API, Debian's
// docker-registry on 127.0.0.1; tests/docker/support starts them).
// 1. Push to digest: shipkit pushes every tag with the same `docker push`, then reads the image back from
//    the registry (manifest and config: the digest output, sizes, and the check that the registry holds
//    the scanned layers). Target ≤ 1.1 × `docker push` alone.
// 2. Build end to digest: the same, plus what the scan needs first (`docker save` and reading the
//    archive), Trivy's own scan time left out: what scanning before the push costs besides the scan.
// Each round pushes two fresh images (distinct random layers, so no blob is already in the registry):
// one with `docker push`, one with shipkit, alternating which goes first; medians are reported.
// The rows also give shipkit's read-back alone (manifest and config from the registry), measured apart.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { InputReader, mapSource } from '../src/core/inputs.js';
import type { BuiltImage } from '../src/stages/docker/build-step.js';
import { buildFiles } from '../src/stages/docker/build-step.js';
import type { Engine } from '../src/stages/docker/engine/detect.js';
import { saveImage } from '../src/stages/docker/engine/images.js';
import { readImageArchive } from '../src/stages/docker/image-archive.js';
import { readDockerOptions } from '../src/stages/docker/options.js';
import { pushBuilt } from '../src/stages/docker/push-step.js';
import { RegistryClient } from '../src/stages/docker/registry/client.js';
import { parseReference } from '../src/stages/docker/registry/reference.js';
import { inspectRemote } from '../src/stages/docker/registry/remote-image.js';
import { startDockerTestEnv } from '../tests/docker/support/env.js';
import { missingEngine } from '../tests/docker/support/tools.js';
import { stageContext } from '../tests/support/stage-context.js';
import type { BenchTable } from './types.js';

const run = promisify(execFile);
/** Rounds of (docker push, shipkit) pairs, alternating which goes first; then FULL_ROUNDS of the longer path. */
const ROUNDS = 12;
const FULL_ROUNDS = 5;
/** Random (incompressible) bytes per image: a push that moves real data, as a service layer does. */
const LAYER_BYTES = 16 << 20;
const TARGET = 1.1;

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (n: number): number => Math.round(n);

export default async function bench(): Promise<BenchTable[]> {
  const title = 'docker: build end to digest, beside docker push alone';
  if (missingEngine) return [{ title, columns: ['skipped'], rows: [[`missing: ${missingEngine}`]] }];
  const env = await startDockerTestEnv({ trivy: false });
  const work = await mkdtemp(path.join(env.work, 'bench-'));
  try {
    const processEnv = env.env();
    const docker = async (args: string[]) =>
      (await run('docker', args, { env: processEnv, maxBuffer: 16 << 20, timeout: 600_000 })).stdout;
    // One image per push, each its own random layer on busybox, all built before any timing.
    const images: string[] = [];
    for (let i = 0; i < 2 * ROUNDS + FULL_ROUNDS; i++) {
      const dir = path.join(work, `ctx-${i}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'payload.bin'), randomBytes(LAYER_BYTES));
      await writeFile(path.join(dir, 'Dockerfile'), 'FROM busybox:1.36\nCOPY payload.bin /payload.bin\n');
      const tag = `${env.registry.host}/bench/image-${i}:1`;
      await docker(['build', '-q', '-t', tag, dir]);
      images.push(tag);
    }
    const engine: Engine = {
      kind: 'docker',
      program: 'docker',
      version: (await docker(['version', '--format', '{{.Server.Version}}'])).trim(),
    };
    const ctx = stageContext({ cwd: work, env: processEnv });
    const engineCtx = {
      cwd: work,
      env: processEnv,
      logger: ctx.logger,
      signal: ctx.signal,
      insecureRegistries: [],
      tempDir: work,
    };
    const options = readDockerOptions(new InputReader(mapSource({ images: 'x/y' }, 'input')), processEnv, work);

    const readBack: number[] = [];
    async function shipkit(tag: string, withSave: boolean, i: number): Promise<number> {
      const archive = path.join(work, `save-${i}.tar`);
      // The scan's input is prepared either way (its layers are what the push is checked against); it is
      // timed only in the second table.
      const prepare = async () => {
        await saveImage(engine, tag, archive, engineCtx);
        return (await readImageArchive(archive)).images;
      };
      let platforms = withSave ? [] : await prepare();
      const started = performance.now();
      if (withSave) platforms = await prepare();
      const built = {
        spec: options.builds[0],
        meta: {
          tags: [tag],
          labels: {},
          version: '1',
          versionParts: { main: '1', partial: [], latest: false },
          images: [],
          warnings: [],
        },
        run: { ok: true, tail: '', durationMs: 0 },
        platforms,
        scanTargets: [],
        files: buildFiles(work, i),
      } satisfies BuiltImage;
      const pushed = await pushBuilt(engine, built, options, ctx, engineCtx, () => Promise.resolve(undefined));
      const elapsed = performance.now() - started;
      // The read-back alone, once more on the same tag: what the digest costs beyond the push.
      const again = performance.now();
      await inspectRemote(new RegistryClient(parseReference(tag)), '1');
      readBack.push(performance.now() - again);
      if (!pushed.ok || pushed.verified !== true || pushed.digestSource !== 'registry')
        throw new Error(
          `shipkit push of ${tag} did not end with a verified registry digest: ${pushed.problems.join('; ')}`,
        );
      await rm(archive, { force: true });
      return elapsed;
    }
    async function peer(tag: string): Promise<number> {
      const started = performance.now();
      const out = await docker(['push', tag]);
      const elapsed = performance.now() - started;
      if (!/digest: sha256:[a-f0-9]{64}/.test(out)) throw new Error(`docker push ${tag} printed no digest`);
      return elapsed;
    }

    const rows: { peer: number[]; push: number[]; full: number[] } = { peer: [], push: [], full: [] };
    for (let r = 0; r < ROUNDS; r++) {
      const a = images[2 * r];
      const b = images[2 * r + 1];
      if (r % 2 === 0) {
        rows.peer.push(await peer(a));
        rows.push.push(await shipkit(b, false, r));
      } else {
        rows.push.push(await shipkit(a, false, r));
        rows.peer.push(await peer(b));
      }
    }
    for (let r = 0; r < FULL_ROUNDS; r++) rows.full.push(await shipkit(images[2 * ROUNDS + r], true, ROUNDS + r));
    const peerMs = median(rows.peer);
    const pushMs = median(rows.push);
    const fullMs = median(rows.full);
    const ratio = (x: number) => Math.round((x / peerMs) * 100) / 100;
    // The target is judged on each round's own pair (same moment, same machine load), then the median:
    // on a shared machine a push's time drifts more between rounds than shipkit adds within one.
    const paired = Math.round(median(rows.push.map((p, i) => p / rows.peer[i])) * 100) / 100;
    return [
      {
        title,
        columns: ['measure', 'rounds', 'median ms', '× docker push', 'target'],
        rows: [
          ['docker push alone (peer)', rows.peer.length, ms(peerMs), 1, ''],
          [
            'shipkit: reading one pushed image back (manifest, config)',
            readBack.length,
            ms(median(readBack)),
            ratio(median(readBack)),
            '',
          ],
          [
            'shipkit: push every tag, read the digest back, verify the layers',
            rows.push.length,
            ms(pushMs),
            ratio(pushMs),
            `≤ ${TARGET}`,
          ],
          [
            'shipkit: save for the scan, read the archive, then the same',
            rows.full.length,
            ms(fullMs),
            ratio(fullMs),
            '',
          ],
        ],
        notes: [
          `Each image: busybox plus ${LAYER_BYTES >> 20} MiB of random bytes, pushed once to a fresh repository of a local docker-registry through the Docker CLI on Podman ${engine.version}.`,
          `Trivy's scan time is not in these rows: it is the scan's (npm run bench scan).`,
          `Median of the rounds' own shipkit ÷ docker push: ${paired}× — ${paired <= TARGET ? 'within' : 'over'} the ${TARGET}× target.`,
        ],
      },
    ];
  } finally {
    await env.stop();
  }
}

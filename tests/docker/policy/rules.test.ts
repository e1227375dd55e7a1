import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { policyAnnotations } from '../../../src/stages/docker/policy/annotations.js';
import { InputReader, mapSource } from '../../../src/core/inputs.js';
import { readPolicyOptions } from '../../../src/stages/docker/policy/options.js';
import { POLICY_RULES } from '../../../src/stages/docker/policy/rules.js';
import { check, GOOD, live } from './support.js';

describe('the baseline passes', () => {
  it('GOOD has no finding under strict', () => {
    const r = check(GOOD);
    expect(r.findings).toEqual([]);
    expect(r.passed).toBe(true);
  });
});

describe('pinned-base', () => {
  it.each([
    ['FROM alpine', 'has no tag'],
    ['FROM alpine:latest', 'uses latest'],
    ['FROM registry.example.com:5000/team/alpine', 'has no tag'],
  ])('%s is a finding (%s)', (from, message) => {
    const r = check(GOOD.replace('FROM alpine:3.20', from));
    expect(live(r)).toEqual(['pinned-base@5']);
    expect(r.findings[0]?.message).toContain(message);
  });

  it.each([
    'FROM alpine:3.20',
    'FROM registry.example.com:5000/team/alpine:3.20',
    'FROM alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5',
    'FROM alpine:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5',
    'FROM --platform=$BUILDPLATFORM alpine:3.20',
    'FROM scratch',
  ])('%s is pinned', (from) => {
    expect(live(check(GOOD.replace('FROM alpine:3.20', from)))).toEqual([]);
  });

  it('an earlier stage is fine, compared without case', () => {
    const text = GOOD.replace('FROM alpine:3.20', 'FROM alpine:3.20 AS Base\nFROM base');
    expect(live(check(text)).filter((f) => f.startsWith('pinned-base'))).toEqual([]);
  });

  it('ARG-substituted bases are resolved from the defaults before the first FROM, or the build args', () => {
    const text = (arg: string) => `ARG BASE${arg}\n${GOOD.replace('FROM alpine:3.20', 'FROM ${BASE}')}`;
    expect(live(check(text('=alpine:3.20')))).toEqual([]);
    expect(live(check(text('=alpine')))).toEqual(['pinned-base@6']);
    expect(check(text('=alpine')).findings[0]?.message).toContain('FROM ${BASE} (= alpine) has no tag');
    expect(live(check(text('')))).toEqual(['pinned-base@6']);
    expect(check(text('')).findings[0]?.message).toContain('BASE has no default');
    expect(live(check(text(''), { buildArgs: { BASE: 'alpine:3.20' } }))).toEqual([]);
    expect(live(check(text('=alpine:3.20'), { buildArgs: { BASE: 'alpine:latest' } }))).toEqual(['pinned-base@6']);
  });

  it('${VAR:-default} and ${VAR:+alt} modifiers, and several variables in one reference', () => {
    const text = `ARG REGISTRY=docker.io\nARG VERSION\n${GOOD.replace('FROM alpine:3.20', 'FROM ${REGISTRY}/library/alpine:${VERSION:-3.20}')}`;
    expect(live(check(text))).toEqual([]);
    const latest = `ARG EDGE=1\n${GOOD.replace('FROM alpine:3.20', 'FROM alpine${EDGE:+:latest}')}`;
    expect(live(check(latest))).toEqual(['pinned-base@6']);
  });

  it('an ARG declared after the first FROM does not reach a FROM (Docker scoping)', () => {
    const text = GOOD.replace('FROM alpine:3.20', 'ARG LATER=alpine:3.20\nFROM ${LATER}');
    expect(live(check(text))).toContain('pinned-base@6');
  });
});

describe('multi-stage', () => {
  it('one stage is a finding at its FROM', () => {
    const r = check('FROM alpine:3.20\nUSER 1000\nHEALTHCHECK CMD true\n');
    expect(live(r)).toEqual(['multi-stage@1']);
    expect(r.findings[0]?.message).toContain('one stage');
  });

  it('a final stage that copies nothing from a build stage is a finding; --from=<index> counts', () => {
    expect(live(check(GOOD.replace('COPY --from=build', 'COPY')))).toEqual(['multi-stage@5']);
    expect(live(check(GOOD.replace('--from=build', '--from=0')))).toEqual([]);
    // --from among other flags (dockerfile-ast's getFromFlag() only sees a lone --from).
    expect(live(check(GOOD.replace('--from=build', '--chown=10001:10001 --from=build --chmod=0555')))).toEqual([]);
    // An image reference is not a build stage.
    expect(live(check(GOOD.replace('--from=build', '--from=busybox:1.36')))).toEqual(['multi-stage@5']);
  });

  it('a final stage built on a stage that copied from the build stage passes', () => {
    const text = GOOD.replace('FROM alpine:3.20', 'FROM alpine:3.20 AS base').replace(
      'ENTRYPOINT',
      'FROM base AS final\nENTRYPOINT',
    );
    expect(live(check(text))).toEqual([]);
  });
});

describe('non-root-user', () => {
  it.each([
    ['USER root', 'runs as root'],
    ['USER 0', 'runs as root'],
    ['USER 0:0', 'runs as root'],
    ['USER root:app', 'runs as root'],
    ['USER 000', 'runs as root'],
  ])('%s is a finding', (user, message) => {
    const r = check(GOOD.replace('USER 10001', user));
    expect(live(r)).toEqual(['non-root-user@7']);
    expect(r.findings[0]?.message).toContain(message);
  });

  it.each(['USER 10001:10001', 'USER app', 'USER nonroot:nonroot', 'USER 1000'])('%s passes', (user) => {
    expect(live(check(GOOD.replace('USER 10001', user)))).toEqual([]);
  });

  it('the last USER counts: switching back to root is a finding', () => {
    expect(live(check(GOOD.replace('USER 10001', 'USER 10001\nRUN true\nUSER root')))).toEqual(['non-root-user@9']);
  });

  it('no USER in the final stage is a finding at its FROM; a USER in a build stage does not count', () => {
    const text = GOOD.replace('USER 10001\n', '').replace('WORKDIR /src', 'WORKDIR /src\nUSER 10001');
    expect(live(check(text))).toEqual(['non-root-user@6']);
  });

  it('USER from an ARG or ENV is resolved; without a value it cannot be judged', () => {
    expect(live(check(GOOD.replace('USER 10001', 'ARG UID=10001\nUSER ${UID}')))).toEqual([]);
    expect(live(check(GOOD.replace('USER 10001', 'ENV RUNAS=root\nUSER $RUNAS')))).toEqual(['non-root-user@8']);
    const r = check(GOOD.replace('USER 10001', 'ARG UID\nUSER ${UID}'));
    expect(live(r)).toEqual(['non-root-user@8']);
    expect(r.findings[0]?.message).toContain('cannot be resolved');
  });

  it('the final stage inherits USER from the stage it starts from', () => {
    const text = `${GOOD}FROM build AS debug\n`.replace(
      'WORKDIR /src',
      'WORKDIR /src\nUSER 10001\nHEALTHCHECK CMD true',
    );
    // The debug stage is FROM build: it inherits build's USER and HEALTHCHECK, but copies from nowhere.
    expect(live(check(text))).toEqual(['multi-stage@12']);
  });
});

describe('healthcheck', () => {
  it('missing, or HEALTHCHECK NONE, is a finding; orchestrator-probes turns the rule off', () => {
    const none = GOOD.replace(/HEALTHCHECK .*\n/, '');
    expect(live(check(none))).toEqual(['healthcheck@5']);
    expect(live(check(GOOD.replace(/HEALTHCHECK .*\n/, 'HEALTHCHECK NONE\n')))).toEqual(['healthcheck@8']);
    expect(live(check(none, { orchestratorProbes: true }))).toEqual([]);
  });
});

describe('no-secrets', () => {
  it.each([
    ['ENV API_KEY=abc', 'ENV API_KEY looks like a secret'],
    ['ARG NPM_TOKEN', 'ARG NPM_TOKEN looks like a secret'],
    ['ENV DB_PASSWORD=changeme', 'ENV DB_PASSWORD looks like a secret'],
    ['ARG SECRET', 'ARG SECRET looks like a secret'],
    ['ENV AWS_SECRET_ACCESS_KEY=x', 'AWS_SECRET_ACCESS_KEY'],
    ['ENV DATABASE_URL=postgres://app:hunter2@db:5432/app', 'looks like a URL with a password'],
    ['ENV CONFIG=ghp_0123456789abcdefghijABCDEFGHIJ012345', 'looks like a GitHub token'],
    ['ENV X=AKIAIOSFODNN7EXAMPLE', 'looks like an AWS access key id'],
  ])('%s', (line, message) => {
    const r = check(GOOD.replace('USER 10001', `${line}\nUSER 10001`));
    expect(live(r)).toEqual(['no-secrets@7']);
    expect(r.findings[0]?.message).toContain(message);
  });

  it('the value is never in the message', () => {
    const r = check(
      GOOD.replace('USER 10001', 'ENV DATABASE_URL=postgres://app:hunter2@db/app TOKEN=s3cr3t-v4lue\nUSER 10001'),
    );
    expect(r.findings).toHaveLength(2);
    expect(JSON.stringify(r)).not.toMatch(/hunter2|s3cr3t-v4lue/);
  });

  it.each([
    'ENV PUBLIC_KEY=abc',
    'ENV KEYBOARD_LAYOUT=us',
    'ENV TOKENIZER=bert',
    'ENV DATABASE_URL=postgres://app:$DB_PASSWORD@db/app',
    'ARG BUILD_VERSION=1.2.3',
  ])('%s is not a secret', (line) => {
    expect(live(check(GOOD.replace('USER 10001', `${line}\nUSER 10001`)))).toEqual([]);
  });
});

describe('no-add-url and dockerignore', () => {
  it('ADD of a URL is a finding; ADD of a local archive is not', () => {
    expect(live(check(GOOD.replace('USER 10001', 'ADD https://example.com/tool.tgz /opt/\nUSER 10001')))).toEqual([
      'no-add-url@7',
    ]);
    expect(live(check(GOOD.replace('USER 10001', 'ADD ["git@github.com:acme/x.git", "/x"]\nUSER 10001')))).toEqual([
      'no-add-url@7',
    ]);
    expect(live(check(GOOD.replace('USER 10001', 'ADD vendor.tgz /opt/\nUSER 10001')))).toEqual([]);
  });

  it('COPY . without a .dockerignore is a warning, even under strict; with one it is fine', () => {
    const text = GOOD.replace('WORKDIR /src', 'WORKDIR /src\nCOPY . .');
    const r = check(text, {}, { hasDockerignore: false });
    expect(live(r)).toEqual(['dockerignore@3']);
    expect(r.findings[0]?.severity).toBe('warning');
    expect(r.passed).toBe(true);
    expect(live(check(text, {}, { hasDockerignore: true }))).toEqual([]);
    // COPY --from=… . copies from a stage, not from the context.
    expect(live(check(GOOD.replace('/out/app /app', '. /app'), {}, { hasDockerignore: false }))).toEqual([]);
  });
});

describe('package-cache', () => {
  const inFinal = (run: string) => check(GOOD.replace('USER 10001', `${run}\nUSER 10001`));

  it.each([
    ['RUN apt-get update && apt-get install -y curl', 'apt'],
    ['RUN apk add curl', 'apk'],
    ['RUN pip install flask', 'pip'],
    ['RUN python3 -m pip install flask', 'pip'],
    ['RUN npm ci --omit=dev', 'npm'],
    ['RUN yarn install --frozen-lockfile', 'yarn'],
    ['RUN dnf install -y git', 'dnf'],
    ['RUN yum install -y git', 'yum'],
    ['RUN zypper install -y git', 'zypper'],
    ['RUN ["pip", "install", "flask"]', 'pip'],
    ['RUN sh -c "apk add curl"', 'apk'],
    ['RUN <<EOF\napt-get update\napt-get install -y curl\nEOF', 'apt'],
    ['RUN apk add curl > /dev/null 2>&1', 'apk'],
    ['RUN set -eux; sudo -E apt-get update; apt-get install -y curl', 'apt'],
  ])('%s leaves the %s cache', (run, manager) => {
    const r = inFinal(run);
    expect(live(r)).toEqual(['package-cache@7']);
    expect(r.findings[0]?.message).toContain(`${manager} cache`);
  });

  it.each([
    'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
    'RUN apk add --no-cache curl',
    'RUN pip install --no-cache-dir flask',
    'RUN PIP_NO_CACHE_DIR=1 pip install flask',
    'RUN npm ci --omit=dev && npm cache clean --force',
    'RUN yarn install && yarn cache clean',
    'RUN dnf install -y git && dnf clean all',
    'RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install flask',
    'RUN --mount=type=cache,target=/root/.npm npm ci',
    'RUN --mount=type=cache,dst=/var/cache/apk apk add curl',
    "RUN echo 'apt-get update' > /notes.txt",
  ])('%s is clean', (run) => {
    expect(live(inFinal(run))).toEqual([]);
  });

  it('ENV PIP_NO_CACHE_DIR in the stage counts (as in hadolint DL3042)', () => {
    expect(live(inFinal('ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask'))).toEqual([]);
  });

  it('a build stage that does not ship may keep its cache; a stage the final one starts from may not', () => {
    expect(live(check(GOOD.replace('WORKDIR /src', 'RUN apt-get update && apt-get install -y git')))).toEqual([]);
    const base = GOOD.replace('FROM alpine:3.20', 'FROM alpine:3.20 AS base\nRUN apk add curl\nFROM base');
    expect(live(check(base))).toEqual(['package-cache@6']);
  });
});

describe('shipkit-ignore', () => {
  it('a comment with a reason on the line before skips the finding, which stays in the report as ignored', () => {
    const text = GOOD.replace(
      'USER 10001',
      '# shipkit-ignore: non-root-user the entrypoint drops privileges with gosu\nUSER root',
    );
    const r = check(text);
    expect(live(r)).toEqual([]);
    expect(r.findings).toEqual([
      expect.objectContaining({
        rule: 'non-root-user',
        line: 8,
        ignored: true,
        reason: 'the entrypoint drops privileges with gosu',
      }),
    ]);
    expect(r).toMatchObject({ passed: true, errors: 0, ignored: 1 });
  });

  it('several ignores stack above one instruction; each skips only its own rule', () => {
    const text = GOOD.replace(
      'USER 10001',
      '# shipkit-ignore: no-add-url vendor publishes no checksum\n# shipkit-ignore: package-cache one-off\nADD https://example.com/x.tgz /x\nUSER 10001',
    );
    const r = check(text);
    expect(live(r)).toEqual([]);
    expect(r.ignored).toBe(1);
  });

  it('an ignore further up (not on the line before) skips nothing', () => {
    const text = GOOD.replace('USER 10001', '# shipkit-ignore: non-root-user reason\n\nUSER root');
    expect(live(check(text))).toEqual(['non-root-user@9']);
  });

  it('an ignore without a reason, or for an unknown rule, is itself a finding and skips nothing', () => {
    const noReason = check(GOOD.replace('USER 10001', '# shipkit-ignore: non-root-user\nUSER root'));
    expect(live(noReason)).toEqual(['shipkit-ignore@7', 'non-root-user@8']);
    expect(noReason.findings[0]?.message).toContain('gives no reason');
    const unknown = check(GOOD.replace('USER 10001', '# shipkit-ignore: DL3002 hadolint says so\nUSER root'));
    expect(live(unknown)).toEqual(['shipkit-ignore@7', 'non-root-user@8']);
    expect(unknown.findings[0]?.message).toContain("unknown rule 'DL3002'");
  });
});

describe('policy levels and reporting', () => {
  const messy = `FROM node
ADD https://example.com/x.tgz /x
RUN apk add git
COPY . .
`;
  it('recommended: risks are errors, size and operability are warnings; strict: all errors but dockerignore', () => {
    const rec = check(messy, { level: 'recommended' }, { hasDockerignore: false });
    const bySeverity = (r: typeof rec) => Object.fromEntries(r.findings.map((f) => [f.rule, f.severity]));
    expect(bySeverity(rec)).toEqual({
      'pinned-base': 'error',
      'multi-stage': 'warning',
      'non-root-user': 'error',
      healthcheck: 'warning',
      'no-add-url': 'warning',
      'package-cache': 'warning',
      dockerignore: 'warning',
    });
    expect(rec).toMatchObject({ errors: 2, warnings: 5, passed: false });
    const strict = check(messy, { level: 'strict' }, { hasDockerignore: false });
    expect(strict).toMatchObject({ errors: 6, warnings: 1, passed: false });
    for (const [rule, info] of Object.entries(POLICY_RULES)) {
      expect(info.severity.strict === 'error' || rule === 'dockerignore').toBe(true);
    }
  });

  it('off checks nothing, not even a Dockerfile without FROM', () => {
    expect(check('RUN nothing', { level: 'off' })).toMatchObject({ findings: [], passed: true, level: 'off' });
  });

  it('findings are ordered by line and carry the file', () => {
    const r = check(messy, {}, { hasDockerignore: false });
    expect(r.findings.map((f) => f.line)).toEqual([...r.findings.map((f) => f.line)].sort((a, b) => a - b));
    expect(new Set(r.findings.map((f) => f.file))).toEqual(new Set(['Dockerfile']));
  });

  it('annotations: one per finding that counts, at its file and line', () => {
    const text = GOOD.replace('USER 10001', '# shipkit-ignore: non-root-user gosu\nUSER root\nADD https://e.com/x /x');
    const annotations = policyAnnotations(check(text));
    expect(annotations).toEqual([
      {
        level: 'error',
        title: 'Dockerfile policy: no-add-url',
        message: expect.stringContaining('ADD https://e.com/x'),
        file: 'Dockerfile',
        startLine: 9,
      },
    ]);
  });

  it('a Dockerfile without FROM is a UserError naming the file and line', () => {
    const run = () => check('RUN echo hi\n');
    expect(run).toThrow(UserError);
    try {
      run();
    } catch (error) {
      expect((error as UserError).location).toMatchObject({ file: 'Dockerfile', line: 1 });
    }
  });

  it('options: policy and orchestrator-probes, with clear errors', () => {
    const read = (values: Record<string, string>) => readPolicyOptions(new InputReader(mapSource(values, 'input')));
    expect(read({})).toEqual({ level: 'recommended', orchestratorProbes: false });
    expect(read({ policy: 'strict', 'orchestrator-probes': 'true' })).toEqual({
      level: 'strict',
      orchestratorProbes: true,
    });
    expect(() => read({ policy: 'lenient' })).toThrow(/input 'policy' must be one of strict, recommended, off/);
    expect(() => read({ 'orchestrator-probes': 'yes' })).toThrow(/orchestrator-probes/);
  });
});

describe('target: the stage being built', () => {
  // build → runtime → test: the test stage derives from build and is never shipped when target=runtime.
  const STAGES = `${GOOD}
FROM build AS test
RUN go test ./...
`.replace('FROM alpine:3.20', 'FROM alpine:3.20 AS runtime');

  it('the rules about the shipped image judge the target stage, not the last one in the file', () => {
    // The last stage (test) has no USER, no HEALTHCHECK and copies from nowhere: not what target=runtime ships.
    expect(live(check(STAGES, { target: 'runtime' }))).toEqual([]);
    expect(live(check(STAGES))).toEqual(['healthcheck@11', 'multi-stage@11', 'non-root-user@11']);
  });

  it('a target missing USER and HEALTHCHECK is judged, and named, even when a later stage has them', () => {
    const text = STAGES.replace('USER 10001\n', '')
      .replace(/HEALTHCHECK .*\n/, '')
      .replace('RUN go test ./...', 'RUN go test ./...\nUSER 10001\nHEALTHCHECK CMD true');
    const r = check(text, { target: 'runtime' });
    expect(live(r)).toEqual(['healthcheck@5', 'non-root-user@5']);
    expect(r.findings[0]?.message).toContain("the target stage 'runtime'");
  });

  it('the target inherits from the stages it starts from, and is matched without case', () => {
    const text = STAGES.replace('FROM build AS test', 'FROM runtime AS debug\nFROM build AS test');
    expect(live(check(text, { target: 'Debug' }))).toEqual([]);
  });

  it('a target that names no stage is a UserError naming the target input, as docker build fails', () => {
    const run = () => check(STAGES, { target: 'prod' });
    expect(run).toThrow(UserError);
    expect(run).toThrow("target stage 'prod' could not be found");
    try {
      run();
    } catch (error) {
      expect((error as UserError).location).toMatchObject({ input: 'target', file: 'Dockerfile' });
    }
    expect(() => check(STAGES, { target: 'prod', targetInput: 'builds' })).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ input: 'builds' }) }),
    );
  });
});

describe('pinned-base judges the stages the build runs', () => {
  // docker build --target runtime builds runtime and what it needs (its FROM stage, COPY --from and
  // RUN --mount from= sources, transitively), as BuildKit does; the other stages are never built.
  const TARGETED = [
    'FROM golang:1.22 AS build', // 1
    'RUN go build -o /out/app .', // 2
    'FROM node AS assets', // 3: copied from by runtime
    'RUN mkdir /out', // 4
    'FROM python AS docs', // 5: nothing the target needs
    'RUN mkdir /site', // 6
    'FROM alpine:3.20 AS runtime', // 7: the target
    'COPY --from=build /out/app /app', // 8
    'COPY --from=assets /out /static', // 9
    'USER 10001', // 10
    'HEALTHCHECK CMD ["/app", "-health"]', // 11
    'ENTRYPOINT ["/app"]', // 12
    'FROM golang AS test', // 13: after the target
    'RUN go test ./...', // 14
    '',
  ].join('\n');
  const pinned = (r: ReturnType<typeof check>) => live(r).filter((f) => f.startsWith('pinned-base'));

  it('a stage after the target and a stage the target does not need are not judged; a stage it copies from is', () => {
    const r = check(TARGETED, { target: 'runtime' });
    expect(live(r)).toEqual(['pinned-base@3']);
    expect(r.findings[0]).toMatchObject({ file: 'Dockerfile', line: 3, severity: 'error' });
    expect(r.findings[0]?.message).toBe('FROM node has no tag: it means latest; pin a version tag or a digest');
    expect(policyAnnotations(r)).toEqual([
      expect.objectContaining({ file: 'Dockerfile', startLine: 3, title: 'Dockerfile policy: pinned-base' }),
    ]);
    expect(r.passed).toBe(false);
  });

  it('with every unpinned stage out of the build, the target passes', () => {
    const r = check(TARGETED.replace('FROM node AS assets', 'FROM node:20 AS assets'), { target: 'runtime' });
    expect(r.findings).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it.each([
    // Stage indexes count from 0: build is 0, assets 1.
    ['COPY --from=<index>', (t: string) => t.replace('--from=assets', '--from=1')],
    [
      'COPY --from=<name> among other flags, without case',
      (t: string) => t.replace('--from=assets', '--chown=10001 --from=Assets'),
    ],
    [
      'RUN --mount=type=bind,from=<stage>',
      (t: string) =>
        t.replace(
          'COPY --from=assets /out /static',
          'RUN --mount=type=bind,from=assets,source=/out,target=/mnt cp -r /mnt /static',
        ),
    ],
    [
      'RUN --mount=type=cache,from=<stage>',
      (t: string) =>
        t.replace('COPY --from=assets /out /static', 'RUN --mount=type=cache,target=/cache,from=assets true'),
    ],
  ])('a stage needed through %s is judged', (_how, edit) => {
    const text = edit(TARGETED);
    expect(pinned(check(text, { target: 'runtime' }))).toEqual(['pinned-base@3']);
  });

  it('dependencies are followed transitively: FROM a stage, and what that stage copies from', () => {
    // runtime copies from docs, which copies from assets.
    const text = TARGETED.replace('RUN mkdir /site', 'COPY --from=assets /out /site').replace(
      'COPY --from=assets /out /static',
      'COPY --from=docs /site /static',
    );
    expect(pinned(check(text, { target: 'runtime' }))).toEqual(['pinned-base@3', 'pinned-base@5']);
    // debug starts from runtime (FROM <stage>), so it needs runtime and everything runtime needs.
    const debug = TARGETED.replace('FROM golang AS test', 'FROM runtime AS debug');
    expect(pinned(check(debug, { target: 'debug' }))).toEqual(['pinned-base@3']);
  });

  it('a cache mount without from, and COPY --from an image, add no stage', () => {
    const text = TARGETED.replace(
      'COPY --from=assets /out /static',
      'RUN --mount=type=cache,target=/root/.cache true\nCOPY --from=busybox:1.36 /bin/busybox /bin/busybox',
    );
    expect(pinned(check(text, { target: 'runtime' }))).toEqual([]);
  });

  it('an ARG base with no default is judged only in a stage that is built', () => {
    const text = `ARG DOCS_BASE\n${TARGETED.replace('FROM python AS docs', 'FROM ${DOCS_BASE} AS docs')}`;
    expect(pinned(check(text, { target: 'runtime' }))).toEqual(['pinned-base@4']);
    const r = check(text.replace('COPY --from=assets /out /static', 'COPY --from=docs /site /static'), {
      target: 'runtime',
    });
    expect(pinned(r)).toEqual(['pinned-base@6']);
    expect(r.findings[0]?.message).toContain('DOCS_BASE has no default');
  });

  it('without a target the last stage and what it needs are judged, the other stages are not', () => {
    // The last stage (test) needs nothing else: its own unpinned base is reported, at its line.
    const r = check(TARGETED);
    expect(pinned(r)).toEqual(['pinned-base@13']);
    expect(r.findings.find((f) => f.rule === 'pinned-base')).toMatchObject({
      file: 'Dockerfile',
      line: 13,
      message: 'FROM golang has no tag: it means latest; pin a version tag or a digest',
    });
    // Without the test stage, runtime is the last one: assets is needed, docs is not.
    const noTest = TARGETED.replace('FROM golang AS test\nRUN go test ./...\n', '');
    expect(pinned(check(noTest))).toEqual(['pinned-base@3']);
    expect(live(check(noTest))).toEqual(live(check(TARGETED, { target: 'runtime' })));
  });
});

describe('shipkit-ignore on the first line', () => {
  it('an ignore whose reason holds `=` on line 1 (which the parser reads as a directive) is honoured', () => {
    const text = `# shipkit-ignore: pinned-base the mirror pins it: policy=mirror-latest\n${GOOD.replace('golang:1.22', 'golang')}`;
    const r = check(text);
    expect(live(r)).toEqual([]);
    expect(r.findings).toEqual([
      expect.objectContaining({
        rule: 'pinned-base',
        line: 2,
        ignored: true,
        reason: 'the mirror pins it: policy=mirror-latest',
      }),
    ]);
  });

  it('below real parser directives, in the run of lines above the instruction', () => {
    const text = `# syntax=docker/dockerfile:1\n# shipkit-ignore: pinned-base vendor image, tag=latest only\n${GOOD.replace('golang:1.22', 'golang:latest')}`;
    const r = check(text);
    expect(live(r)).toEqual([]);
    expect(r.ignored).toBe(1);
  });
});

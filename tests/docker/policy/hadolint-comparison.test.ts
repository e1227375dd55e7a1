// Verdicts compared with hadolint's rules. hadolint cannot be installed here, so its verdict in each row is
// read from the rule's source in github.com/hadolint/hadolint (src/Hadolint/Rule/DL3002.hs, DL3006.hs,
// DL3007.hs, DL3009.hs, DL3019.hs, DL3020.hs, DL3042.hs, DL3057.hs, DL3060.hs), not from running it. The
// rows pin shipkit's verdict and say where, and why, the two differ.
import { describe, expect, it } from 'vitest';
import type { PolicyRuleId } from '../../../src/stages/docker/policy/rules.js';
import { check } from './support.js';

interface Row {
  what: string;
  dockerfile: string;
  hadolint: { rule: string; fails: boolean };
  shipkit: { rule: PolicyRuleId; fails: boolean };
  /** Why the verdicts differ, when they do. */
  why?: string;
}

const final = (body: string) =>
  `FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n${body}`;

const rows: Row[] = [
  {
    what: 'untagged base',
    dockerfile: 'FROM node\n',
    hadolint: { rule: 'DL3006', fails: true },
    shipkit: { rule: 'pinned-base', fails: true },
  },
  {
    what: 'latest base',
    dockerfile: 'FROM node:latest\n',
    hadolint: { rule: 'DL3007', fails: true },
    shipkit: { rule: 'pinned-base', fails: true },
  },
  {
    what: 'latest tag pinned by digest',
    dockerfile: 'FROM node:latest@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n',
    hadolint: { rule: 'DL3007', fails: true },
    shipkit: { rule: 'pinned-base', fails: false },
    why: 'DL3007 looks at the tag alone; the digest pins the image, which is what the rule is for',
  },
  {
    what: 'scratch and an earlier stage as bases',
    dockerfile: 'FROM scratch AS empty\nFROM empty\n',
    hadolint: { rule: 'DL3006', fails: false },
    shipkit: { rule: 'pinned-base', fails: false },
  },
  {
    what: 'last USER of the final stage is root',
    dockerfile: final('USER root\n'),
    hadolint: { rule: 'DL3002', fails: true },
    shipkit: { rule: 'non-root-user', fails: true },
  },
  {
    what: 'no USER at all',
    dockerfile: final(''),
    hadolint: { rule: 'DL3002', fails: false },
    shipkit: { rule: 'non-root-user', fails: true },
    why: 'DL3002 only flags an explicit root USER; without one the image runs as its base image user, root for most bases',
  },
  {
    what: 'a build stage ends as root, the final stage does not',
    dockerfile:
      'FROM golang:1.22 AS build\nUSER root\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\nUSER 10001\n',
    hadolint: { rule: 'DL3002', fails: true },
    shipkit: { rule: 'non-root-user', fails: false },
    why: 'DL3002 checks every stage; only the final stage runs in production',
  },
  {
    what: 'apt-get update without removing the lists, in the final stage',
    dockerfile: final('RUN apt-get update && apt-get install -y curl\n'),
    hadolint: { rule: 'DL3009', fails: true },
    shipkit: { rule: 'package-cache', fails: true },
  },
  {
    what: 'apt-get update without removing the lists, in a build stage that does not ship',
    dockerfile:
      'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM alpine:3.20\nCOPY --from=build /usr/bin/gcc /gcc\n',
    hadolint: { rule: 'DL3009', fails: false },
    shipkit: { rule: 'package-cache', fails: false },
  },
  {
    what: 'apt-get with the lists on a cache mount',
    dockerfile: final('RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n'),
    hadolint: { rule: 'DL3009', fails: false },
    shipkit: { rule: 'package-cache', fails: false },
  },
  {
    what: 'apk add without --no-cache in a build stage only',
    dockerfile: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\nCOPY --from=build /usr/bin/gcc /gcc\n',
    hadolint: { rule: 'DL3019', fails: true },
    shipkit: { rule: 'package-cache', fails: false },
    why: "DL3019 checks every stage; a build stage's cache never reaches the image",
  },
  {
    what: 'pip install without --no-cache-dir in the final stage',
    dockerfile: final('RUN pip install flask\n'),
    hadolint: { rule: 'DL3042', fails: true },
    shipkit: { rule: 'package-cache', fails: true },
  },
  {
    what: 'pip install with ENV PIP_NO_CACHE_DIR=1',
    dockerfile: final('ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n'),
    hadolint: { rule: 'DL3042', fails: false },
    shipkit: { rule: 'package-cache', fails: false },
  },
  {
    what: 'pipx install (a wrapper with its own venvs)',
    dockerfile: final('RUN pipx install black\n'),
    hadolint: { rule: 'DL3042', fails: false },
    shipkit: { rule: 'package-cache', fails: false },
  },
  {
    what: 'yarn install without yarn cache clean',
    dockerfile: final('RUN yarn install --frozen-lockfile\n'),
    hadolint: { rule: 'DL3060', fails: true },
    shipkit: { rule: 'package-cache', fails: true },
  },
  {
    what: 'no HEALTHCHECK (DL3057 is off by default in hadolint: severity "ignore")',
    dockerfile: final(''),
    hadolint: { rule: 'DL3057', fails: true },
    shipkit: { rule: 'healthcheck', fails: true },
  },
  {
    what: 'HEALTHCHECK inherited from the stage the final one starts from',
    dockerfile: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\n',
    hadolint: { rule: 'DL3057', fails: false },
    shipkit: { rule: 'healthcheck', fails: false },
  },
  {
    what: 'ADD of a URL',
    dockerfile: final('ADD https://example.com/tool.tgz /opt/\n'),
    hadolint: { rule: 'DL3020', fails: false },
    shipkit: { rule: 'no-add-url', fails: true },
    why: 'DL3020 is about ADD of local files and allows URLs; an unverified download at build time is the risk here',
  },
];

describe('verdicts next to hadolint', () => {
  it.each(rows)('$what: hadolint $hadolint.rule, shipkit $shipkit.rule', (row) => {
    const r = check(row.dockerfile, { level: 'strict' });
    const fails = r.findings.some((f) => f.rule === row.shipkit.rule && !f.ignored);
    expect(fails).toBe(row.shipkit.fails);
    // A row says why whenever the two verdicts differ, and only then.
    expect(row.why !== undefined).toBe(row.hadolint.fails !== row.shipkit.fails);
  });

  it('most verdicts agree', () => {
    const agree = rows.filter((r) => r.hadolint.fails === r.shipkit.fails).length;
    expect(`${agree} of ${rows.length}`).toBe('13 of 18');
  });
});

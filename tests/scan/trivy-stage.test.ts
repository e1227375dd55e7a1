import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/stages/scan/report-schema.js';
import { runScanStage } from './support/stage.js';

/** The Trivy .ci/setup/scan.sh builds. Secret and misconfiguration scans need no vulnerability database. */
const TRIVY = '/var/cache/shipkit/trivy-v0.74.0/trivy';

// Token-shaped values made up for this test (not real credentials), in the shapes Trivy's rules know.
const AWS_KEY = ['AKIA', '2E0A8F3B244C9986'].join('');
const GH_TOKEN = ['ghp_', 'R8x2Lq7Vn4Kp1Zt9Wm3Yc6Hb5Jd0Sf8Ga2Ue'].join('');

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-scan-trivy-'));
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine:3.19\nRUN apk add curl\nCMD ["sh"]\n');
  writeFileSync(
    path.join(dir, 'deploy.sh'),
    `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${AWS_KEY}\nexport GH_TOKEN=${GH_TOKEN}\n`,
  );
  return dir;
}

describe.skipIf(!existsSync(TRIVY))(`the scan stage with the real Trivy (${TRIVY})`, () => {
  it('finds the secrets and the Dockerfile misconfigurations on their lines, and no channel ever shows a secret', async () => {
    const dir = project();
    const { outcome, ctx } = await runScanStage(
      dir,
      { scanners: 'secret,misconfig', 'trivy-path': TRIVY, sarif: 'scan.sarif' },
      { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
    );
    const r = outcome.report as unknown as ScanReport;
    expect(r.sources).toEqual([
      expect.objectContaining({ tool: 'trivy', kind: 'trivy', version: expect.stringMatching(/0\.74\.0/) }),
    ]);
    const secrets = r.findings.filter((f) => f.kind === 'secret');
    expect(secrets.map((f) => [f.id, f.file, f.line, f.severity])).toEqual([
      ['aws-access-key-id', 'deploy.sh', 2, 'critical'],
      ['github-pat', 'deploy.sh', 3, 'critical'],
    ]);
    expect(secrets.map((f) => f.snippet)).toEqual([
      expect.stringContaining('AWS_ACCESS_KEY_ID='),
      expect.stringContaining('GH_TOKEN='),
    ]);
    const apk = r.findings.find((f) => f.id === 'DS-0025');
    expect(apk).toMatchObject({ kind: 'misconfig', file: 'Dockerfile', line: 2 });
    expect(outcome.annotations.find((a) => a.title?.includes('DS-0025'))).toMatchObject({
      file: 'Dockerfile',
      startLine: 2,
    });

    const channels = {
      report: JSON.stringify(outcome.report),
      comment: JSON.stringify(outcome.comment),
      summary: JSON.stringify(outcome.summary),
      annotations: JSON.stringify(outcome.annotations),
      text: outcome.text,
      outputs: JSON.stringify(outcome.outputs),
      log: JSON.stringify(ctx.logger.lines),
      sarif: readFileSync(path.join(dir, 'scan.sarif'), 'utf8'),
    };
    for (const [name, text] of Object.entries(channels)) {
      expect(text, name).not.toContain(AWS_KEY);
      expect(text, name).not.toContain(GH_TOKEN);
      expect(text, name).not.toContain(GH_TOKEN.slice(4, 20));
    }
  });
});

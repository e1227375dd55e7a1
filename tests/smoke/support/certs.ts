import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestPki {
  dir: string;
  caFile: string;
  ca: string;
  /** Leaf for 127.0.0.1/localhost, signed by the CA, valid 90 days. */
  good: { key: string; cert: string };
  /** Leaf signed by the CA that expires in 3 days. */
  expiring: { key: string; cert: string };
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A throwaway CA and two server certificates, made with the real openssl CLI. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipkit-smoke-pki-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '30',
    '-subj',
    '/CN=shipkit smoke test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  writeFileSync(
    path.join(dir, 'leaf.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n',
  );
  const leaf = (name: string, days: number): { key: string; cert: string } => {
    openssl(dir, ['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', '/CN=127.0.0.1']);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      String(days),
      '-extfile',
      'leaf.ext',
    ]);
    return {
      key: readFileSync(path.join(dir, `${name}.key`), 'utf8'),
      cert: readFileSync(path.join(dir, `${name}.pem`), 'utf8'),
    };
  };
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    ca: readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    good: leaf('good', 90),
    expiring: leaf('expiring', 3),
  };
}

import type { CliCommand, FlagSpec } from '../../cli/command.js';
import { readSmokeOptions } from './options.js';
import { runSmoke } from './run.js';

const flag = (description: string, multiple = false): FlagSpec => ({
  type: 'string',
  description,
  ...(multiple ? { multiple } : {}),
});

export const smokeCommand: CliCommand = {
  name: 'smoke',
  summary:
    'Smoke-test a deployment: wait until healthy, run HTTP checks, latency thresholds, security headers, TLS expiry.',
  flags: {
    url: flag('URL  base URL of the deployment'),
    checks: flag('FILE|YAML  check file (or inline YAML)'),
    'wait-for': flag('PATH  poll this path (or URL) until it answers 2xx/3xx before checking'),
    timeout: flag('DURATION  deadline for the whole run (default 5m)'),
    retries: flag('N  wait-for attempts after the first (default: until the deadline)'),
    backoff: flag('DURATION  first wait-for delay, doubled per attempt up to 30s, with jitter (default 1s)'),
    concurrency: flag('N  requests in flight at once (default 10)'),
    samples: flag('N  requests per check for latency statistics (default 1)'),
    thresholds: flag('YAML  k6 thresholds, e.g. "http_req_duration: [\'p(95)<200\']"'),
    headers: flag("'Name: value'  header sent with every request (values are secret)", true),
    'security-headers': {
      type: 'string',
      description: 'true|false  check HSTS, nosniff, framing, CSP, Server/X-Powered-By',
    },
    'tls-min-days': flag('N  fail when an https certificate expires within N days or its chain is invalid'),
    'on-failure': flag('COMMAND  run once through the shell when the smoke fails (rollback)'),
    'request-timeout': flag('DURATION  timeout of each request (default 10s)'),
    'max-body': flag('SIZE  read at most this much of each body (default 10MB)'),
    ca: flag('FILE  extra CA certificates (PEM) to trust'),
  },
  run: async (inputs, ctx) => runSmoke(readSmokeOptions(inputs), ctx),
};

import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorObject } from 'ajv';
import { FaultQueue, faultResponse, type Fault } from './faults.js';
import { ApiError, DOCS, notAccessible, notFound, validationFailed, type FieldError } from './http.js';
import { ObjectBuilder } from './objects.js';
import { ROUTES, type PermissionLevel, type PermissionScope } from './routes.js';
import { SchemaValidator } from './schema.js';
import { apiDescription, type OperationSpec } from './spec.js';
import { GitHubState } from './state.js';

export interface TokenInfo {
  login: string;
  type?: 'User' | 'Bot';
  /** Repo permissions granted to the token. Omitted: all write. Given: unlisted scopes are 'read'. */
  permissions?: Partial<Record<PermissionScope, PermissionLevel>>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  status: number;
  operationId?: string;
}

/** Test-only: rewrite a response body before it is validated and sent (to prove the check bites). */
export type ResponseTamper = (operationId: string, status: number, body: unknown) => unknown;

const RATE_LIMIT = 5000;
const BASIC_ERROR = { $ref: '#/components/schemas/basic-error' };

export class GitHubApiServer {
  readonly state = new GitHubState();
  readonly requests: RecordedRequest[] = [];
  readonly schemaViolations: string[] = [];
  url = '';
  private readonly api = apiDescription();
  private readonly validator = new SchemaValidator(this.api);
  private readonly faults = new FaultQueue();
  private readonly used = new Map<string, number>();
  private readonly resetAt = Math.floor(Date.now() / 1000) + 3600;
  private readonly http: Server;
  private build = new ObjectBuilder('');
  private tamper: ResponseTamper | undefined;

  constructor(private readonly tokens: Record<string, TokenInfo>) {
    for (const info of Object.values(tokens)) this.state.addUser(info.login, { type: info.type ?? 'User' });
    this.http = createServer((req, res) => {
      this.serve(req, res).catch((error: unknown) => {
        this.schemaViolations.push(`server bug on ${req.method} ${req.url}: ${String(error)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `github-server bug: ${String(error)}` }));
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`;
    this.build = new ObjectBuilder(this.url);
  }

  close(): Promise<void> {
    this.http.closeAllConnections();
    return new Promise((resolve, reject) => this.http.close((error) => (error ? reject(error) : resolve())));
  }

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  setResponseTamper(tamper: ResponseTamper | undefined): void {
    this.tamper = tamper;
  }

  assertNoSchemaViolations(): void {
    if (this.schemaViolations.length > 0) {
      throw new Error(`github-server sent responses that break GitHub's schema:\n${this.schemaViolations.join('\n')}`);
    }
  }

  /** What the token has used of its hourly limit (requests answered 304 are free, as on GitHub). */
  rateLimitUsed(token: string): number {
    return this.used.get(token) ?? 0;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.url);
    const requestId = `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(3).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`;
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body: parseMaybe(raw),
      status: 0,
    };
    this.requests.push(record);
    const route = this.api.lookup(method, url.pathname);
    const operation = route.kind === 'operation' ? route.operation : undefined;
    record.operationId = operation?.operationId;
    const token = tokenOf(req.headers.authorization);
    const info = token === undefined ? undefined : this.tokens[token];

    let result: { status: number; body?: unknown; headers?: Record<string, string> };
    try {
      const fault = this.faults.take(method, url.pathname, operation?.template);
      if (fault) throw faultResponse(fault, requestId, Math.floor(Date.now() / 1000));
      if (!info) {
        throw new ApiError(401, {
          message: token === undefined ? 'Requires authentication' : 'Bad credentials',
          documentation_url: DOCS,
          status: '401',
        });
      }
      if (route.kind !== 'operation') throw notFound();
      result = this.handle(route.operation, route.params, url, raw, info);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      result = { status: error.status, body: error.body, headers: error.headers };
    }

    if (this.tamper && operation) result.body = this.tamper(operation.operationId, result.status, result.body);
    this.check(operation, result.status, result.body);

    const json = result.body === undefined ? undefined : JSON.stringify(result.body);
    const headers: Record<string, string> = { ...result.headers };
    let status = result.status;
    if (method === 'GET' && status === 200 && json !== undefined) {
      headers.etag = `W/"${createHash('sha256').update(json).digest('hex')}"`;
      const ifNoneMatch = req.headers['if-none-match'];
      if (ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(headers.etag)) status = 304;
    }
    // GitHub does not count a 304 against the rate limit.
    const bucket = token ?? 'anonymous';
    if (status !== 304) this.used.set(bucket, (this.used.get(bucket) ?? 0) + 1);
    const used = this.used.get(bucket) ?? 0;
    const out: Record<string, string> = {
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
      'x-github-request-id': requestId,
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding, Accept, X-Requested-With',
      ...headers,
    };
    if (method === 'GET') out['cache-control'] = 'private, max-age=60, s-maxage=60';
    record.status = status;
    if (status === 204 || status === 304 || json === undefined) {
      res.writeHead(status, out).end();
      return;
    }
    out['content-type'] = 'application/json; charset=utf-8';
    out['content-length'] = String(Buffer.byteLength(json));
    res.writeHead(status, out).end(json);
  }

  private handle(
    operation: OperationSpec,
    params: Record<string, string>,
    url: URL,
    raw: string,
    info: TokenInfo,
  ): { status: number; body?: unknown; headers?: Record<string, string> } {
    // A path parameter documented as an integer that is not one: GitHub finds no such resource.
    for (const p of operation.parameters) {
      if (p.in === 'path' && p.schema?.type === 'integer' && !/^\d+$/.test(params[p.name] ?? ''))
        throw notFound(operation);
    }
    const route = ROUTES[operation.operationId];
    if (!route) {
      throw new ApiError(501, {
        message: `github-server does not implement ${operation.operationId} (${operation.method} ${operation.template}); it exists in GitHub's API: add it to tests/support/github-server/routes.ts`,
        documentation_url: operation.documentationUrl,
      });
    }
    if (route.access) {
      const need = route.access({ state: this.state, params });
      if (!need.scopes.some((s) => allows(permissionOf(info, s), need.level))) {
        // GitHub names the permissions that would have been accepted (alternatives separated by `; `).
        const accepted = need.scopes.map((s) => `${s}=${need.level}`).join('; ');
        const error = notAccessible(operation);
        throw new ApiError(error.status, error.body, { 'x-accepted-github-permissions': accepted });
      }
    }
    let body: Record<string, unknown> = {};
    if (operation.requestBody) {
      let parsed: unknown = {};
      if (raw.trim() !== '') {
        try {
          parsed = JSON.parse(raw);
        } catch {
          throw new ApiError(400, {
            message: 'Problems parsing JSON',
            documentation_url: operation.documentationUrl,
            status: '400',
          });
        }
      }
      const errors = this.validator.validateDetailed(
        `request ${operation.operationId}`,
        operation.requestBody.schema,
        parsed,
      );
      if (errors.length > 0) throw validationFailed(operation, fieldErrors(operation, errors));
      body = parsed as Record<string, unknown>;
    }
    return route.handle({ state: this.state, build: this.build, operation, params, url, body, login: info.login });
  }

  /** Every response against the schema GitHub documents for its operation and status. */
  private check(operation: OperationSpec | undefined, status: number, body: unknown): void {
    const where = operation ? `${operation.operationId} ${status}` : `(no operation) ${status}`;
    if (!operation || status === 501) {
      this.record(where, this.validator.validate('basic-error', BASIC_ERROR, body));
      return;
    }
    const documented = operation.responses.has(String(status));
    const schema = operation.responses.get(String(status));
    if (schema) {
      this.record(where, this.validator.validate(`response ${where}`, schema, body));
    } else if (documented) {
      if (body !== undefined) this.schemaViolations.push(`${where}: documented without a body, but one was sent`);
    } else if (status >= 400) {
      // Any operation may fail with GitHub's basic error (401, 403, rate limits, 5xx) even where undocumented.
      this.record(where, this.validator.validate('basic-error', BASIC_ERROR, body));
    } else {
      this.schemaViolations.push(`${where}: status ${status} is not documented for this operation`);
    }
  }

  private record(where: string, errors: string[]): void {
    for (const e of errors) this.schemaViolations.push(`${where}: ${e}`);
  }
}

function tokenOf(header: string | undefined): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function permissionOf(info: TokenInfo, scope: PermissionScope): PermissionLevel {
  if (!info.permissions) return 'write';
  return info.permissions[scope] ?? 'read';
}

function allows(granted: PermissionLevel, needed: 'read' | 'write'): boolean {
  return granted === 'write' || (granted === 'read' && needed === 'read');
}

function parseMaybe(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

const RESOURCES: Record<string, string> = {
  'issues/create': 'Issue',
  'issues/update': 'Issue',
  'issues/create-comment': 'IssueComment',
  'issues/update-comment': 'IssueComment',
  'repos/create-deployment': 'Deployment',
  'repos/create-deployment-status': 'DeploymentStatus',
};

/** ajv's errors as the `errors` array of GitHub's 422 Validation Failed. */
function fieldErrors(operation: OperationSpec, errors: ErrorObject[]): FieldError[] {
  const resource = RESOURCES[operation.operationId] ?? 'Resource';
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const missing =
      e.keyword === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : undefined;
    const field = missing ?? (e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(body)');
    const code = missing ? 'missing_field' : 'invalid';
    if (seen.has(`${field}:${code}`)) continue;
    seen.add(`${field}:${code}`);
    out.push({ resource, field, code, ...(missing ? {} : { message: `${field} ${e.message ?? 'is invalid'}` }) });
  }
  return out;
}

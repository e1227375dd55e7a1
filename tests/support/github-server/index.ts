import { GitHubApiServer, type RecordedRequest, type ResponseTamper, type TokenInfo } from './server.js';
import type { Fault } from './faults.js';
import type { GitHubState } from './state.js';

export type { Fault } from './faults.js';
export type { RecordedRequest, ResponseTamper, TokenInfo } from './server.js';
export type { GitHubState } from './state.js';
export { apiDescriptionLoadMs } from './spec.js';

/** A GitHub REST API on 127.0.0.1 whose every request and response is checked against GitHub's OpenAPI description. */
export interface GitHubServer {
  /** http://127.0.0.1:PORT — use as GITHUB_API_URL. */
  url: string;
  state: GitHubState;
  requests: RecordedRequest[];
  inject(fault: Fault): void;
  /** Responses that did not match the documented schema (must stay empty). */
  schemaViolations: string[];
  assertNoSchemaViolations(): void;
  /** Requests counted against `token`'s rate limit (304s are free). */
  rateLimitUsed(token: string): number;
  /** Test-only: rewrite response bodies before they are checked and sent. */
  setResponseTamper(tamper: ResponseTamper | undefined): void;
  close(): Promise<void>;
}

export const DEFAULT_TOKEN = 'test-token';

export const DEFAULT_TOKENS: Record<string, TokenInfo> = {
  [DEFAULT_TOKEN]: { login: 'shipkit-bot', type: 'Bot' },
};

export async function startGitHubServer(options: { tokens?: Record<string, TokenInfo> } = {}): Promise<GitHubServer> {
  const server = new GitHubApiServer(options.tokens ?? DEFAULT_TOKENS);
  await server.listen();
  return server;
}

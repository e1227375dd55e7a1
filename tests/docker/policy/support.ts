import { checkDockerfile, type PolicyOptions, type PolicyResult } from '../../../src/stages/docker/policy/check.js';

/** A Dockerfile that passes every rule; tests change one thing in it at a time. */
export const GOOD = `FROM golang:1.22 AS build
WORKDIR /src
RUN go build -o /out/app .

FROM alpine:3.20
COPY --from=build /out/app /app
USER 10001
HEALTHCHECK CMD ["/app", "-health"]
ENTRYPOINT ["/app"]
`;

export function check(
  text: string,
  options: Partial<PolicyOptions> = {},
  context: { hasDockerignore: boolean } = { hasDockerignore: true },
): PolicyResult {
  return checkDockerfile(text, 'Dockerfile', { level: 'strict', orchestratorProbes: false, ...options }, context);
}

/** `rule@line` of every finding that counts (not ignored), for compact assertions. */
export const live = (r: PolicyResult): string[] =>
  r.findings.filter((f) => !f.ignored).map((f) => `${f.rule}@${f.line}`);

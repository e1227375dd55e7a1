/**
 * JSON Schema of a smoke check file. It is published as smoke/checks.schema.json for editors
 * (`# yaml-language-server: $schema=…`) and is the same object the loader validates with, so the
 * completion an editor offers and what the action accepts cannot drift (a test compares them).
 */
const duration = {
  description: 'milliseconds, or a duration such as 250ms or 2s',
  anyOf: [
    { type: 'number', minimum: 0 },
    { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*(ms|s|m)?$' },
  ],
};

const statusItem = {
  description: 'a status code such as 200, or a class such as 2xx',
  anyOf: [
    { type: 'integer', minimum: 100, maximum: 599 },
    { type: 'string', pattern: '^([1-5]xx|[1-5]\\d\\d)$' },
  ],
};

export const checksFileSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://shipkit.dev/schemas/smoke-checks.json',
  title: 'shipkit smoke checks',
  description: 'HTTP checks run by shipkit smoke after a deploy.',
  type: 'object',
  required: ['checks'],
  additionalProperties: false,
  properties: {
    checks: { type: 'array', minItems: 1, items: { $ref: '#/definitions/check' } },
  },
  definitions: {
    check: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: {
          description: 'unique name; thresholds select it as http_req_duration{check:NAME}',
          type: 'string',
          pattern: '^[^{},:]+$',
        },
        method: { enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] },
        path: { description: 'path resolved against the url input, e.g. /health', type: 'string', pattern: '^/' },
        url: { description: 'absolute URL, instead of path', type: 'string', pattern: '^https?://' },
        headers: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
        body: { description: 'raw request body', type: 'string' },
        json: { description: 'request body sent as JSON (sets content-type)' },
        'follow-redirects': { description: 'follow 3xx responses (default true)', type: 'boolean' },
        timeout: { ...duration, description: 'per-request timeout for this check' },
        expect: { $ref: '#/definitions/expect' },
      },
    },
    expect: {
      type: 'object',
      additionalProperties: false,
      properties: {
        status: {
          description: 'a status code, a class such as 2xx, or a list of them (default 2xx)',
          anyOf: [statusItem, { type: 'array', minItems: 1, items: statusItem }],
        },
        'body-contains': {
          description: 'text the body must contain (all of them, when a list)',
          anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
        },
        'body-matches': { description: 'a regular expression the body must match', type: 'string' },
        json: {
          description: 'JSON path (e.g. $.data.items[0].id) → expected value, or {exists: true|false}',
          type: 'object',
        },
        headers: {
          description: 'header name → exact value, or /regex/ (flags allowed: /^max-age=\\d+/i)',
          type: 'object',
          additionalProperties: { type: 'string' },
        },
        'max-latency': { ...duration, description: 'every sample must answer within this' },
      },
    },
  },
} as const;

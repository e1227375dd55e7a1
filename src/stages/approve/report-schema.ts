/** JSON schema of the approve stage's own report key, `approval` (docs/report.md). */
export const approveReportSchema = {
  $id: 'https://shipkit.dev/schemas/report-approve-v1.json',
  type: 'object',
  required: ['approval'],
  properties: {
    approval: {
      type: 'object',
      additionalProperties: false,
      required: [
        'decision',
        'required',
        'approvers',
        'eligible',
        'ignored',
        'issueNumber',
        'issueUrl',
        'ref',
        'deadline',
        'polls',
      ],
      properties: {
        decision: { enum: ['approved', 'denied', 'timed-out', 'cancelled'] },
        /** Approvals needed (min-approvals). */
        required: { type: 'integer', minimum: 1 },
        /** Who approved (counted votes). */
        approvers: { type: 'array', items: { type: 'string' } },
        /** Who denied, when the decision is `denied`. */
        deniedBy: { type: 'array', items: { type: 'string' } },
        /** Everyone whose answer could count (users and resolved team members). */
        eligible: { type: 'array', items: { type: 'string' } },
        initiator: { type: 'string' },
        /** Answers that did not count, and why. */
        ignored: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['login', 'commentId', 'answer', 'reason'],
            properties: {
              login: { type: 'string' },
              commentId: { type: 'integer' },
              answer: { enum: ['approve', 'deny'] },
              reason: { enum: ['bot', 'not-an-approver', 'initiator', 'edited', 'before-request', 'after-deadline'] },
            },
          },
        },
        issueNumber: { type: 'integer' },
        issueUrl: { type: 'string' },
        deploymentId: { type: 'integer' },
        environment: { type: 'string' },
        ref: { type: 'string' },
        deadline: { type: 'string', format: 'date-time' },
        polls: {
          type: 'object',
          additionalProperties: false,
          required: ['polls', 'failed', 'requests', 'notModified'],
          properties: {
            polls: { type: 'integer', minimum: 0 },
            /** Polls that failed (transient errors, rate limits) and were waited out. */
            failed: { type: 'integer', minimum: 0 },
            requests: { type: 'integer', minimum: 0 },
            /** Requests answered 304 Not Modified (free of rate limit). */
            notModified: { type: 'integer', minimum: 0 },
          },
        },
      },
    },
  },
} as const;

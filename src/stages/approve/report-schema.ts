import { Type, type Static } from '@sinclair/typebox';
import { stageReportSchema } from '../../core/report/schema.js';

/**
 * The approve stage's report, written once: the JSON Schema (validated before every write) and the
 * TypeScript types below both come from these declarations.
 */

const Count = Type.Integer({ minimum: 0 });

export const DecisionSchema = Type.Union(
  [
    Type.Literal('approved'),
    Type.Literal('denied'),
    Type.Literal('timed-out'),
    Type.Literal('cancelled'),
    Type.Literal('error'),
  ],
  {
    description:
      "`error`: the gate could not be run to a decision (GitHub refused the token, a team could not be read…); the report's `error` says why. Only `approved` lets a deployment go on.",
  },
);

export const IgnoredAnswerSchema = Type.Object(
  {
    login: Type.String(),
    commentId: Type.Integer(),
    answer: Type.Union([Type.Literal('approve'), Type.Literal('deny')]),
    reason: Type.Union([
      Type.Literal('bot'),
      Type.Literal('not-an-approver'),
      Type.Literal('initiator'),
      Type.Literal('edited'),
      Type.Literal('before-request'),
      Type.Literal('after-deadline'),
    ]),
  },
  { additionalProperties: false },
);

export const ApprovalSchema = Type.Object(
  {
    decision: DecisionSchema,
    required: Type.Integer({ minimum: 1, description: 'Approvals needed (min-approvals).' }),
    approvers: Type.Array(Type.String(), { description: 'Who approved (counted votes).' }),
    deniedBy: Type.Optional(Type.Array(Type.String(), { description: 'Who denied, when the decision is `denied`.' })),
    eligible: Type.Array(Type.String(), {
      description: 'Everyone whose answer could count (users and resolved team members).',
    }),
    initiator: Type.Optional(Type.String()),
    ignored: Type.Array(IgnoredAnswerSchema, { description: 'Answers that did not count, and why.' }),
    issueNumber: Type.Optional(Type.Integer({ description: 'The request issue; absent when it was never opened.' })),
    issueUrl: Type.Optional(Type.String()),
    deploymentId: Type.Optional(Type.Integer()),
    environment: Type.Optional(Type.String()),
    ref: Type.String(),
    deadline: Type.Optional(Type.String({ format: 'date-time', description: 'Absent when the wait never began.' })),
    polls: Type.Object(
      {
        polls: Count,
        failed: Type.Integer({
          minimum: 0,
          description: 'Polls that failed (transient errors, rate limits) and were waited out.',
        }),
        requests: Count,
        notModified: Type.Integer({
          minimum: 0,
          description: 'Requests answered 304 Not Modified (free of rate limit).',
        }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const ApproveReport = stageReportSchema('approve', { approval: ApprovalSchema });

export type ApproveReport = Static<typeof ApproveReport>;
export type Approval = Static<typeof ApprovalSchema>;
export type Decision = Static<typeof DecisionSchema>;
export type IgnoredAnswer = Static<typeof IgnoredAnswerSchema>;

import type { CliCommand } from '../../cli/command.js';
import { approveOutcome } from './outcome.js';
import { readApproveOptions } from './options.js';
import { runApprove } from './run.js';

const flag = (description: string) => ({ type: 'string' as const, description });

export const approveCommand: CliCommand = {
  name: 'approve',
  summary: 'open an approval issue and wait until enough approvers answer (fails unless approved)',
  flags: {
    approvers: { ...flag('LIST  users and org/teams who may approve'), multiple: true },
    'min-approvals': flag('N  approvals needed (default 1)'),
    'allow-initiator': { type: 'boolean', description: 'let the person who started the run approve it' },
    environment: flag('NAME  deployment environment (creates a deployment record)'),
    ref: flag('REF  what is deployed (default: GITHUB_SHA)'),
    timeout: flag('DURATION  how long to wait, e.g. 30m, 2h (default 1h)'),
    'poll-interval': flag('DURATION  how often to read the answers (default 30s)'),
    'approve-words': flag('LIST  answers that approve (default approve, approved, lgtm, yes)'),
    'deny-words': flag('LIST  answers that deny (default deny, denied, no)'),
    reports: flag('GLOB  earlier shipkit stage reports to summarise in the request'),
    'notify-url': flag('URL  Slack-compatible incoming webhook'),
  },
  // An arrow, not a method: the action entry passes `approveCommand.run` on its own.
  run: async (inputs, ctx) => {
    const startedAt = new Date();
    const options = readApproveOptions(inputs);
    const result = await runApprove(options, ctx);
    return approveOutcome(result, startedAt, ctx.run);
  },
};

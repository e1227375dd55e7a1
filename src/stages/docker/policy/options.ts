import type { InputReader } from '../../../core/inputs.js';
import type { PolicyOptions } from './check.js';
import { POLICY_LEVELS } from './rules.js';

/**
 * `policy: strict|recommended|off` (default recommended) and `orchestrator-probes: true|false` (default
 * false): whether the platform's probes stand in for a HEALTHCHECK.
 */
export function readPolicyOptions(inputs: InputReader): Pick<PolicyOptions, 'level' | 'orchestratorProbes'> {
  return {
    level: inputs.oneOf('policy', POLICY_LEVELS, 'recommended'),
    orchestratorProbes: inputs.bool('orchestrator-probes', false),
  };
}

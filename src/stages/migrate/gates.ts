import type { Gate } from '../../core/report/types.js';
import type { MigrateResult } from './result.js';

const MAX_DETAIL = 500;

function lockGate(r: MigrateResult): Gate | undefined {
  if (!r.lock) return undefined;
  return {
    name: 'lock',
    passed: r.lock.acquired,
    required: `within ${Math.round(r.options.lockTimeoutMs / 1000)}s`,
    actual: r.lock.acquired ? `${Math.round(r.lock.waitedMs)}ms` : null,
    ...(r.lock.acquired ? {} : { detail: `held by ${r.lock.holder ?? 'an unknown session'}` }),
  };
}

function interruptedGate(r: MigrateResult): Gate | undefined {
  if (r.interrupted.length === 0) return undefined;
  return {
    name: 'interrupted',
    passed: false,
    required: 0,
    actual: r.interrupted.length,
    unit: ' files',
    detail: r.interrupted
      .map((i) => `${i.file || i.version} did not finish in an earlier run`)
      .join('; ')
      .slice(0, MAX_DETAIL),
  };
}

function destructiveGate(r: MigrateResult): Gate | undefined {
  if (r.options.tool !== 'shipkit' || !r.lock?.acquired || r.interrupted.length > 0) return undefined;
  return {
    name: 'destructive',
    passed: r.options.allowDestructive || r.findings.length === 0,
    required: r.options.allowDestructive ? 'allowed' : 0,
    actual: r.findings.length,
    unit: ' statements',
    ...(r.findings.length > 0
      ? {
          detail: r.findings
            .map((f) => `${f.file}:${f.line} ${f.kind}`)
            .join('; ')
            .slice(0, MAX_DETAIL),
        }
      : {}),
  };
}

function applyGate(r: MigrateResult): Gate | undefined {
  if (!r.failure) return undefined;
  return {
    name: 'apply',
    passed: false,
    required: 'all pending applied',
    actual: `failed at ${r.failure.file}${r.failure.line ? `:${r.failure.line}` : ''}`,
    detail: `${r.failure.message}${r.restored ? `; ${r.restored}` : ''}`.slice(0, MAX_DETAIL),
  };
}

function toolGate(r: MigrateResult): Gate | undefined {
  if (!r.tool) return undefined;
  return {
    name: `${r.tool.name} exit code`,
    passed: r.tool.exitCode === 0,
    required: 0,
    actual: r.tool.exitCode,
    ...(r.restored ? { detail: r.restored } : {}),
  };
}

export function gatesOf(r: MigrateResult): Gate[] {
  return [lockGate(r), interruptedGate(r), destructiveGate(r), applyGate(r), toolGate(r)].filter(
    (g): g is Gate => g !== undefined,
  );
}

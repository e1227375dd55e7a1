import * as core from '@actions/core';
import type { InputSource } from '../core/inputs.js';
import type { Logger } from '../core/logger.js';
import type { Redactor } from '../core/redact.js';

/**
 * Action inputs (`INPUT_*`, with the runner's action.yml defaults already applied). A secret is
 * masked in the log by the runner (setSecret) and registered with the redactor for every channel
 * the runner does not see (comment, summary file, report, outputs).
 */
export function actionInputSource(redactor: Redactor): InputSource {
  return {
    get: (name) => {
      const v = core.getInput(name, { trimWhitespace: false });
      return v.trim() === '' ? undefined : v;
    },
    label: (name) => `input '${name}'`,
    mask: (value) => {
      core.setSecret(value);
      redactor.add(value);
    },
  };
}

/** The action's log. The runner masks registered secrets in it; the redactor is applied as well, for values found later. */
export function actionLogger(redactor: Redactor): Logger {
  const r = (m: string): string => redactor.redact(m);
  return {
    debug: (m) => core.debug(r(m)),
    info: (m) => core.info(r(m)),
    warning: (m) => core.warning(r(m)),
    error: (m) => core.error(r(m)),
    // A log has no line to update in place: each report of a wait is a line of its own.
    progress: (m) => core.info(r(m)),
    group: (title, fn) => core.group(r(title), fn),
  };
}

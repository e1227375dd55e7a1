import * as core from '@actions/core';
import type { InputSource } from '../core/inputs.js';
import type { Logger } from '../core/logger.js';

/** Action inputs (`INPUT_*`, with the runner's action.yml defaults already applied). */
export const actionInputSource: InputSource = {
  get: (name) => {
    const v = core.getInput(name, { trimWhitespace: false });
    return v.trim() === '' ? undefined : v;
  },
  label: (name) => `input '${name}'`,
  mask: (value) => core.setSecret(value),
};

export const actionLogger: Logger = {
  debug: (m) => core.debug(m),
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  error: (m) => core.error(m),
  group: (title, fn) => core.group(title, fn),
};

import { runCli } from './run-cli.js';

// No top-level await: ncc bundles TypeScript entries as scripts. runCli never rejects.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

// Fallback for the whole-process rows when dist/cli/index.js cannot run (the CLI is rebuilt by others
// while this bench is in use): the test stage in-process in this child process, with inputs from argv
// as `--name value` pairs, printing its report as `shipkit test --json` does.
import { InputReader, mapSource } from '../../src/core/inputs.js';
import { testStage } from '../../src/stages/test-stage/stage.js';
import { stageContext } from '../../tests/support/stage-context.js';

const args = process.argv.slice(2);
const inputs: Record<string, string> = {};
for (let i = 0; i + 1 < args.length; i += 2) inputs[args[i].replace(/^--/, '')] = args[i + 1];
const ctx = stageContext({ cwd: process.cwd(), env: { PATH: process.env.PATH } });
const outcome = await testStage.run(testStage.readOptions(new InputReader(mapSource(inputs)), ctx), ctx);
process.stdout.write(`${JSON.stringify(outcome.report)}\n`);

import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 950;
export const ids = [950];
export const modules = {

/***/ 92950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  actionArtifactSource: () => (/* binding */ actionArtifactSource),
  uploadStageArtifact: () => (/* binding */ uploadStageArtifact)
});

// EXTERNAL MODULE: ./node_modules/@actions/artifact/lib/artifact.js + 36 modules
var artifact = __webpack_require__(67052);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/runtime/artifact-names.ts
var artifact_names = __webpack_require__(11077);
// EXTERNAL MODULE: ./src/core/report/pretty-json.ts
var pretty_json = __webpack_require__(72503);
;// CONCATENATED MODULE: ./src/core/report/saved-files.ts

/** The name every file of a stage run starts with: `test`, or `test-2_4` for the shard `2/4`. */
function savedBaseName(outcome) {
    const { report } = outcome;
    const shard = report.run.shard ? `-${report.run.shard.replace(/[^\w.-]+/g, '_')}` : '';
    return `${report.stage}${shard}`;
}
/**
 * What a stage run saves for the root report action, as files of one folder: the report
 * (`<base>.json`), its annotations (`<base>.annotations.json`: the report action's check run carries
 * them all, beyond the 10 a step shows) and the stage's own files (`<base>.coverage.lcov`…). An
 * action uploads them as an artifact; the CLI writes them into `--report-dir`.
 */
function savedFiles(outcome, redact) {
    const base = savedBaseName(outcome);
    return [
        // Pieces, not one string (see prettyJsonPieces); fs's writeFile takes either.
        { name: `${base}.json`, data: (0,pretty_json/* reportFilePieces */.y)(outcome.report) },
        { name: `${base}.annotations.json`, data: [`${JSON.stringify(outcome.annotations)}\n`] },
        // The stage's own files are made here, on demand, and were never redacted with the outcome.
        ...(outcome.artifacts ?? []).map((f) => ({ name: `${base}.${f.name}`, data: [redact(f.data())] })),
    ];
}

;// CONCATENATED MODULE: ./src/runtime/artifacts.ts







/**
 * A re-run job uploads the same name again: the service refuses, so the old one goes first. Matrix
 * legs of one job share the name too unless each sets SHIPKIT_SHARD: in a first attempt a taken name
 * can only be that, and the warning says so, since one leg's report then replaces another's.
 */
const isConflict = (error) => /conflict|409|already exists/i.test((0,errors/* errorMessage */.gJ)(error));
/** Uploads the stage's saved files; a failure warns (the report action then misses this run and says so). */
async function uploadStageArtifact(outcome, env, logger, redact) {
    const name = (0,artifact_names/* artifactName */.C)(outcome, env);
    let dir;
    try {
        const parent = env.RUNNER_TEMP ?? external_node_os_default().tmpdir();
        await (0,promises_.mkdir)(parent, { recursive: true });
        dir = await (0,promises_.mkdtemp)(external_node_path_default().join(parent, 'shipkit-artifact-'));
        const files = [];
        for (const f of savedFiles(outcome, redact)) {
            const file = external_node_path_default().join(dir, f.name);
            await (0,promises_.writeFile)(file, f.data);
            files.push(file);
        }
        const client = new artifact/* DefaultArtifactClient */.t9();
        try {
            await client.uploadArtifact(name, files, dir, { retentionDays: 7 });
        }
        catch (error) {
            if (!isConflict(error))
                throw error;
            // A re-run (attempt 2 on) replaces its own earlier upload; in a first attempt the name was taken by another leg.
            if (Number(env.GITHUB_RUN_ATTEMPT ?? '1') <= 1)
                logger.warning(`The artifact ${name} already exists: replaced. That is right when this job is re-run; if it runs as a matrix, set SHIPKIT_SHARD to each leg's name (for example \${{ matrix.target }}) so each leg keeps its own report.`);
            await client.deleteArtifact(name);
            await client.uploadArtifact(name, files, dir, { retentionDays: 7 });
        }
        logger.info(`Saved the ${outcome.report.stage} report for the report action as artifact ${name}`);
    }
    catch (error) {
        logger.warning(`Could not upload the artifact ${name} for the report action: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    finally {
        if (dir)
            await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
/** This run's artifacts through the Actions artifact service (the newest of each name). */
function actionArtifactSource(logger) {
    return {
        async download(prefix, dir) {
            const client = new artifact/* DefaultArtifactClient */.t9();
            const { artifacts } = await client.listArtifacts({ latest: true });
            const mine = artifacts.filter((a) => a.name.startsWith(prefix)).sort((a, b) => a.name.localeCompare(b.name));
            const out = [];
            for (const a of mine) {
                const target = external_node_path_default().join(dir, a.name);
                await (0,promises_.mkdir)(target, { recursive: true });
                await client.downloadArtifact(a.id, { path: target });
                logger.debug(`artifact ${a.name} (${a.size} bytes) → ${target}`);
                out.push({ name: a.name, dir: target });
            }
            return out;
        },
    };
}


/***/ })

};

import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 931;
export const ids = [931];
export const modules = {

/***/ 21631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ gateValue)
/* harmony export */ });
/**
 * A gate's required or actual value with its unit, as text (`80%`, `120 ms`): `count` and `rate`
 * say what the number is, not a unit to print after it (`1`, not `1count`).
 */
function gateValue(value, unit) {
    if (value === null || value === undefined)
        return 'n/a';
    return `${String(value)}${unit === undefined || unit === 'count' || unit === 'rate' ? '' : unit}`;
}


/***/ }),

/***/ 42931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDocker: () => (/* binding */ runDocker)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/directory.ts
var directory = __webpack_require__(57644);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/user-command-env.ts
var user_command_env = __webpack_require__(2742);
;// CONCATENATED MODULE: ./src/stages/docker/engine/build-command.ts

/** The variable a secret's value is passed in: the builder reads it (`--secret id=…,env=…`); nothing prints it. */
const secretEnvName = (index) => `SHIPKIT_BUILD_SECRET_${index}`;
/** What the classic builder (`DOCKER_BUILDKIT=0 docker build`) cannot do, as the inputs that ask for it. */
function unsupported(engine, spec, o) {
    const out = [];
    if (engine.kind === 'buildx')
        return out;
    if (engine.kind === 'docker' && o.secrets.length > 0)
        out.push('secrets (build secrets need BuildKit)');
    if (spec.platforms.length > 1)
        out.push('platforms (several platforms need docker buildx)');
    if (engine.kind === 'docker' && o.cacheTo.length > 0)
        out.push('cache-to (exporting a cache needs BuildKit)');
    if (o.sbom)
        out.push('sbom (SBOM attestations need docker buildx)');
    if (o.provenance !== undefined && o.provenance !== 'false')
        out.push('provenance (provenance attestations need docker buildx)');
    if (o.cacheFrom.some((c) => /(^|,)type=/.test(c) && !/(^|,)type=registry(,|$)/.test(c)))
        out.push('cache-from (only images or type=registry without BuildKit)');
    return out;
}
/** `type=registry,ref=repo:tag` → `repo:tag`: the classic builder and Podman take image references. */
const cacheRef = (c) => /(?:^|,)ref=([^,]+)/.exec(c)?.[1] ?? c;
/**
 * The build command line. Tags and labels come from the metadata; every path is absolute. Secrets are
 * named by id and read by the builder from its environment (`--secret id=ID,env=VAR`), so their values
 * never appear in an argument list that `ps` or a log could show.
 */
function buildCommand(engine, spec, settings, image, paths, files, purpose, 
/** Export `cache-to` in this build: the last build of the run does (the push build when there is one). */
exportCache = true) {
    const problems = unsupported(engine, spec, settings);
    if (problems.length > 0) {
        throw new errors/* UserError */.yo(`the ${engine.kind === 'docker' ? 'classic docker builder' : 'podman builder'} cannot do what ${problems.join(', ')} ask for: install docker buildx (docker/setup-buildx-action) or leave those inputs empty`, { input: problems[0].split(' ')[0] });
    }
    const args = engine.kind === 'buildx' ? ['buildx', 'build'] : ['build'];
    const env = {};
    args.push('--file', paths.file);
    if (spec.target)
        args.push('--target', spec.target);
    for (const tag of image.tags)
        args.push('--tag', tag);
    for (const [key, value] of Object.entries(image.labels))
        args.push('--label', `${key}=${value}`);
    for (const [key, value] of Object.entries(spec.buildArgs))
        args.push('--build-arg', `${key}=${value}`);
    settings.secrets.forEach((secret, i) => {
        args.push('--secret', `id=${secret.id},env=${secretEnvName(i)}`);
        env[secretEnvName(i)] = secret.value;
    });
    if (spec.platforms.length > 0)
        args.push('--platform', spec.platforms.join(','));
    if (engine.kind === 'buildx') {
        for (const c of settings.cacheFrom)
            args.push('--cache-from', c);
        // The cache is exported once, by the run's last build.
        if (exportCache)
            for (const c of settings.cacheTo)
                args.push('--cache-to', c);
        args.push('--metadata-file', files.metadataFile, '--iidfile', files.iidFile, '--progress', 'plain');
        if (purpose === 'push') {
            if (settings.sbom)
                args.push('--sbom', 'true');
            if (settings.provenance !== undefined)
                args.push('--provenance', settings.provenance);
            args.push('--push');
        }
        else {
            // Attestations belong to the pushed image; the image that is scanned carries none.
            args.push('--provenance', 'false');
            if (spec.platforms.length > 1)
                args.push('--output', `type=oci,dest=${files.ociLayout},tar=false`);
            else
                args.push('--load');
        }
    }
    else {
        for (const c of settings.cacheFrom)
            args.push('--cache-from', cacheRef(c));
        if (engine.kind === 'podman')
            for (const c of settings.cacheTo)
                args.push('--cache-to', cacheRef(c));
        args.push('--iidfile', files.iidFile);
        // Podman writes OCI images unless told: that format has no HEALTHCHECK, which the policy asks for.
        if (engine.kind === 'podman')
            args.push('--format', 'docker', '--layers');
    }
    args.push(paths.context);
    return { program: engine.program, args, env };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(72020);
;// CONCATENATED MODULE: ./src/stages/docker/engine/command.ts


const TAIL = 8_192;
const MAX_STDOUT = 1 << 20;
/**
 * Runs `file` with `args` (never through a shell: no argument is ever parsed again) and collects what it
 * printed. Output is kept bounded: a chatty build cannot fill memory. Aborting `signal` ends the process.
 */
function runCommand(file, args, options) {
    const maxStdout = options.maxStdout ?? MAX_STDOUT;
    return new Promise((resolve) => {
        let stdout = '';
        let tail = '';
        let pending = '';
        const line = (text) => {
            if (!options.onLine)
                return;
            pending += text;
            let nl;
            while ((nl = pending.search(/\r?\n|\r/)) >= 0) {
                options.onLine(pending.slice(0, nl));
                pending = pending.slice(nl + (pending.startsWith('\r\n', nl) ? 2 : 1));
            }
        };
        const child = (0,external_node_child_process_.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env,
            signal: options.signal,
            stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        });
        child.stdout?.on('data', (chunk) => {
            const text = chunk.toString();
            stdout = stdout.length + text.length <= maxStdout ? stdout + text : (stdout + text).slice(-maxStdout);
            tail = (tail + text).slice(-TAIL);
            line(text);
        });
        child.stderr?.on('data', (chunk) => {
            const text = chunk.toString();
            tail = (tail + text).slice(-TAIL);
            line(text);
        });
        if (options.stdin !== undefined && child.stdin) {
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.stdin);
        }
        let settled = false;
        const finish = (code, spawnError) => {
            if (settled)
                return;
            settled = true;
            if (pending !== '')
                options.onLine?.(pending);
            resolve({ code, stdout, tail, ...(spawnError ? { spawnError } : {}) });
        };
        // A program that cannot start emits 'error' and may never emit 'close'.
        child.on('error', (error) => {
            if (child.pid === undefined)
                finish(null, error);
        });
        child.on('close', (code) => finish(code));
    });
}
/** The last meaningful line of a failed command, for a one-line message (progress bars and blanks skipped). */
function lastWords(result) {
    const lines = result.tail
        .split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^-+>?$/.test(l));
    const error = [...lines].reverse().find((l) => /error|denied|unauthorized|refused|failed|not found|no such/i.test(l));
    return (0,core_text/* cut */.Jj)(error ?? lines.at(-1) ?? (result.spawnError?.message || `exit code ${result.code}`), 500);
}
/** A logger callback that folds a command's output into the log at debug or info level. */
const logLines = (logger, level = 'info') => (line) => {
    if (line.trim() !== '')
        logger[level](line);
};

;// CONCATENATED MODULE: ./src/stages/docker/engine/build.ts


async function readOptional(file) {
    try {
        return (await (0,promises_.readFile)(file, 'utf8')).trim();
    }
    catch {
        return undefined;
    }
}
/**
 * Runs one build command, its output folded into the log line by line. A failing build is a result, not
 * an exception: the Dockerfile's RUN failing is the user's code failing, reported as the build gate.
 */
async function runBuild(command, files, ctx) {
    const started = Date.now();
    const result = await runCommand(command.program, command.args, {
        cwd: ctx.cwd,
        env: { ...ctx.env, ...command.env },
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onLine: logLines(ctx.logger),
    });
    const durationMs = Date.now() - started;
    if (result.code !== 0)
        return { ok: false, error: lastWords(result), tail: result.tail, durationMs };
    const imageId = await readOptional(files.iidFile);
    const metadataText = await readOptional(files.metadataFile);
    let metadata;
    if (metadataText) {
        try {
            metadata = JSON.parse(metadataText);
        }
        catch {
            metadata = undefined;
        }
    }
    return {
        ok: true,
        ...(imageId ? { imageId } : {}),
        ...(metadata ? { metadata } : {}),
        tail: result.tail,
        durationMs,
    };
}
/** buildx's `containerimage.digest`: the manifest (or index) digest of what it exported or pushed. */
function metadataDigest(metadata) {
    const d = metadata?.['containerimage.digest'];
    return typeof d === 'string' && /^sha256:[a-f0-9]{64}$/.test(d) ? d : undefined;
}

// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/stages/docker/registry/reference.ts
const DOCKER_HUB = 'docker.io';
/** Docker Hub's API answers at another host than its name. */
function apiHost(registry) {
    return registry === DOCKER_HUB || registry === 'index.docker.io' ? 'registry-1.docker.io' : registry;
}
/**
 * `node:20` → docker.io/library/node:20; `ghcr.io/acme/api:1.2@sha256:…` → ghcr.io, acme/api, 1.2, sha256:….
 * The first path part is a registry when it has a `.` or a `:` or is `localhost`, as Docker decides.
 */
function parseReference(ref) {
    let rest = ref.trim();
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    let registry = hasRegistry ? first : DOCKER_HUB;
    let repository = hasRegistry ? rest.slice(slash + 1) : rest;
    if (registry === 'index.docker.io')
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    return { registry, repository, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}
/** `registry/repository` as it is pushed (Docker Hub's short form kept as the user wrote it is not needed here). */
const repositoryRef = (r) => `${r.registry}/${r.repository}`;
/**
 * Registries Docker reaches over plain HTTP when HTTPS fails: loopback ones (dockerd treats 127.0.0.0/8 as
 * insecure by default) and the ones the user lists in `insecure-registries`.
 */
function mayUseHttp(registry, insecure) {
    const host = registry.replace(/:\d+$/, '');
    return insecure.includes(registry) || host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

;// CONCATENATED MODULE: ./src/stages/docker/engine/images.ts





const opts = (ctx) => ({ cwd: ctx.cwd, env: ctx.env, ...(ctx.signal ? { signal: ctx.signal } : {}) });
/** Podman verifies TLS unless told; Docker reaches loopback registries over HTTP on its own. Same reach for both. */
const tlsArgs = (engine, ref, ctx) => engine.program === 'podman' && mayUseHttp(parseReference(ref).registry, ctx.insecureRegistries)
    ? ['--tls-verify=false']
    : [];
/**
 * Writes the image to a `docker save` archive, the input Trivy's `image --input` reads without a daemon.
 * Throws with the engine's last words when it fails (the image was just built: that is not the user's doing).
 */
async function saveImage(engine, image, file, ctx) {
    const args = engine.program === 'podman'
        ? ['save', '--format', 'docker-archive', '-o', file, image]
        : ['save', '-o', file, image];
    const r = await runCommand(engine.program, args, opts(ctx));
    if (r.code !== 0)
        throw new Error(`${engine.program} save ${image} failed: ${lastWords(r)}`);
}
/** The local manifest digest an engine knows for `image` (Podman records one before any push), else undefined. */
async function localRepoDigest(engine, image, ctx) {
    const r = await runCommand(engine.program, ['image', 'inspect', '--format', '{{json .RepoDigests}}', image], opts(ctx));
    if (r.code !== 0)
        return undefined;
    try {
        const digests = JSON.parse(r.stdout);
        return digests?.map((d) => /@(sha256:[a-f0-9]{64})$/.exec(d)?.[1]).find(Boolean);
    }
    catch {
        return undefined;
    }
}
/** A refusal another attempt cannot fix: the registry said no to these credentials or this name. */
const PERMANENT = /denied|unauthorized|authentication required|forbidden|name unknown|invalid reference|not found: manifest|no such image/i;
/**
 * Pushes one tag, retrying network and server failures with a growing pause (2 s, 4 s, 8 s… at most 30 s)
 * up to `retries` more times; a refusal (denied, unauthorized) is not retried.
 */
async function pushTag(engine, tag, retries, ctx) {
    const digestFile = external_node_path_default().join(ctx.tempDir, `digest-${Buffer.from(tag).toString('hex').slice(0, 64)}`);
    const args = engine.program === 'podman'
        ? ['push', ...tlsArgs(engine, tag, ctx), '--digestfile', digestFile, tag]
        : ['push', tag];
    let error = '';
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
        const r = await runCommand(engine.program, args, { ...opts(ctx), onLine: logLines(ctx.logger, 'debug') });
        if (r.code === 0) {
            const printed = /digest: (sha256:[a-f0-9]{64})/.exec(r.tail)?.[1];
            const written = engine.program === 'podman' ? await (0,promises_.readFile)(digestFile, 'utf8').catch(() => '') : '';
            const digest = /^sha256:[a-f0-9]{64}$/.test(written.trim()) ? written.trim() : printed;
            return { tag, ok: true, attempts: attempt, ...(digest ? { digest } : {}) };
        }
        error = lastWords(r);
        if (ctx.signal?.aborted || PERMANENT.test(error) || attempt > retries)
            return { tag, ok: false, attempts: attempt, error };
        const pause = Math.min(30_000, 2000 * 2 ** (attempt - 1));
        ctx.logger.progress(`push ${tag}: attempt ${attempt} failed (${error}); trying again in ${pause / 1000} s`);
        await (0,external_node_timers_promises_.setTimeout)(pause, undefined, ctx.signal ? { signal: ctx.signal } : {}).catch(() => undefined);
    }
    return { tag, ok: false, attempts: retries + 1, error };
}
/** Removes images this run tagged, when the user did not ask to keep them (`load: false`). Failures are only logged. */
async function removeImages(engine, refs, ctx) {
    if (refs.length === 0)
        return;
    const r = await runCommand(engine.program, ['image', 'rm', ...refs], opts(ctx));
    if (r.code !== 0)
        ctx.logger.debug(`${engine.program} image rm: ${lastWords(r)}`);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path/posix"
var posix_ = __webpack_require__(53916);
var posix_default = /*#__PURE__*/__webpack_require__.n(posix_);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
;// CONCATENATED MODULE: ./src/stages/docker/image-archive.ts






/** Small files are kept to be read as JSON (manifests, configs, indexes); layers are only measured. */
const KEEP_BYTES = 4 << 20;
const KEEP_TOTAL = 64 << 20;
async function readEntries(file) {
    const entries = new Map();
    let kept = 0;
    const extract = tar_stream.extract();
    extract.on('entry', (header, stream, next) => {
        const name = posix_default().normalize(header.name).replace(/^\.\/|^\//, '');
        const entry = { size: header.size ?? 0 };
        if (header.type === 'symlink' || header.type === 'link')
            entry.link = header.linkname ?? undefined;
        const keep = header.type === 'file' && entry.size <= KEEP_BYTES && kept + entry.size <= KEEP_TOTAL;
        const chunks = [];
        stream.on('data', (chunk) => {
            if (keep)
                chunks.push(chunk);
        });
        stream.on('end', () => {
            if (keep) {
                entry.data = Buffer.concat(chunks);
                kept += entry.size;
            }
            entries.set(name, entry);
            next();
        });
        stream.resume();
    });
    await (0,external_node_stream_promises_.pipeline)((0,external_node_fs_.createReadStream)(file), extract);
    return entries;
}
function resolve(entries, name, depth = 0) {
    const entry = entries.get(posix_default().normalize(name));
    if (!entry?.link || depth > 8)
        return entry;
    const target = entry.link.startsWith('/') ? entry.link.slice(1) : posix_default().join(posix_default().dirname(name), entry.link);
    return resolve(entries, target, depth + 1);
}
function json(entries, name) {
    const data = resolve(entries, name)?.data;
    if (!data)
        throw new Error(`the image archive has no readable ${name}`);
    return JSON.parse(data.toString('utf8'));
}
const platformOf = (c) => [c.os ?? 'unknown', c.architecture ?? 'unknown', ...(c.variant ? [c.variant] : [])].join('/');
const blobPath = (digest) => `blobs/${digest.replace(':', '/')}`;
/** Every platform image an index names, once each: buildx lists the same index again under each tag. */
function ociImages(entries, descriptors, depth = 0, seen = new Set()) {
    const out = [];
    for (const d of descriptors) {
        if (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || seen.has(d.digest))
            continue;
        seen.add(d.digest);
        const doc = json(entries, blobPath(d.digest));
        if (Array.isArray(doc.manifests)) {
            if (depth < 4)
                out.push(...ociImages(entries, doc.manifests, depth + 1, seen));
            continue;
        }
        if (!doc.config)
            continue;
        const config = json(entries, blobPath(doc.config.digest));
        out.push({
            platform: platformOf(config),
            configDigest: doc.config.digest,
            diffIds: config.rootfs?.diff_ids ?? [],
            size: null,
            compressedSize: doc.config.size + (doc.layers ?? []).reduce((s, l) => s + l.size, 0),
            manifestDigest: d.digest,
        });
    }
    return out;
}
/** An OCI image layout directory (buildx `--output type=oci,tar=false`): index.json and blobs/ read from disk. */
async function readLayoutEntries(dir) {
    const entries = new Map();
    entries.set('index.json', { size: 0, data: await (0,promises_.readFile)(external_node_path_default().join(dir, 'index.json')) });
    const blobs = external_node_path_default().join(dir, 'blobs', 'sha256');
    for (const name of await (0,promises_.readdir)(blobs)) {
        const file = external_node_path_default().join(blobs, name);
        const size = (await (0,promises_.stat)(file)).size;
        entries.set(`blobs/sha256/${name}`, { size, ...(size <= KEEP_BYTES ? { data: await (0,promises_.readFile)(file) } : {}) });
    }
    return entries;
}
/**
 * One OCI layout per platform image, sharing the blobs of `dir`: Trivy's `--input` scans the one image an
 * index names, so each platform of a multi-platform build is scanned on its own.
 */
async function platformLayouts(dir, images) {
    const out = [];
    for (const [i, image] of images.entries()) {
        if (!image.manifestDigest)
            continue;
        const layout = `${dir}.platform-${i}`;
        await (0,promises_.mkdir)(layout, { recursive: true });
        await (0,promises_.symlink)(external_node_path_default().join(dir, 'blobs'), external_node_path_default().join(layout, 'blobs'));
        await (0,promises_.writeFile)(external_node_path_default().join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
        const size = (await (0,promises_.stat)(external_node_path_default().join(dir, blobPath(image.manifestDigest)))).size;
        await (0,promises_.writeFile)(external_node_path_default().join(layout, 'index.json'), JSON.stringify({
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: image.manifestDigest, size }],
        }));
        out.push({ platform: image.platform, path: layout });
    }
    return out;
}
/**
 * What an image archive holds, per platform: a `docker save` archive (manifest.json naming each image's
 * config and layer files), an OCI image layout in a tar, or an OCI layout directory (index.json, blobs/).
 * A tar is read in one pass; only the small JSON documents are kept in memory.
 */
async function readImageArchive(file) {
    const entries = (await (0,promises_.stat)(file)).isDirectory() ? await readLayoutEntries(file) : await readEntries(file);
    if (entries.has('manifest.json')) {
        const manifest = json(entries, 'manifest.json');
        return {
            format: 'docker',
            images: manifest.map((m) => {
                const config = json(entries, m.Config);
                const digest = /([a-f0-9]{64})/.exec(m.Config)?.[1];
                return {
                    platform: platformOf(config),
                    configDigest: digest ? `sha256:${digest}` : m.Config,
                    diffIds: config.rootfs?.diff_ids ?? [],
                    size: (m.Layers ?? []).reduce((s, l) => s + (resolve(entries, l)?.size ?? 0), 0),
                    compressedSize: null,
                };
            }),
        };
    }
    if (entries.has('index.json')) {
        const index = json(entries, 'index.json');
        return { format: 'oci', images: ociImages(entries, index.manifests ?? []) };
    }
    throw new Error(`${file} is neither a docker save archive (manifest.json) nor an OCI layout (index.json)`);
}

;// CONCATENATED MODULE: ./src/stages/docker/build-step.ts





function buildFiles(tempDir, index) {
    return {
        iidFile: external_node_path_default().join(tempDir, `build-${index}.iid`),
        metadataFile: external_node_path_default().join(tempDir, `build-${index}.metadata.json`),
        ociLayout: external_node_path_default().join(tempDir, `build-${index}.oci`),
    };
}
/**
 * Builds one image where it can be scanned and saves it to an archive: `--load` into the engine and
 * `docker save` (or `podman save`) for one platform; buildx's OCI archive for several. The archive is
 * read for each platform's config and layers, so the push can be checked against exactly what was scanned.
 */
async function buildForScan(engine, spec, meta, options, index, ctx, engineCtx, exportCache) {
    const files = buildFiles(engineCtx.tempDir, index);
    const command = buildCommand(engine, spec, options, { tags: meta.tags, labels: meta.labels }, { context: external_node_path_default().resolve(ctx.cwd, spec.context), file: external_node_path_default().resolve(ctx.cwd, spec.file) }, files, 'scan', exportCache);
    ctx.logger.debug(`${command.program} ${command.args.join(' ')}`);
    const run = await ctx.logger.group(`Build ${spec.name} (${engine.kind})`, () => runBuild(command, files, engineCtx));
    const built = { spec, meta, run, platforms: [], scanTargets: [], files };
    if (!run.ok)
        return built;
    const oci = engine.kind === 'buildx' && spec.platforms.length > 1;
    let archive = files.ociLayout;
    if (!oci) {
        archive = external_node_path_default().join(engineCtx.tempDir, `build-${index}.docker.tar`);
        await saveImage(engine, run.imageId ?? meta.tags[0] ?? '', archive, engineCtx);
    }
    built.archive = archive;
    built.platforms = (await readImageArchive(archive)).images;
    built.scanTargets = oci ? await platformLayouts(archive, built.platforms) : [{ path: archive }];
    const fromBuilder = metadataDigest(run.metadata);
    const local = !fromBuilder && meta.tags[0] ? await localRepoDigest(engine, meta.tags[0], engineCtx) : undefined;
    if (fromBuilder)
        built.localDigest = { digest: fromBuilder, source: 'builder' };
    else if (local)
        built.localDigest = { digest: local, source: 'local' };
    else if (run.imageId)
        built.localDigest = { digest: run.imageId, source: 'image-id' };
    return built;
}

;// CONCATENATED MODULE: ./src/stages/docker/engine/detect.ts


const run = (ctx, file, args) => runCommand(file, args, { cwd: ctx.cwd, env: ctx.env, ...(ctx.signal ? { signal: ctx.signal } : {}) });
const why = (r) => (r.spawnError?.code === 'ENOENT' ? 'not installed' : lastWords(r));
/**
 * buildx counts when its builder answers: `docker buildx inspect --bootstrap` starts it if it must (the
 * docker-container driver pulls moby/buildkit then) and fails when it cannot, e.g. on a Podman socket,
 * which serves no BuildKit.
 */
const probeBuildx = async (ctx) => {
    const version = await run(ctx, 'docker', ['buildx', 'version']);
    if (version.code !== 0)
        return `docker buildx: ${why(version)}`;
    const inspect = await run(ctx, 'docker', ['buildx', 'inspect', '--bootstrap']);
    if (inspect.code !== 0)
        return `docker buildx: its builder does not start (${lastWords(inspect)})`;
    const driver = /^Driver:\s*(\S+)/m.exec(inspect.stdout)?.[1];
    return {
        kind: 'buildx',
        program: 'docker',
        version: /\s(v?\d+\.\d+\.\d+\S*)/.exec(version.stdout)?.[1] ?? version.stdout.trim(),
        ...(driver ? { driver } : {}),
    };
};
const probeDocker = async (ctx) => {
    const r = await run(ctx, 'docker', ['version', '--format', '{{.Server.Version}}']);
    if (r.code !== 0)
        return `docker: ${r.spawnError?.code === 'ENOENT' ? 'not installed' : `no daemon answers (${lastWords(r)})`}`;
    return { kind: 'docker', program: 'docker', version: r.stdout.trim() };
};
const probePodman = async (ctx) => {
    const r = await run(ctx, 'podman', ['version', '--format', '{{.Client.Version}}']);
    if (r.code !== 0)
        return `podman: ${why(r)}`;
    return { kind: 'podman', program: 'podman', version: r.stdout.trim() };
};
const PROBES = { buildx: probeBuildx, docker: probeDocker, podman: probePodman };
/**
 * The builder to use: the one asked for, or (auto) `docker buildx` when its builder runs, else the Docker
 * daemon's classic builder, else `podman build`. Each one passed over is logged with the reason, so a
 * build that lands on the fallback says why.
 */
async function detectEngine(choice, ctx) {
    const order = choice === 'auto' ? ['buildx', 'docker', 'podman'] : [choice];
    const reasons = [];
    for (const kind of order) {
        const found = await PROBES[kind](ctx);
        if (typeof found !== 'string') {
            if (reasons.length > 0)
                ctx.logger.info(`Not using ${reasons.join('; ')}`);
            return found;
        }
        reasons.push(found);
    }
    throw new errors/* ServiceError */._7(`no image builder is available: ${reasons.join('; ')}`, choice === 'auto'
        ? 'Install Docker (with buildx) or Podman, or point DOCKER_HOST at a running daemon'
        : `Install ${choice === 'podman' ? 'Podman' : choice === 'buildx' ? 'docker buildx (docker/setup-buildx-action)' : 'Docker'} or choose another builder`, 'builder');
}

;// CONCATENATED MODULE: ./src/stages/docker/registry/credentials.ts





/** The Docker CLI's config directory: DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || external_node_path_default().join(env.HOME || external_node_os_default().homedir(), '.docker');
}
/** The keys a registry's entry may have in `auths`: Docker Hub's historic URL, with or without a scheme. */
function keysFor(registry) {
    if (registry === 'docker.io')
        return ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io'];
    return [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/`, `http://${registry}/`];
}
/**
 * The credentials the Docker CLI would use for `registry`, read from its config: an `auths` entry
 * (`auth` is base64 `user:password`), or a credential helper (`credHelpers`, `credsStore`) asked the way
 * the CLI asks it (`docker-credential-<name> get`, the server on standard input). Undefined when none.
 */
async function dockerConfigCredentials(registry, env) {
    let config;
    try {
        config = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(dockerConfigDir(env), 'config.json'), 'utf8'));
    }
    catch {
        return undefined;
    }
    const keys = keysFor(registry);
    const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean) ?? config.credsStore;
    if (helper) {
        const fromHelper = await askHelper(helper, keys[0] ?? registry, env);
        if (fromHelper)
            return fromHelper;
    }
    for (const key of keys) {
        const entry = config.auths?.[key];
        if (!entry)
            continue;
        if (entry.auth) {
            const text = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = text.indexOf(':');
            if (colon > 0)
                return { username: text.slice(0, colon), password: text.slice(colon + 1) };
        }
        if (entry.username && entry.password)
            return { username: entry.username, password: entry.password };
    }
    return undefined;
}
async function askHelper(name, server, env) {
    const result = await runCommand(`docker-credential-${name}`, ['get'], { cwd: external_node_os_default().tmpdir(), env, stdin: server });
    if (result.code !== 0)
        return undefined;
    try {
        const parsed = JSON.parse(result.stdout);
        return parsed.Username && parsed.Secret ? { username: parsed.Username, password: parsed.Secret } : undefined;
    }
    catch {
        return undefined;
    }
}
/** The same registry under the names users write it (`docker.io` and its API host are one). */
const sameRegistry = (a, b) => apiHost(a) === apiHost(b);

;// CONCATENATED MODULE: ./src/stages/docker/engine/login.ts








/** Where the CLI keeps more than credentials: plugins (buildx), builder instances, contexts. They stay reachable. */
const SHARED_DIRS = ['cli-plugins', 'buildx', 'contexts'];
/**
 * A Docker config directory for this run only, seeded from the user's (so buildx and its builder instance,
 * contexts and other registries' logins keep working) but without a credential store: the password goes
 * into this directory's config.json and is deleted with it, never into the user's keychain or config.
 */
async function temporaryDockerConfig(env, server) {
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'shipkit-docker-config-'));
    await (0,promises_.chmod)(dir, 0o700);
    const source = dockerConfigDir(env);
    let config = {};
    try {
        config = JSON.parse(await (0,promises_.readFile)(external_node_path_default().join(source, 'config.json'), 'utf8'));
    }
    catch {
        config = {};
    }
    delete config.credsStore;
    const helpers = config.credHelpers;
    if (helpers)
        delete helpers[server];
    await (0,promises_.writeFile)(external_node_path_default().join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
    for (const name of SHARED_DIRS) {
        const from = external_node_path_default().join(source, name);
        if ((0,external_node_fs_.existsSync)(from))
            await (0,promises_.symlink)(from, external_node_path_default().join(dir, name));
    }
    return dir;
}
/**
 * `docker login` / `podman login` with `--password-stdin`: the password is written to the login's standard
 * input, never put on its command line. A refused login is a ServiceError naming the input to check.
 */
async function registryLogin(engine, login, ctx) {
    let env;
    let dir;
    let args;
    if (engine.program === 'podman') {
        dir = await (0,promises_.mkdtemp)(external_node_path_default().join(ctx.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'shipkit-podman-auth-'));
        await (0,promises_.chmod)(dir, 0o700);
        const authFile = external_node_path_default().join(dir, 'auth.json');
        env = { REGISTRY_AUTH_FILE: authFile };
        const tls = mayUseHttp(login.server, ctx.insecureRegistries) ? ['--tls-verify=false'] : [];
        args = ['login', ...tls, '--authfile', authFile, '--username', login.username, '--password-stdin', login.server];
    }
    else {
        dir = await temporaryDockerConfig(ctx.env, login.server);
        env = { DOCKER_CONFIG: dir };
        args = ['login', '--username', login.username, '--password-stdin', login.server];
    }
    const dispose = () => (0,promises_.rm)(dir, { recursive: true, force: true });
    const r = await runCommand(engine.program, args, {
        cwd: ctx.cwd,
        env: { ...ctx.env, ...env },
        stdin: login.password,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (r.code !== 0) {
        await dispose();
        throw new errors/* ServiceError */._7(`${engine.program} login to ${login.server} as ${login.username} failed: ${lastWords(r)}`, login.server === 'ghcr.io'
            ? 'Check the token: a workflow pushing to GHCR needs permissions: packages: write'
            : 'Check the registry address, the username and the password or token', 'password');
    }
    return { env, dispose };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./src/core/github/context-from-env.ts
var context_from_env = __webpack_require__(74239);
;// CONCATENATED MODULE: ./src/stages/docker/git-context.ts







const git_context_run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
/** In an action (GITHUB_ACTIONS=true) the workflow's context, in a terminal the local repository's. */
async function readGitContext(env, cwd) {
    return env.GITHUB_ACTIONS === 'true' ? workflowGitContext(env, cwd) : localGitContext(cwd, env);
}
const str = (v) => (typeof v === 'string' ? v : '');
const obj = (v) => typeof v === 'object' && v !== null ? v : {};
/**
 * From GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA and the event payload, with metadata-action's two
 * adjustments: `pull_request_target` runs on the base branch, so its ref becomes the PR's merge ref; and
 * DOCKER_METADATA_PR_HEAD_SHA=true takes the PR head's sha instead of the merge commit's.
 */
async function workflowGitContext(env, cwd) {
    const payload = (0,context_from_env/* readEventPayload */.N5)(env);
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    let ref = env.GITHUB_REF ?? '';
    let sha = env.GITHUB_SHA ?? '';
    if (eventName === 'pull_request_target' && typeof payload.number === 'number') {
        ref = `refs/pull/${payload.number}/merge`;
    }
    const headSha = str(obj(obj(payload.pull_request).head).sha);
    if (/true/i.test(env.DOCKER_METADATA_PR_HEAD_SHA ?? '') && eventName.startsWith('pull_request') && headSha) {
        sha = headSha;
    }
    const commitDate = commitDateFromPayload(payload, sha) ?? (cwd ? await gitCommitDate(cwd, sha, env) : undefined);
    return {
        source: 'workflow',
        eventName,
        ref,
        sha,
        commitDate,
        payload,
        repository: repositoryFromPayload(payload, env),
    };
}
/** A push payload lists its commits with timestamps; a tag push has `head_commit`. */
function commitDateFromPayload(payload, sha) {
    const commits = Array.isArray(payload.commits) ? payload.commits.map(obj) : [];
    const candidates = [...commits, obj(payload.head_commit)];
    const hit = candidates.find((c) => str(c.id) === sha && str(c.timestamp) !== '');
    if (!hit)
        return undefined;
    const date = new Date(str(hit.timestamp));
    return isNaN(date.getTime()) ? undefined : date;
}
function repositoryFromPayload(payload, env) {
    const repo = obj(payload.repository);
    const full = env.GITHUB_REPOSITORY ?? '';
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    return {
        name: str(repo.name) || full.split('/')[1] || '',
        description: str(repo.description),
        htmlUrl: str(repo.html_url) || (full.includes('/') ? `${server}/${full}` : ''),
        license: str(obj(repo.license).spdx_id),
        defaultBranch: str(repo.default_branch),
    };
}
/**
 * From the repository in `cwd` with the git CLI: the branch HEAD is on, or — when a version tag (semver or
 * PEP 440) points at HEAD — that tag, treated as a tag push; the sha and commit date of HEAD; the name and
 * web address from `origin`, and the default branch from `origin/HEAD` when the clone recorded it.
 */
async function localGitContext(cwd, env = process.env) {
    const sha = await git(cwd, env, ['rev-parse', '--verify', 'HEAD']).catch((error) => {
        throw new errors/* UserError */.yo(`cannot read the git repository in ${cwd} (the tags come from its branch, tag and commit): ${firstLine(error)}`, { file: cwd });
    });
    const [tags, branch, date, remote, originHead, top] = await Promise.all([
        git(cwd, env, ['tag', '--points-at', 'HEAD']).catch(() => ''),
        git(cwd, env, ['symbolic-ref', '-q', 'HEAD']).catch(() => ''),
        git(cwd, env, ['show', '-s', '--format=%cI', 'HEAD']).catch(() => ''),
        git(cwd, env, ['remote', 'get-url', 'origin']).catch(() => ''),
        git(cwd, env, ['symbolic-ref', '-q', 'refs/remotes/origin/HEAD']).catch(() => ''),
        git(cwd, env, ['rev-parse', '--show-toplevel']).catch(() => cwd),
    ]);
    const versionTag = highestVersionTag(tags.split('\n'));
    const ref = versionTag ? `refs/tags/${versionTag}` : branch;
    const parsedDate = date ? new Date(date) : undefined;
    return {
        source: 'git',
        eventName: 'push',
        ref,
        sha,
        commitDate: parsedDate && !isNaN(parsedDate.getTime()) ? parsedDate : undefined,
        payload: {},
        repository: {
            ...repositoryFromRemote(remote, external_node_path_default().basename(top)),
            defaultBranch: originHead.replace(/^refs\/remotes\/origin\//, ''),
        },
    };
}
/** The tag to build from when several point at HEAD: the highest semver, else the highest PEP 440 version. */
function highestVersionTag(tags) {
    const names = tags.map((t) => t.trim()).filter((t) => t !== '');
    const sem = names.filter((t) => semver_default().valid(t) !== null).sort((a, b) => semver_default().rcompare(a, b));
    if (sem[0] !== undefined)
        return sem[0];
    const pep = names.filter((t) => pep440.valid(t) !== null).sort((a, b) => pep440.rcompare(a, b));
    return pep[0];
}
/**
 * `git@host:owner/repo.git` and `https://[user:token@]host/owner/repo(.git)` become
 * `https://host/owner/repo`; credentials in the remote are dropped, never carried into a label.
 */
function repositoryFromRemote(remote, fallbackName) {
    const empty = { description: '', license: '' };
    const scp = /^[\w.-]+@([^:/]+):(?:\/)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remote);
    const web = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remote);
    const m = scp ?? web;
    if (m) {
        const [, host, owner, repo] = m;
        return { name: repo, htmlUrl: `https://${host}/${owner}/${repo}`, ...empty };
    }
    const base = remote ? external_node_path_default().basename(remote).replace(/\.git$/, '') : '';
    return { name: base || fallbackName, htmlUrl: '', ...empty };
}
async function gitCommitDate(cwd, sha, env) {
    if (!sha)
        return undefined;
    const text = await git(cwd, env, ['show', '-s', '--format=%cI', sha]).catch(() => '');
    const date = text ? new Date(text) : undefined;
    return date && !isNaN(date.getTime()) ? date : undefined;
}
async function git(cwd, env, args) {
    // Bounded: a hung git (a credential prompt, a lock) must not hang the stage.
    const { stdout } = await git_context_run('git', args, {
        cwd,
        env: { ...env, GIT_TERMINAL_PROMPT: '0' },
        timeout: 30_000,
        maxBuffer: 4 << 20,
    });
    return stdout.trim();
}
function firstLine(error) {
    const e = error;
    const text = typeof e.stderr === 'string' && e.stderr.trim() ? e.stderr : String(e.message ?? error);
    return text.trim().split('\n')[0] ?? '';
}

// EXTERNAL MODULE: ./node_modules/dayjs/dayjs.min.js
var dayjs_min = __webpack_require__(3706);
var dayjs_min_default = /*#__PURE__*/__webpack_require__.n(dayjs_min);
// EXTERNAL MODULE: ./node_modules/dayjs/plugin/advancedFormat.js
var advancedFormat = __webpack_require__(55440);
var advancedFormat_default = /*#__PURE__*/__webpack_require__.n(advancedFormat);
// EXTERNAL MODULE: ./node_modules/dayjs/plugin/dayOfYear.js
var dayOfYear = __webpack_require__(11919);
var dayOfYear_default = /*#__PURE__*/__webpack_require__.n(dayOfYear);
// EXTERNAL MODULE: ./node_modules/dayjs/plugin/isoWeek.js
var isoWeek = __webpack_require__(59072);
var isoWeek_default = /*#__PURE__*/__webpack_require__.n(isoWeek);
// EXTERNAL MODULE: ./node_modules/dayjs/plugin/timezone.js
var timezone = __webpack_require__(57818);
var timezone_default = /*#__PURE__*/__webpack_require__.n(timezone);
// EXTERNAL MODULE: ./node_modules/dayjs/plugin/utc.js
var utc = __webpack_require__(85279);
var utc_default = /*#__PURE__*/__webpack_require__.n(utc);
// EXTERNAL MODULE: ./node_modules/dayjs/plugin/weekOfYear.js
var weekOfYear = __webpack_require__(94901);
var weekOfYear_default = /*#__PURE__*/__webpack_require__.n(weekOfYear);
// EXTERNAL MODULE: ./node_modules/dayjs/plugin/weekYear.js
var weekYear = __webpack_require__(28880);
var weekYear_default = /*#__PURE__*/__webpack_require__.n(weekYear);
// EXTERNAL MODULE: ./node_modules/handlebars/lib/index.js
var lib = __webpack_require__(88508);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
;// CONCATENATED MODULE: ./src/stages/docker/meta/moment-format.ts
/**
 * moment's format tokens (metadata-action formats `{{date}}` and `{{commit_date}}` with moment-timezone),
 * on a dayjs date. dayjs reads several of them otherwise (`DDDD` as `DD` twice, `Mo` as a month and an `o`)
 * or not at all (`E`, `L`), so the format is split as moment splits it and each token is rendered here;
 * the ones dayjs renders as moment does are passed to it. `d` is `instant` already in the time zone `zone`.
 */
function formatMoment(d, instant, format, zone) {
    return expandLocalized(format).replace(TOKEN, (token) => render(d, instant, token, zone));
}
// moment's English (default locale) long date formats, expanded before the rest as moment does.
const LOCALIZED = {
    LTS: 'h:mm:ss A',
    LT: 'h:mm A',
    L: 'MM/DD/YYYY',
    LL: 'MMMM D, YYYY',
    LLL: 'MMMM D, YYYY h:mm A',
    LLLL: 'dddd, MMMM D, YYYY h:mm A',
    l: 'M/D/YYYY',
    ll: 'MMM D, YYYY',
    lll: 'MMM D, YYYY h:mm A',
    llll: 'ddd, MMM D, YYYY h:mm A',
};
const LOCALIZED_TOKEN = /\[[^[]*\]|\\.|LTS|LT|L{1,4}|l{1,4}/g;
const expandLocalized = (format) => format.replace(LOCALIZED_TOKEN, (t) => LOCALIZED[t] ?? t);
// moment's tokenizer: a [literal], an escaped character, the longest token at this place, or one character.
const TOKEN = /\[[^[]*\]|\\.|[Hh]mm(?:ss)?|Mo|M{1,4}|Do|DDDo|D{1,4}|do|d{1,4}|w[ow]?|W[oW]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|Y|y{2,4}|yo?|gg(?:ggg?)?|GG(?:GGG?)?|[eEaA]|hh?|HH?|kk?|mm?|ss?|S{1,9}|[xX]|zz?|ZZ?|[\s\S]/g;
/** Tokens dayjs (with advancedFormat and the week plugins) renders exactly as moment does. */
const DAYJS_SAME = new Set('M MM MMM MMMM D DD Do d dd ddd dddd w ww W WW Q YY YYYY gggg GGGG a A h hh H HH hmm hmmss Hmm Hmmss k kk m mm s ss Z ZZ'.split(' '));
function render(d, instant, token, zone) {
    if (token.startsWith('['))
        return token.slice(1, -1);
    if (token.startsWith('\\'))
        return token.slice(1);
    if (DAYJS_SAME.has(token))
        return d.format(token);
    const year = d.year();
    switch (token) {
        // From the instant: a dayjs date moved into a zone by tz() counts its offset into its timestamp.
        case 'X':
            return String(Math.floor(instant.getTime() / 1000));
        case 'x':
            return String(instant.getTime());
        case 'DDD':
            return String(d.dayOfYear());
        case 'DDDD':
            return String(d.dayOfYear()).padStart(3, '0');
        case 'DDDo':
            return ordinal(d.dayOfYear());
        case 'Mo':
            return ordinal(d.month() + 1);
        case 'Qo':
            return ordinal(Math.floor(d.month() / 3) + 1);
        case 'Wo':
            return ordinal(d.isoWeek());
        case 'wo':
            return ordinal(d.week());
        case 'do':
            return ordinal(d.day());
        // The locale's weekday (English weeks start on Sunday) and the ISO one (Monday 1 … Sunday 7).
        case 'e':
            return String(d.day());
        case 'E':
            return String(d.isoWeekday());
        case 'Y':
            return year > 9999 ? `+${year}` : String(year);
        case 'YYYYY':
            return String(year).padStart(5, '0');
        case 'YYYYYY':
            return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
        case 'y':
        case 'yy':
        case 'yyy':
        case 'yyyy':
            return String(year > 0 ? year : 1 - year);
        case 'yo':
            return ordinal(year > 0 ? year : 1 - year);
        case 'N':
        case 'NN':
        case 'NNN':
        case 'NNNNN':
            return year > 0 ? 'AD' : 'BC';
        case 'NNNN':
            return year > 0 ? 'Anno Domini' : 'Before Christ';
        case 'gg':
            return d.format('gggg').slice(-2);
        case 'GG':
            return d.format('GGGG').slice(-2);
        case 'z':
        case 'zz':
            // moment says UTC; elsewhere dayjs asks Intl, which knows fewer abbreviations than moment's
            // tz database (GMT+1 where moment says CET).
            return zone === 'UTC' ? 'UTC' : d.format('z');
        default:
            if (/^S{1,9}$/.test(token))
                return String(d.millisecond()).padStart(3, '0').padEnd(9, '0').slice(0, token.length);
            return token;
    }
}
/** moment's English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
function ordinal(n) {
    const teen = Math.floor((n % 100) / 10) === 1;
    const last = n % 10;
    return `${n}${teen ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'}`;
}

;// CONCATENATED MODULE: ./src/stages/docker/meta/expressions.ts











// moment's format tokens, which metadata-action's `date` and `commit_date` take (see moment-format.ts):
// advancedFormat adds Q, Do, k, X, x, z; the week plugins w, W, gggg and GGGG; dayOfYear the DDD family.
dayjs_min_default().extend((utc_default()));
dayjs_min_default().extend((timezone_default()));
dayjs_min_default().extend((advancedFormat_default()));
dayjs_min_default().extend((weekOfYear_default()));
dayjs_min_default().extend((weekYear_default()));
dayjs_min_default().extend((isoWeek_default()));
dayjs_min_default().extend((dayOfYear_default()));
// metadata-action renders every pattern and attribute with Handlebars; so does this, in its own
// environment (no helpers registered globally) with the default HTML escaping metadata-action has too.
const handlebars = lib_default().create();
const compiled = new Map();
const MAX_COMPILED = 512;
/** Compiled once per distinct template: the same rules run for every image and every ref of a bench. */
function template(text) {
    let t = compiled.get(text);
    if (!t) {
        if (compiled.size >= MAX_COMPILED)
            compiled.clear();
        t = handlebars.compile(text);
        compiled.set(text, t);
    }
    return t;
}
/** Renders `text` with `data`; a template the user got wrong is a UserError naming the input. */
function expressions_render(text, data, input) {
    if (!text.includes('{{'))
        return text;
    try {
        return template(text)(data);
    }
    catch (error) {
        throw new errors/* UserError */.yo(`${input.label}: cannot render '${text}': ${(0,errors/* errorMessage */.gJ)(error)}`, { input: input.name });
    }
}
/** True when the pattern is exactly `{{raw}}` (a pre-release then keeps it instead of `{{version}}`). */
function isRawStatement(pattern) {
    try {
        const body = handlebars.parseWithoutProcessing(pattern).body;
        const only = body.length === 1 ? body[0] : undefined;
        if (only?.type !== 'MustacheStatement')
            return false;
        const path = only.path;
        return path.parts?.length === 1 && path.parts[0] === 'raw';
    }
    catch {
        return false;
    }
}
/** `{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`: moment-style format tokens, UTC unless `tz` says otherwise. */
function dateHelper(date) {
    return (format, options) => {
        if (typeof format !== 'string')
            throw new Error("date needs a format, e.g. {{date 'YYYYMMDD'}}");
        let tz = 'UTC';
        for (const [key, value] of Object.entries(options?.hash ?? {})) {
            if (key !== 'tz')
                throw new Error(`Unknown ${key} attribute`);
            tz = String(value);
        }
        return formatDate(date, format, tz);
    };
}
/**
 * `date` in `tz`, formatted as moment formats it. dayjs's `tz()` converts through `toLocaleString` on every
 * call (~140 µs); in UTC, `dayjs.utc` gives the same date in a few µs (its zone name is written as moment's).
 */
function formatDate(date, format, tz) {
    return formatMoment(tz === 'UTC' ? dayjs_min_default().utc(date) : dayjs_min_default()(date).tz(tz), date, format, tz);
}
/** The data the schedule pattern sees: only the dates, as in metadata-action. */
function scheduleData(now, ctx) {
    return { date: dateHelper(now), commit_date: dateHelper(ctx.commitDate ?? now) };
}
/**
 * metadata-action's global expressions, for `value`, `prefix`, `suffix` and `enable` of tag rules and for
 * custom labels: `{{branch}}`, `{{tag}}`, `{{sha}}`, `{{base_ref}}`, `{{is_default_branch}}`,
 * `{{is_not_default_branch}}`, `{{date …}}` and `{{commit_date …}}`.
 */
function globalData(now, ctx, shortSha) {
    const ref = ctx.ref;
    const payload = ctx.payload;
    const pr = payload.pull_request;
    return {
        branch: () => (ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ''),
        tag: () => (ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : ''),
        sha: () => shortSha(ctx.sha),
        base_ref: () => {
            if (ref.startsWith('refs/tags/') && typeof payload.base_ref === 'string') {
                return payload.base_ref.replace(/^refs\/heads\//, '');
            }
            if (ref.startsWith('refs/pull/') && typeof pr?.base?.ref === 'string')
                return pr.base.ref;
            return '';
        },
        is_default_branch: () => String(isDefaultBranch(ctx)),
        // metadata-action's pair for `enable=`, which takes no negation of its own.
        is_not_default_branch: () => String(!isDefaultBranch(ctx)),
        date: dateHelper(now),
        commit_date: dateHelper(ctx.commitDate ?? now),
    };
}
function isDefaultBranch(ctx) {
    const branch = ctx.ref.replace(/^refs\/heads\//, '');
    if (branch === '')
        return false;
    if (ctx.repository.defaultBranch !== '' && ctx.repository.defaultBranch === branch)
        return true;
    // These events always run on the default branch's last commit (GitHub's events documentation).
    return /create|discussion|issues|schedule/.test(ctx.eventName);
}

// EXTERNAL MODULE: ./src/stages/docker/meta/input-list.ts
var input_list = __webpack_require__(39049);
;// CONCATENATED MODULE: ./src/stages/docker/meta/labels.ts

/**
 * The OCI annotation keys metadata-action sets as labels, then the user's `labels` (rendered with the
 * global expressions) overriding any of the same key; entries without `=` are dropped and the result is
 * sorted by key, as metadata-action does.
 */
function ociLabels(ctx, version, now, custom, globalData, input) {
    const repo = ctx.repository;
    const lines = [
        `org.opencontainers.image.title=${repo.name}`,
        `org.opencontainers.image.description=${repo.description}`,
        `org.opencontainers.image.url=${repo.htmlUrl}`,
        `org.opencontainers.image.source=${repo.htmlUrl}`,
        `org.opencontainers.image.version=${version}`,
        `org.opencontainers.image.created=${now.toISOString()}`,
        `org.opencontainers.image.revision=${ctx.sha}`,
        `org.opencontainers.image.licenses=${repo.license}`,
        ...custom.map((label) => expressions_render(label, globalData, input)),
    ];
    const byKey = new Map();
    for (const line of lines) {
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        byKey.set(line.slice(0, eq), line.slice(eq + 1));
    }
    // fromEntries defines own properties, so a user's `__proto__=…` label stays a label.
    return Object.fromEntries([...byKey.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')));
}
/** metadata-action's `labels` output: one `key=value` per line, in key order. */
const labelLines = (labels) => Object.entries(labels).map(([key, value]) => `${key}=${value}`);

// EXTERNAL MODULE: ./src/stages/docker/meta/tag-rules.ts
var tag_rules = __webpack_require__(93366);
;// CONCATENATED MODULE: ./src/stages/docker/meta/rule-values.ts




const TAGS = 'refs/tags/';
const HEADS = 'refs/heads/';
const PULL = 'refs/pull/';
/** The value of one enabled rule for this context, or undefined when it does not apply. */
function ruleValue(rule, env) {
    const { ctx } = env;
    const a = rule.attrs;
    switch (rule.type) {
        case 'schedule':
            if (!/schedule/.test(ctx.eventName))
                return undefined;
            return { value: env.schedule(a.pattern ?? 'nightly'), autoLatest: false };
        case 'semver':
            return semverValue(rule, env);
        case 'pep440':
            return pep440Value(rule, env);
        case 'match':
            return matchValue(rule, env);
        case 'ref':
            if (a.event === 'branch' && ctx.ref.startsWith(HEADS)) {
                return { value: ctx.ref.slice(HEADS.length), autoLatest: false };
            }
            if (a.event === 'tag' && ctx.ref.startsWith(TAGS))
                return { value: ctx.ref.slice(TAGS.length), autoLatest: true };
            if (a.event === 'pr' && ctx.ref.startsWith(PULL)) {
                return { value: ctx.ref.slice(PULL.length).replace(/\/merge$/, ''), autoLatest: false };
            }
            return undefined;
        case 'edge': {
            if (!ctx.ref.startsWith(HEADS))
                return undefined;
            const branch = a.branch || env.defaultBranch;
            return branch === ctx.ref.slice(HEADS.length) ? { value: 'edge', autoLatest: false } : undefined;
        }
        case 'raw':
            return { value: env.expand(a.value ?? ''), autoLatest: false };
        case 'sha':
            if (!ctx.sha)
                return undefined;
            return { value: a.format === 'long' ? ctx.sha : env.shortSha(ctx.sha), autoLatest: false };
    }
}
/** The version text a semver/pep440/match rule reads: its `value`, else the pushed tag ('/' → '-' except for match). */
function versionSource(rule, env, keepSlashes = false) {
    const value = rule.attrs.value ?? '';
    if (value !== '')
        return env.expand(value);
    if (!env.ctx.ref.startsWith(TAGS))
        return undefined;
    const tag = env.ctx.ref.slice(TAGS.length);
    return keepSlashes ? tag : tag.replace(/\//g, '-');
}
function semverValue(rule, env) {
    const raw = versionSource(rule, env);
    if (raw === undefined)
        return undefined;
    if (semver_default().valid(raw) === null) {
        env.warn(`${raw} is not a valid semver (https://semver.org), so '${rule.entry}' makes no tag`);
        return undefined;
    }
    const parsed = semver_default().parse(raw, { loose: true });
    if (!parsed)
        return undefined;
    const pattern = rule.attrs.pattern ?? '';
    // A pre-release only ever gets {{version}} (or {{raw}} when that is the whole pattern) and never
    // `latest`: such tags move too often for `1.2` or `1` to point at them.
    if (semver_default().prerelease(raw) !== null) {
        const used = isRawStatement(pattern) ? pattern : '{{version}}';
        return { value: expressions_render(used, parsed, env.input), autoLatest: false };
    }
    return { value: expressions_render(pattern, parsed, env.input), autoLatest: true };
}
function pep440Value(rule, env) {
    const raw = versionSource(rule, env);
    if (raw === undefined)
        return undefined;
    if (pep440.valid(raw) === null) {
        env.warn(`${raw} does not conform to PEP 440 (https://peps.python.org/pep-0440/), so '${rule.entry}' makes no tag`);
        return undefined;
    }
    const info = pep440.explain(raw);
    const pattern = rule.attrs.pattern ?? '';
    const cleaned = pep440.clean(raw) ?? raw;
    // dev, pre and post releases get only the cleaned version (or the raw tag for a `{{raw}}` pattern).
    if (info && (info.is_prerelease || info.is_postrelease || info.is_devrelease)) {
        return { value: isRawStatement(pattern) ? raw : cleaned, autoLatest: false };
    }
    const data = {
        raw: () => raw,
        version: () => cleaned,
        major: () => pep440.major(raw),
        minor: () => pep440.minor(raw),
        patch: () => pep440.patch(raw),
    };
    return { value: expressions_render(pattern, data, env.input), autoLatest: true };
}
function matchValue(rule, env) {
    const raw = versionSource(rule, env, true);
    if (raw === undefined)
        return undefined;
    const pattern = rule.attrs.pattern ?? '';
    const group = rule.attrs.group ?? '0';
    const regex = (0,tag_rules/* matchRegex */.xk)(pattern);
    // String.match, as metadata-action: with a `g` flag it yields the whole matches, not groups.
    const match = raw.match(regex);
    if (!match) {
        env.warn(`${pattern} does not match ${raw}, so '${rule.entry}' makes no tag`);
        return undefined;
    }
    const captured = match[Number(group)];
    if (captured === undefined) {
        env.warn(`group ${group} does not exist in ${pattern}, so '${rule.entry}' makes no tag`);
        return undefined;
    }
    return { value: captured, autoLatest: true };
}

;// CONCATENATED MODULE: ./src/stages/docker/meta/sanitize.ts
/**
 * metadata-action's sanitising ("Image name and tag sanitization" in its README): image names are
 * lowercased; in a tag every run of characters outside `[A-Za-z0-9._-]` becomes one `-`
 * (`releases/v1` → `releases-v1`).
 */
const sanitizeTag = (tag) => tag.replace(/[^a-zA-Z0-9._-]+/g, '-');
const sanitizeImageName = (name) => name.toLowerCase();
/** `length` characters of the sha (7 by default; DOCKER_METADATA_SHORT_SHA_LENGTH in metadata-action). */
const shortSha = (sha, length) => (length >= sha.length ? sha : sha.slice(0, length));

;// CONCATENATED MODULE: ./src/stages/docker/meta/compute.ts






/**
 * Tags and labels for one git context, as docker/metadata-action computes them: rules in priority order,
 * each enabled rule's value with its prefix and suffix (the rule's own, else the flavor's), sanitised; the
 * first value is the version, later distinct ones follow; `latest` comes from the flavor or, in `auto`,
 * from the first rule that yielded a value.
 */
function computeMeta(config, ctx, now = new Date()) {
    const tagsInput = config.inputs?.tags ?? (0,input_list/* inputRef */.io)('tags');
    const warnings = [];
    const short = (sha) => shortSha(sha, config.shortShaLength);
    const global = globalData(now, ctx, short);
    const schedule = scheduleData(now, ctx);
    const expand = (text) => expressions_render(text, global, tagsInput);
    const env = {
        ctx,
        input: tagsInput,
        expand,
        schedule: (pattern) => expressions_render(pattern, schedule, tagsInput),
        shortSha: short,
        defaultBranch: ctx.repository.defaultBranch,
        warn: (m) => warnings.push(m),
    };
    const version = { main: undefined, partial: [], latest: false };
    let latestDecided = false;
    for (const rule of config.tags) {
        const enabled = expand(rule.attrs.enable ?? 'true');
        if (enabled !== 'true' && enabled !== 'false') {
            throw new errors/* UserError */.yo(`${tagsInput.label}: enable must be true or false, got '${enabled}' in '${rule.entry}'`, {
                input: tagsInput.name,
            });
        }
        if (enabled === 'false')
            continue;
        const result = ruleValue(rule, env);
        if (!result)
            continue;
        const value = withAffixes(result.value, rule, config.flavor, expand);
        if (value === '')
            continue;
        const tag = sanitizeTag(value);
        if (version.main === undefined)
            version.main = tag;
        else if (tag !== version.main && !version.partial.includes(tag))
            version.partial.push(tag);
        if (!latestDecided) {
            version.latest = config.flavor.latest === 'auto' ? result.autoLatest : config.flavor.latest === 'true';
            latestDecided = true;
        }
    }
    const images = config.images.filter((i) => i.enable).map((i) => sanitizeImageName(i.name));
    const tags = imageTags(version, images, config.flavor);
    const noRule = `no tag rule applies to event '${ctx.eventName}' with ref '${ctx.ref || '(none)'}'`;
    if (config.images.length > 0 && tags.length === 0) {
        // metadata-action's own words, so a search for them finds both; then which event and ref got nothing.
        warnings.push(`No Docker tag has been generated. Check tags input. (${noRule})`);
    }
    else if (version.main === undefined &&
        !/^refs\/(heads|tags|pull)\//.test(ctx.ref) &&
        !/schedule/.test(ctx.eventName)) {
        warnings.push(noRule);
    }
    return {
        version: version.main ?? '',
        versionParts: version,
        tags,
        labels: ociLabels(ctx, version.main ?? '', now, config.labels, global, config.inputs?.labels ?? (0,input_list/* inputRef */.io)('labels')),
        images,
        warnings,
    };
}
/** A rule's own `prefix`/`suffix` (even empty) wins over the flavor's; both may hold expressions. */
function withAffixes(value, rule, flavor, expand) {
    const prefix = 'prefix' in rule.attrs ? expand(rule.attrs.prefix ?? '') : flavor.prefix ? expand(flavor.prefix) : '';
    const suffix = 'suffix' in rule.attrs ? expand(rule.attrs.suffix ?? '') : flavor.suffix ? expand(flavor.suffix) : '';
    return `${prefix}${value}${suffix}`;
}
function imageTags(version, images, flavor) {
    if (version.main === undefined)
        return [];
    const latest = sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`);
    const names = [version.main, ...version.partial, ...(version.latest ? [latest] : [])];
    if (images.length === 0)
        return names;
    return images.flatMap((image) => names.map((tag) => `${image}:${tag}`));
}

// EXTERNAL MODULE: ./src/core/report/build.ts
var build = __webpack_require__(8366);
// EXTERNAL MODULE: ./src/core/report/types.ts
var types = __webpack_require__(71855);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/report/gate-value.ts
var gate_value = __webpack_require__(21631);
;// CONCATENATED MODULE: ./src/stages/docker/markdown.ts


/** Rows shown open; the folded tables and the report have the rest. */
const TOP = 10;
const TABLE_ROWS = 200;
const SEVERITY_ICON = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', unknown: '⬜' };
const literal = (text) => ({ markdown: (0,markdown/* escapeText */.X1)(text) });
const cellCode = (text) => ({ markdown: (0,markdown/* code */.aY)(text) });
function bytes(n) {
    if (n === null)
        return '–';
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let v = n;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}
const shortDigest = (d) => (d ? `${d.slice(0, 19)}…` : '–');
function failedGates(gates) {
    return gates
        .filter((g) => !g.passed)
        .map((g) => `${markdown/* STATUS_ICON */.tW.fail} **${(0,markdown/* escapeText */.X1)(g.name)}**: ${(0,markdown/* escapeText */.X1)(g.detail ?? '')}`);
}
function gatesTable(gates) {
    return (0,markdown/* table */.tp)(['', 'Gate', 'Required', 'Actual', 'Detail'], gates.map((g) => [
        g.passed ? markdown/* STATUS_ICON */.tW.pass : markdown/* STATUS_ICON */.tW.fail,
        literal(g.name),
        literal(String(g.required)),
        (0,gate_value/* gateValue */.D)(g.actual, g.unit),
        literal(g.detail ?? ''),
    ]), ['center', 'left', 'left', 'right', 'left']);
}
function imagesTable(images) {
    return (0,markdown/* table */.tp)(['Build', 'Image', 'Digest', 'Platform', 'Size', 'Compressed', 'Pushed'], images.flatMap((i) => i.platforms.map((p, n) => [
        n === 0 ? literal(i.build) : '',
        n === 0 ? cellCode(i.ref) : '',
        n === 0 ? cellCode(shortDigest(i.digest)) : '',
        p.platform,
        bytes(p.size),
        bytes(p.compressedSize),
        n === 0 ? (i.pushed ? (i.verified === false ? '⚠️ layers differ' : 'yes') : 'no') : '',
    ])), ['left', 'left', 'left', 'left', 'right', 'right', 'left']);
}
function policyTable(findings) {
    return (0,markdown/* table */.tp)(['', 'Rule', 'Where', 'Message'], findings.map((f) => [
        f.ignored ? '⏭️' : f.severity === 'error' ? markdown/* STATUS_ICON */.tW.fail : markdown/* STATUS_ICON */.tW.warn,
        cellCode(f.rule),
        cellCode(`${f.file}:${f.line}`),
        literal(f.ignored ? `${f.message} (ignored: ${f.reason ?? ''})` : f.message),
    ]), ['center', 'left', 'left', 'left']);
}
function findingsTable(findings) {
    return (0,markdown/* table */.tp)(['Severity', 'Id', 'Package', 'Fixed in', 'Image'], findings.map((f) => [
        `${SEVERITY_ICON[f.severity] ?? ''} ${f.severity}`,
        cellCode(f.id),
        literal(f.package ? `${f.package}${f.installed ? ` ${f.installed}` : ''}` : f.title),
        literal(f.kind === 'vuln' ? (f.fixed ?? 'no fix yet') : ''),
        literal(f.target),
    ]));
}
const RANK = ['critical', 'high', 'medium', 'low', 'unknown'];
const atLeast = (severity, failOn) => severity !== 'unknown' && RANK.indexOf(severity) <= RANK.indexOf(failOn);
function blockingFindings(report) {
    return report.scan.findings.filter((f) => !f.ignored && atLeast(f.severity, report.scan.failOn));
}
function tagsBlock(report) {
    if (report.tags.length === 0)
        return undefined;
    return (0,markdown/* blocks */.Bv)('**Tags**', (0,markdown/* list */.p_)(report.tags.map((t) => (0,markdown/* code */.aY)(t))));
}
function labelsTable(report) {
    const entries = Object.entries(report.labels);
    if (entries.length === 0)
        return undefined;
    return (0,markdown/* table */.tp)(['Label', 'Value'], entries.map(([k, v]) => [cellCode(k), literal(v)]));
}
function failedBuildLogs(report) {
    const failed = report.builds.filter((b) => b.status === 'failed');
    if (failed.length === 0)
        return undefined;
    return (0,markdown/* blocks */.Bv)(...failed.flatMap((b) => [
        `**Build ${(0,markdown/* escapeText */.X1)(b.name)} failed**: ${(0,markdown/* escapeText */.X1)(b.error ?? '')}`,
        (0,markdown/* fence */.EU)(b.log ?? '', 'text'),
    ]));
}
/** What a reviewer must see open: failed gates, what kept the push back, policy errors, blocking findings, build logs. */
function body(report) {
    const errors = report.policy.filter((f) => !f.ignored && f.severity === 'error');
    const blocking = blockingFindings(report);
    return ((0,markdown/* blocks */.Bv)((0,markdown/* list */.p_)(failedGates(report.gates)), report.push.status === 'blocked' &&
        `Nothing was pushed: ${report.push.blockedBy.map((g) => (0,markdown/* code */.aY)(g)).join(', ')} failed before the push.`, errors.length > 0 && (0,markdown/* blocks */.Bv)('**Dockerfile policy errors**', policyTable(errors.slice(0, TOP))), blocking.length > 0 &&
        (0,markdown/* blocks */.Bv)(`**Findings at ${(0,markdown/* escapeText */.X1)(report.scan.failOn)} or above**${blocking.length > TOP ? ` (${TOP} of ${blocking.length})` : ''}`, findingsTable(blocking.slice(0, TOP))), failedBuildLogs(report)) || undefined);
}
function details(report) {
    return (0,markdown/* blocks */.Bv)(report.images.length > 0 && imagesTable(report.images), tagsBlock(report), labelsTable(report), report.policy.length > 0 && (0,markdown/* blocks */.Bv)('**Dockerfile policy**', policyTable(report.policy.slice(0, TABLE_ROWS))), report.scan.findings.length > 0 &&
        (0,markdown/* blocks */.Bv)(`**Image findings** (Trivy ${(0,markdown/* escapeText */.X1)(report.scan.trivyVersion ?? '')})`, findingsTable(report.scan.findings.slice(0, TABLE_ROWS)), report.scan.findings.length > TABLE_ROWS &&
            `… and ${report.scan.findings.length - TABLE_ROWS} more in the report.`), report.gates.length > 0 && gatesTable(report.gates));
}
function dockerComment(report) {
    const b = body(report);
    const d = details(report);
    return {
        headline: report.summary,
        ...(b ? { body: b } : {}),
        ...(d ? { details: d, detailsLabel: 'Images, tags, labels, policy and findings' } : {}),
    };
}
function dockerSummary(report) {
    const icon = report.status === 'fail' ? markdown/* STATUS_ICON */.tW.fail : report.status === 'warn' ? markdown/* STATUS_ICON */.tW.warn : markdown/* STATUS_ICON */.tW.pass;
    const out = [
        {
            markdown: (0,markdown/* blocks */.Bv)(`## ${icon} Docker: ${(0,markdown/* escapeText */.X1)(report.summary)}`, report.gates.length > 0 && gatesTable(report.gates), report.images.length > 0 && imagesTable(report.images), report.warnings.length > 0 && (0,markdown/* list */.p_)(report.warnings.map((w) => `${markdown/* STATUS_ICON */.tW.warn} ${(0,markdown/* escapeText */.X1)(w)}`))),
            priority: 0,
        },
    ];
    const more = (0,markdown/* blocks */.Bv)(tagsBlock(report), labelsTable(report));
    if (more)
        out.push({ markdown: (0,markdown/* blocks */.Bv)('### Tags and labels', more), priority: 1, label: 'tags and labels' });
    if (report.policy.length > 0)
        out.push({
            markdown: (0,markdown/* blocks */.Bv)('### Dockerfile policy', policyTable(report.policy.slice(0, TABLE_ROWS))),
            priority: 1,
            label: 'Dockerfile policy table',
        });
    if (report.scan.findings.length > 0)
        out.push({
            markdown: (0,markdown/* blocks */.Bv)('### Image findings', findingsTable(report.scan.findings.slice(0, TABLE_ROWS))),
            priority: 2,
            label: 'image findings table',
        });
    const logs = failedBuildLogs(report);
    if (logs)
        out.push({ markdown: (0,markdown/* blocks */.Bv)('### Build logs', logs), priority: 1, label: 'build logs' });
    return out;
}
/** The terminal's view: one line per fact a person acts on. */
function dockerText(report) {
    // The gates follow in the CLI's own lines (render-text.ts): not repeated here.
    const lines = [];
    for (const f of report.policy.filter((x) => !x.ignored))
        lines.push(`  ${f.severity === 'error' ? '✘' : '!'} ${f.file}:${f.line} ${f.rule}: ${f.message}`);
    for (const b of report.builds) {
        if (b.tags.length > 0)
            lines.push(`${b.name}: ${b.tags.join(', ')}`);
        if (b.status === 'failed')
            lines.push(`  build failed: ${b.error ?? ''}`, ...(b.log ? [b.log] : []));
    }
    for (const i of report.images)
        lines.push(`${i.build}: ${i.pushed ? 'pushed' : 'built'} ${i.ref} ${i.digest ?? ''} (${i.platforms
            .map((p) => `${p.platform} ${bytes(p.size ?? p.compressedSize)}`)
            .join(', ')})`);
    for (const f of blockingFindings(report).slice(0, TOP))
        lines.push(`  ✘ ${f.severity} ${f.id} ${f.package ?? ''} ${f.installed ?? ''} → ${f.fixed ?? 'no fix'} in ${f.target}`);
    if (report.push.status === 'blocked')
        lines.push(`not pushed: ${report.push.blockedBy.join(', ')} failed`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/stages/docker/meta/outputs.ts

/**
 * metadata-action's outputs, with the same names and shapes: `version`, `tags` and `labels` one per line
 * (its default separators), `json` an object of the tags and the labels map, so a workflow moving from
 * `steps.meta.outputs.*` keeps its expressions (`fromJSON(…json).labels['org.opencontainers.image.version']`).
 */
function metaOutputs(meta) {
    return {
        version: meta.version,
        tags: meta.tags.join('\n'),
        labels: labelLines(meta.labels).join('\n'),
        json: JSON.stringify({ tags: meta.tags, labels: meta.labels }),
    };
}

;// CONCATENATED MODULE: ./src/stages/docker/policy/annotations.ts
/** One annotation per finding that counts (ignored ones are in the report, not on the diff). */
function policyAnnotations(result) {
    return result.findings
        .filter((f) => !f.ignored)
        .map((f) => ({
        level: f.severity,
        title: `Dockerfile policy: ${f.rule}`,
        message: f.message,
        file: f.file,
        startLine: f.line,
    }));
}

;// CONCATENATED MODULE: ./src/stages/docker/outcome.ts





const EMPTY_COUNTS = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
const LOG_TAIL_LINES = 40;
function policyReport(results) {
    return results.flatMap((r) => r.findings.map((f) => ({
        rule: f.rule,
        file: f.file,
        line: f.line,
        message: f.message,
        severity: f.severity,
        ignored: f.ignored,
        ...(f.reason !== undefined ? { reason: f.reason } : {}),
    })));
}
function buildsReport(r) {
    return r.options.builds.map((spec, i) => {
        const meta = r.metas[i];
        const b = r.built?.[i];
        const failed = b !== undefined && !b.run.ok;
        return {
            name: spec.name,
            context: spec.context,
            file: r.files?.[i] ?? spec.file,
            target: spec.target ?? null,
            platforms: spec.platforms,
            version: meta?.version ?? '',
            tags: meta?.tags ?? [],
            labels: meta?.labels ?? {},
            status: b === undefined ? 'not-built' : failed ? 'failed' : 'built',
            ...(failed ? { error: b.run.error ?? 'the build failed' } : {}),
            ...(failed ? { log: b.run.tail.split(/\r?\n/).slice(-LOG_TAIL_LINES).join('\n') } : {}),
            durationMs: b?.run.durationMs ?? null,
        };
    });
}
function platformsOf(b, p) {
    return b.platforms.map((scanned) => {
        const remote = p?.remote?.platforms.find((x) => x.platform === scanned.platform);
        return {
            platform: scanned.platform,
            digest: remote?.digest ?? scanned.manifestDigest ?? null,
            configDigest: remote?.configDigest ?? scanned.configDigest,
            size: scanned.size,
            compressedSize: remote?.compressedSize ?? scanned.compressedSize,
        };
    });
}
function imagesReport(r) {
    return (r.built ?? [])
        .filter((b) => b.run.ok)
        .map((b) => {
        const p = r.pushed?.get(b);
        const pushed = p?.ok === true;
        const digest = pushed ? (p.digest ?? null) : (b.localDigest?.digest ?? null);
        const source = pushed ? (p.digestSource ?? null) : (b.localDigest?.source ?? null);
        const platforms = platformsOf(b, p);
        const name = b.meta.tags[0]?.replace(/:[^:/]+$/, '');
        const sizes = platforms.map((x) => x.size).filter((s) => s !== null);
        return {
            build: b.spec.name,
            ref: pushed && name && digest ? `${name}@${digest}` : (b.meta.tags[0] ?? b.run.imageId ?? b.spec.name),
            tags: b.meta.tags,
            digest,
            digestSource: source,
            imageId: b.run.imageId ?? null,
            pushed,
            verified: pushed ? p.verified : null,
            platform: platforms.map((x) => x.platform).join(','),
            size: sizes.length > 0 ? Math.max(...sizes) : null,
            platforms,
        };
    });
}
function scanFinding(f) {
    return {
        id: f.id,
        aliases: f.aliases,
        severity: f.severity,
        kind: f.kind,
        title: f.title,
        package: f.package,
        installed: f.installed,
        fixed: f.fixed,
        target: f.target,
        file: f.file,
        line: f.line,
        tools: f.tools,
        url: f.url,
        ...(f.snippet !== undefined ? { snippet: f.snippet } : {}),
        ...(f.ignored ? { ignored: f.ignored } : {}),
    };
}
function scanReport(r) {
    const v = r.scan;
    if (!v) {
        return {
            status: 'not-run',
            failOn: r.options.scan.failOn,
            counts: EMPTY_COUNTS,
            ignoredCount: 0,
            trivyVersion: null,
            images: [],
            findings: [],
        };
    }
    return {
        status: v.gates.every((g) => g.passed) ? 'passed' : 'failed',
        failOn: r.options.scan.failOn,
        counts: v.counts,
        ignoredCount: v.ignoredCount,
        trivyVersion: r.scans?.[0]?.trivyVersion ?? null,
        images: v.perImage,
        findings: v.findings.map(scanFinding),
    };
}
function pushReport(r) {
    if (!r.options.push || r.options.mode !== 'build')
        return { status: 'not-requested', blockedBy: [], tags: [] };
    const results = [...(r.pushed?.values() ?? [])];
    if (results.length === 0)
        return { status: 'blocked', blockedBy: r.blockedBy ?? [], tags: [] };
    const tags = results
        .flatMap((p) => p.tags)
        .map((t) => ({
        tag: t.tag,
        ok: t.ok,
        attempts: t.attempts,
        ...(t.digest ? { digest: t.digest } : {}),
        ...(t.error ? { error: t.error } : {}),
    }));
    const ok = results.every((p) => p.ok && p.verified !== false);
    return { status: ok ? 'pushed' : 'failed', blockedBy: [], tags };
}
function headlineOf(r, report) {
    const errors = report.policy.filter((f) => !f.ignored && f.severity === 'error').length;
    const warnings = report.policy.filter((f) => !f.ignored && f.severity === 'warning').length;
    const policy = r.options.policy.level === 'off'
        ? 'policy off'
        : errors + warnings === 0
            ? 'policy clean'
            : `policy: ${[errors > 0 && `${errors} error(s)`, warnings > 0 && `${warnings} warning(s)`].filter(Boolean).join(', ')}`;
    if (r.options.mode === 'lint-only')
        return `lint only · ${policy}`;
    const tags = report.tags.length;
    if (r.options.mode === 'dry-run')
        return `dry run · ${tags} tag(s) · ${policy}`;
    const built = report.builds.filter((b) => b.status === 'built').length;
    const failedBuilds = report.builds.filter((b) => b.status === 'failed').length;
    const scan = report.scan.status === 'not-run'
        ? 'not scanned'
        : `scan: ${Object.entries(report.scan.counts)
            .filter(([, n]) => n > 0)
            .map(([s, n]) => `${n} ${s}`)
            .join(', ') || 'no findings'}`;
    const push = report.push.status === 'pushed'
        ? `pushed ${report.push.tags.length} tag(s)`
        : report.push.status === 'blocked'
            ? `not pushed (${report.push.blockedBy.join(', ')} failed)`
            : report.push.status === 'failed'
                ? 'push failed'
                : 'not pushed';
    return [
        failedBuilds > 0 ? `${failedBuilds} of ${report.builds.length} build(s) failed` : `${built} image(s) built`,
        scan,
        policy,
        push,
    ].join(' · ');
}
/** metadata-action's and build-push-action's outputs, under the names workflows already read. */
function outputsOf(report, r) {
    const first = report.images[0];
    const firstMeta = r.metas[0];
    const built = r.built?.[0];
    const metadata = (built && r.pushed?.get(built)?.metadata) ??
        built?.run.metadata ??
        (first
            ? {
                'containerimage.digest': first.digest,
                'containerimage.config.digest': first.imageId,
                'image.name': first.tags.join(','),
            }
            : {});
    return {
        passed: report.status !== 'fail',
        ...(firstMeta
            ? metaOutputs(firstMeta)
            : { version: '', labels: '', json: JSON.stringify({ tags: [], labels: {} }) }),
        // Every build's tags, not only the first's: what a later step pulls or deploys.
        tags: report.tags.join('\n'),
        digest: first?.digest ?? '',
        'image-id': first?.imageId ?? '',
        imageid: first?.imageId ?? '',
        metadata: JSON.stringify(metadata),
        images: JSON.stringify(report.images.map((i) => ({ build: i.build, ref: i.ref, digest: i.digest, tags: i.tags, pushed: i.pushed }))),
        pushed: report.push.status === 'pushed',
    };
}
function annotationsOf(r, report) {
    const out = r.policy.flatMap(policyAnnotations);
    for (const b of report.builds.filter((x) => x.status === 'failed'))
        out.push({
            level: 'error',
            title: `docker build ${b.name} failed`,
            message: b.error ?? 'the build failed',
            file: b.file,
        });
    // A warning only in the report is one nobody reads: a tag rule that could not apply, no tag at all.
    for (const message of r.warnings)
        out.push({ level: 'warning', title: 'docker', message });
    return out;
}
/** Report, outputs, summary, comment section, annotations and terminal text of one run, built once. */
function buildDockerOutcome(r, run) {
    const builds = buildsReport(r);
    const partial = {
        schemaVersion: types/* REPORT_SCHEMA_VERSION */.W,
        stage: 'docker',
        startedAt: r.startedAt.toISOString(),
        finishedAt: r.finishedAt.toISOString(),
        durationMs: Math.max(0, r.finishedAt.getTime() - r.startedAt.getTime()),
        run,
        gates: r.gates,
        warnings: r.warnings,
        mode: r.options.mode,
        builder: r.engine
            ? { kind: r.engine.kind, version: r.engine.version, ...(r.engine.driver ? { driver: r.engine.driver } : {}) }
            : null,
        version: r.metas[0]?.version ?? '',
        tags: builds.flatMap((b) => b.tags),
        labels: r.metas[0]?.labels ?? {},
        builds,
        images: imagesReport(r),
        policy: policyReport(r.policy),
        scan: scanReport(r),
        push: pushReport(r),
    };
    const status = (0,build/* statusOf */.c2)(r.gates, r.warnings);
    const summary = headlineOf(r, { ...partial, status });
    const report = { ...partial, status, summary };
    return {
        report,
        outputs: outputsOf(report, r),
        summary: dockerSummary(report),
        comment: dockerComment(report),
        annotations: annotationsOf(r, report),
        text: dockerText(report),
    };
}

// EXTERNAL MODULE: ./node_modules/dockerfile-ast/lib/main.js
var main = __webpack_require__(78390);
;// CONCATENATED MODULE: ./src/stages/docker/policy/dockerfile-model.ts


/** 1-based line of an instruction or comment, for findings and annotations. */
const lineOf = (node) => node.getRange().start.line + 1;
/**
 * Parses with dockerfile-ast (the parser behind the Dockerfile language server) and groups instructions
 * by stage. Base images are resolved with the ARGs declared before the first FROM — the only variables
 * Docker allows in FROM — from their defaults, overridden by `buildArgs` (what `--build-arg` will pass).
 * A `target` that names no stage is the user's mistake, found here as `docker build` would find it.
 */
function parseDockerfile(text, file, buildArgs = {}, target) {
    const dockerfile = main.DockerfileParser.parse(text);
    const lines = text.split(/\r?\n/);
    const froms = dockerfile.getFROMs();
    if (froms.length === 0) {
        throw new errors/* UserError */.yo('the Dockerfile has no FROM instruction', { input: 'file', file, line: 1 });
    }
    const globals = new Map();
    for (const arg of dockerfile.getInitialARGs()) {
        const property = arg.getProperty();
        if (!property)
            continue;
        const name = property.getName();
        globals.set(name, buildArgs[name] ?? property.getValue() ?? undefined);
    }
    const stages = [];
    const instructions = dockerfile.getInstructions();
    for (const [index, from] of froms.entries()) {
        const written = from.getImage() ?? '';
        const { value, unresolved } = substitute(lines, from, written, (name) => globals.get(name));
        const name = from.getBuildStage()?.toLowerCase();
        const startLine = from.getRange().start.line;
        const next = froms[index + 1]?.getRange().start.line ?? Number.POSITIVE_INFINITY;
        const image = unresolved.length === 0 ? value : undefined;
        const parent = image === undefined ? undefined : stages.find((s) => s.name !== undefined && s.name === image.toLowerCase());
        stages.push({
            index,
            name,
            from,
            line: startLine + 1,
            written,
            image,
            unresolved,
            parent,
            instructions: instructions.filter((i) => {
                const l = i.getRange().start.line;
                return l > startLine && l < next;
            }),
        });
    }
    return { file, dockerfile, lines, stages, built: builtStage(stages, file, target), targeted: target !== undefined };
}
function builtStage(stages, file, target) {
    const last = stages.at(-1); // parseDockerfile has thrown when there is no FROM
    if (!target)
        return last;
    // Docker compares stage names without case, as it stores them lowercased.
    const found = stages.find((s) => s.name === target.name.toLowerCase());
    if (found)
        return found;
    const names = stages.flatMap((s) => (s.name ? [s.name] : []));
    throw new errors/* UserError */.yo(`target stage '${target.name}' could not be found (the Dockerfile's named stages: ${names.join(', ') || 'none'})`, { input: target.input, file });
}
/**
 * COPY's `--from` value. Not `Copy.getFromFlag()`: that returns the flag only when it is the sole one, so
 * `COPY --from=build --chown=app …` would read as a copy from the context.
 */
const copyFrom = (copy) => copy
    .getFlags()
    .find((f) => f.getName() === 'from')
    ?.getValue() ?? undefined;
/**
 * The stage a `--from` of an instruction in `stage` names: an earlier stage by name (without case) or by
 * index (`--from=0`). Anything else (`busybox:1.36`, a later stage, which Docker refuses) is not a stage.
 */
function earlierStage(model, stage, from) {
    if (!from)
        return undefined;
    const earlier = model.stages.slice(0, stage.index);
    if (/^\d+$/.test(from))
        return earlier[Number(from)];
    return earlier.find((s) => s.name === from.toLowerCase());
}
/** The stages an instruction reads from: `COPY --from=<stage|index>`, `RUN --mount=…,from=<stage>`. */
function stageSources(model, stage, instruction) {
    if (instruction instanceof main.Copy) {
        const source = earlierStage(model, stage, copyFrom(instruction));
        return source ? [source] : [];
    }
    if (instruction instanceof main.Run) {
        return instruction
            .getFlags()
            .filter((f) => f.getName() === 'mount')
            .flatMap((f) => {
            const from = f.getOption('from')?.getValue();
            // BuildKit looks a mount's from= up by stage name only: a number there is an image reference.
            const source = from && !/^\d+$/.test(from) ? earlierStage(model, stage, from) : undefined;
            return source ? [source] : [];
        });
    }
    return [];
}
/**
 * The stages `docker build` runs: the target (else the last stage) and every stage it needs — the stage
 * its FROM names, the stages its COPY --from and RUN --mount from= read — and theirs, in file order.
 * BuildKit (and Podman, which skips unused stages) never build the others: a stage after the target, or
 * one nothing built reads from.
 */
function builtStages(model) {
    const needed = new Set([model.built]);
    // A Set's iteration visits what is added during it, once each: every stage needed is expanded.
    for (const stage of needed) {
        if (stage.parent)
            needed.add(stage.parent);
        for (const instruction of stage.instructions) {
            for (const source of stageSources(model, stage, instruction))
                needed.add(source);
        }
    }
    return model.stages.filter((s) => needed.has(s));
}
/**
 * The stage that ships — the target, else the last — and the stages it starts from (`FROM build AS final`
 * → build, final), root first. Stages after the target (a `test` stage) are not in the image.
 */
function finalChain(model) {
    const chain = [];
    for (let s = model.built; s && !chain.includes(s); s = s.parent)
        chain.unshift(s);
    return chain;
}
/**
 * `text` (an instruction's argument) with its variables replaced, using the parser's own reading of each
 * `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternative}`.
 */
function substitute(lines, instruction, text, lookup) {
    const unresolved = [];
    let value = text;
    // Right to left, so earlier offsets stay valid while later variables are replaced.
    const variables = instruction
        .getVariables()
        .filter((v) => text.includes(variableText(lines, v)))
        .sort((a, b) => b.getRange().start.character - a.getRange().start.character);
    for (const v of variables) {
        const raw = variableText(lines, v);
        const at = value.lastIndexOf(raw);
        if (at < 0)
            continue;
        const current = lookup(v.getName());
        const set = current !== undefined && current !== null && current !== '';
        let replacement;
        switch (v.getModifier()) {
            case '-':
                replacement = set ? current : (v.getSubstitutionParameter() ?? '');
                break;
            case '+':
                replacement = set ? (v.getSubstitutionParameter() ?? '') : '';
                break;
            case null:
                replacement = set ? current : undefined;
                break;
            default:
                replacement = undefined;
        }
        if (replacement === undefined) {
            unresolved.push(v.getName());
            continue;
        }
        value = value.slice(0, at) + replacement + value.slice(at + raw.length);
    }
    return { value, unresolved };
}
/** The characters of `${VAR…}` or `$VAR` as written, from the variable's range in the document. */
function variableText(lines, v) {
    const { start, end } = v.getRange();
    if (start.line === end.line)
        return (lines[start.line] ?? '').slice(start.character, end.character);
    const parts = [(lines[start.line] ?? '').slice(start.character)];
    for (let l = start.line + 1; l < end.line; l++)
        parts.push(lines[l] ?? '');
    parts.push((lines[end.line] ?? '').slice(0, end.character));
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./src/stages/docker/policy/base-images.ts

/** `registry:5000/ns/name:tag@sha256:…` split the way Docker reads a reference: the tag is after the last
 * `:` that comes after the last `/` (a registry port is not a tag). */
function splitReference(ref) {
    const at = ref.indexOf('@');
    const digest = at >= 0 ? ref.slice(at + 1) : undefined;
    const rest = at >= 0 ? ref.slice(0, at) : ref;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/'))
        return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
    return { name: rest, digest };
}
/**
 * Every FROM the build runs pins its base: a tag other than `latest`, or a digest. `scratch` and earlier
 * stages need nothing; a base from an ARG is judged by the ARG's default (or the build arg given). Only the
 * stages built are judged (the target, else the last stage, and the stages it needs): a stage after the
 * target or one nothing built reads from pulls no image.
 */
function baseImageFindings(model) {
    const findings = [];
    for (const stage of builtStages(model)) {
        if (stage.image === undefined) {
            findings.push({
                rule: 'pinned-base',
                line: stage.line,
                message: `FROM ${stage.written}: ${stage.unresolved.join(', ')} has no default, so the base image cannot be checked: give the ARG a pinned default`,
            });
            continue;
        }
        if (stage.parent || stage.image.toLowerCase() === 'scratch')
            continue;
        const { tag, digest } = splitReference(stage.image);
        const shown = stage.image === stage.written ? stage.image : `${stage.written} (= ${stage.image})`;
        if (digest)
            continue;
        if (tag === undefined || tag === '') {
            findings.push({
                rule: 'pinned-base',
                line: stage.line,
                message: `FROM ${shown} has no tag: it means latest; pin a version tag or a digest`,
            });
        }
        else if (tag === 'latest') {
            findings.push({
                rule: 'pinned-base',
                line: stage.line,
                message: `FROM ${shown} uses latest: pin a version tag or a digest`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/stages/docker/policy/final-stage.ts


/**
 * The rules about the image that ships — the target stage (the last one when no target is set), with what it
 * inherits from the stages it starts from (`FROM build AS final` keeps build's USER and HEALTHCHECK, as Docker
 * does).
 */
function finalStageFindings(model, opts) {
    const chain = finalChain(model);
    const final = chain.at(-1);
    if (!final)
        return [];
    const kind = model.targeted ? 'the target stage' : 'the final stage';
    const where = final.name ? `${kind} '${final.name}'` : kind;
    const findings = [];
    const copiesFromStage = chain.some((stage) => stage.instructions.some((i) => i instanceof main.Copy && earlierStage(model, stage, copyFrom(i)) !== undefined));
    if (model.stages.length < 2) {
        findings.push({
            rule: 'multi-stage',
            line: final.line,
            message: 'the Dockerfile has one stage: build in a first stage and COPY --from it into a small final stage',
        });
    }
    else if (!copiesFromStage) {
        findings.push({
            rule: 'multi-stage',
            line: final.line,
            message: `${where} copies nothing from a build stage (COPY --from=<stage>): whatever built the app ships with it`,
        });
    }
    findings.push(...userFindings(model, chain, final, where));
    if (!opts.orchestratorProbes) {
        const last = chain.flatMap((s) => s.instructions.filter((i) => i instanceof main.Healthcheck)).at(-1);
        const disabled = last?.getArguments()[0]?.getValue().toUpperCase() === 'NONE';
        if (!last || disabled) {
            findings.push({
                rule: 'healthcheck',
                line: last && disabled ? lineOf(last) : final.line,
                message: `${where} has ${disabled ? 'HEALTHCHECK NONE' : 'no HEALTHCHECK'}: add one, or set orchestrator-probes: true when the platform probes the container`,
            });
        }
    }
    return findings;
}
function userFindings(model, chain, final, where) {
    const last = chain.flatMap((s) => s.instructions.filter((i) => i instanceof main.User)).at(-1);
    if (!last) {
        return [
            {
                rule: 'non-root-user',
                line: final.line,
                message: `${where} sets no USER, so it runs as the base image's user (root unless the base says otherwise): add USER with a non-root user`,
            },
        ];
    }
    const written = last.getArgumentsContent() ?? '';
    const { value, unresolved } = substitute(model.lines, last, written, (name) => model.dockerfile.resolveVariable(name, last.getRange().start.line));
    if (unresolved.length > 0) {
        return [
            {
                rule: 'non-root-user',
                line: lineOf(last),
                message: `USER ${written} cannot be resolved here (${unresolved.join(', ')} has no value), so it may be root: give the ARG a default`,
            },
        ];
    }
    const user = value.trim().split(':')[0] ?? '';
    if (user === 'root' || /^0+$/.test(user)) {
        return [
            {
                rule: 'non-root-user',
                line: lineOf(last),
                message: `${where} runs as root (USER ${written}): switch to a non-root user`,
            },
        ];
    }
    return [];
}

// EXTERNAL MODULE: ./src/stages/docker/policy/rules.ts
var rules = __webpack_require__(72892);
;// CONCATENATED MODULE: ./src/stages/docker/policy/ignores.ts


const IGNORE = /^shipkit-ignore\s*:\s*(\S*)\s*(.*)$/;
/**
 * Applies `# shipkit-ignore: <rule> <reason>` comments: one in the run of comment lines right above the
 * line a finding is on skips that rule there, and the finding is kept as ignored with its reason (so the
 * report still shows it). An ignore with no reason or an unknown rule skips nothing and is a finding itself.
 */
function applyIgnores(raw, model, level) {
    const comments = commentLines(model);
    const ignores = new Map();
    const problems = [];
    for (const [line, text] of comments) {
        const m = IGNORE.exec(text);
        if (!m)
            continue;
        const rule = m[1] ?? '';
        const reason = (m[2] ?? '').trim();
        if (!(0,rules/* isPolicyRule */.Be)(rule) || rule === 'shipkit-ignore') {
            problems.push({
                rule: 'shipkit-ignore',
                line,
                message: `shipkit-ignore names ${rule ? `an unknown rule '${rule}'` : 'no rule'}: use one of ${Object.keys(rules/* POLICY_RULES */.b2)
                    .filter((r) => r !== 'shipkit-ignore')
                    .join(', ')}`,
            });
        }
        else if (reason === '') {
            problems.push({
                rule: 'shipkit-ignore',
                line,
                message: `shipkit-ignore: ${rule} gives no reason, so it skips nothing: say why the rule does not apply here`,
            });
        }
        else {
            ignores.set(line, { line, rule, reason });
        }
    }
    const out = raw.map((finding) => {
        let reason;
        for (let l = finding.line - 1; comments.has(l); l--) {
            const ignore = ignores.get(l);
            if (ignore?.rule === finding.rule) {
                reason = ignore.reason;
                break;
            }
        }
        return {
            ...finding,
            file: model.file,
            severity: (0,rules/* severityOf */.xJ)(finding.rule, level),
            ignored: reason !== undefined,
            ...(reason !== undefined ? { reason } : {}),
        };
    });
    for (const p of problems)
        out.push({ ...p, file: model.file, severity: (0,rules/* severityOf */.xJ)(p.rule, level), ignored: false });
    return out;
}
/**
 * Every comment line by 1-based line, with its text after `#`. dockerfile-ast reads any `# key=value` in the
 * lines at the top as a parser directive (BuildKit only takes `# name=value` with a plain name), so an ignore
 * there whose reason holds `=` is not among its comments: directives are read back from their raw lines.
 */
function commentLines(model) {
    const comments = new Map();
    for (const d of model.dockerfile.getDirectives()) {
        const line = lineOf(d);
        comments.set(line, (model.lines[line - 1] ?? '').replace(/^\s*#/, '').trim());
    }
    for (const c of model.dockerfile.getComments())
        comments.set(lineOf(c), (c.getContent() ?? '').trim());
    return new Map([...comments].sort(([a], [b]) => a - b));
}

// EXTERNAL MODULE: ./node_modules/shell-quote/index.js
var shell_quote = __webpack_require__(26591);
;// CONCATENATED MODULE: ./src/stages/docker/policy/shell-commands.ts

const SEPARATORS = new Set(['&&', '||', ';', '|', '&', '(', ')', ';;', '|&']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** Words that run the next word as the command. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'nice', 'nohup', 'time', 'command']);
const MAX_DEPTH = 3;
/**
 * The simple commands of a shell script, tokenised with shell-quote (quotes, escapes, operators), split at
 * `&&`, `||`, `;`, `|` and `&`. `sh -c '…'` scripts are read too, so `bash -c "apt-get update"` counts.
 * Variables stay as written (`$HOME`), since their values are not known here.
 */
function shellCommands(script, depth = 0) {
    const out = [];
    for (const line of script.split(/\r?\n/)) {
        let words = [];
        const flush = () => {
            const command = toCommand(words);
            if (command) {
                out.push(command);
                const inner = command.args.indexOf('-c');
                if (SHELLS.has(command.name) && inner >= 0 && depth < MAX_DEPTH) {
                    out.push(...shellCommands(command.args[inner + 1] ?? '', depth + 1));
                }
            }
            words = [];
        };
        for (const entry of (0,shell_quote.parse)(line, (key) => `$${key}`)) {
            const word = wordOf(entry);
            if (word === undefined)
                flush();
            else if (word !== '')
                words.push(word);
        }
        flush();
    }
    return out;
}
/** A word, '' for tokens that are neither words nor separators (redirections), undefined for a separator. */
function wordOf(entry) {
    if (typeof entry === 'string')
        return entry;
    if ('comment' in entry)
        return '';
    if ('op' in entry) {
        if (entry.op === 'glob')
            return entry.pattern;
        return SEPARATORS.has(entry.op) ? undefined : '';
    }
    return '';
}
function toCommand(words) {
    const assignments = [];
    let i = 0;
    while (i < words.length) {
        const w = words[i] ?? '';
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w))
            assignments.push(w);
        else if (WRAPPERS.has(w) || (w.startsWith('-') && i > 0 && WRAPPERS.has(words[i - 1] ?? ''))) {
            // `sudo -E apt-get`, `env -i pip`: skip the wrapper and its options.
        }
        else
            break;
        i++;
    }
    const program = words[i];
    if (program === undefined)
        return undefined;
    return { name: program.slice(program.lastIndexOf('/') + 1), args: words.slice(i + 1), assignments };
}
/** The arguments that are not options (`-y`, `--no-cache`), for matching subcommands like `install`. */
const operands = (c) => c.args.filter((a) => !a.startsWith('-'));
const hasFlag = (c, ...flags) => c.args.some((a) => flags.includes(a.split('=')[0] ?? a));

;// CONCATENATED MODULE: ./src/stages/docker/policy/package-cache.ts



const TRUTHY = new Set(['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']);
const removes = (commands, fragment) => commands.some((c) => c.name === 'rm' && c.args.some((a) => a.includes(fragment)));
const runs = (commands, name, ...sub) => commands.some((c) => c.name === name && sub.every((s, i) => operands(c)[i] === s));
const first = (c) => operands(c)[0];
/** The package managers whose caches end up in a layer, and how each is kept out (hadolint's rules noted). */
const MANAGERS = [
    {
        // DL3009: apt-get update without removing the lists.
        name: 'apt',
        fills: (c) => (c.name === 'apt-get' || c.name === 'apt') && first(c) === 'update',
        cleans: (cs) => removes(cs, '/var/lib/apt/lists'),
        mounts: ['/var/lib/apt'],
        fix: 'end the RUN with `rm -rf /var/lib/apt/lists/*`',
    },
    {
        // DL3019: apk add without --no-cache.
        name: 'apk',
        fills: (c) => c.name === 'apk' && first(c) === 'add',
        cleans: (cs, c) => hasFlag(c, '--no-cache') || removes(cs, '/var/cache/apk'),
        mounts: ['/var/cache/apk', '/etc/apk/cache'],
        fix: 'use `apk add --no-cache`',
    },
    {
        // DL3042: pip install without --no-cache-dir (PIP_NO_CACHE_DIR set truthy counts, as in hadolint).
        name: 'pip',
        fills: (c) => (/^pip[0-9.]*$/.test(c.name) && first(c) === 'install') ||
            (/^python[0-9.]*$/.test(c.name) && c.args[0] === '-m' && c.args[1] === 'pip' && c.args.includes('install')),
        cleans: (cs, c, env) => hasFlag(c, '--no-cache-dir') ||
            c.assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR=') && TRUTHY.has(a.slice('PIP_NO_CACHE_DIR='.length))) ||
            TRUTHY.has(env.get('PIP_NO_CACHE_DIR') ?? '') ||
            runs(cs, 'pip', 'cache', 'purge') ||
            removes(cs, '.cache/pip'),
        mounts: ['.cache/pip'],
        fix: 'use `pip install --no-cache-dir`',
    },
    {
        name: 'npm',
        fills: (c) => c.name === 'npm' && ['install', 'i', 'ci', 'add'].includes(first(c) ?? ''),
        cleans: (cs) => runs(cs, 'npm', 'cache', 'clean') || removes(cs, '.npm'),
        mounts: ['.npm'],
        fix: 'end the RUN with `npm cache clean --force`',
    },
    {
        // DL3060: yarn install without yarn cache clean.
        name: 'yarn',
        fills: (c) => c.name === 'yarn' && ['install', 'add'].includes(first(c) ?? ''),
        cleans: (cs) => runs(cs, 'yarn', 'cache', 'clean') || removes(cs, '.cache/yarn'),
        mounts: ['yarn'],
        fix: 'end the RUN with `yarn cache clean`',
    },
    ...['yum', 'dnf', 'microdnf'].map(
    // DL3032 (yum) and DL3040 (dnf): install without `clean all`.
    (name) => ({
        name,
        fills: (c) => c.name === name && first(c) === 'install',
        cleans: (cs) => runs(cs, name, 'clean', 'all') || removes(cs, `/var/cache/${name === 'yum' ? 'yum' : 'dnf'}`),
        mounts: [`/var/cache/${name === 'yum' ? 'yum' : 'dnf'}`],
        fix: `end the RUN with \`${name} clean all\``,
    })),
    {
        // DL3036: zypper install without zypper clean.
        name: 'zypper',
        fills: (c) => c.name === 'zypper' && ['install', 'in'].includes(first(c) ?? ''),
        cleans: (cs) => runs(cs, 'zypper', 'clean') || runs(cs, 'zypper', 'cc') || removes(cs, '/var/cache/zypp'),
        mounts: ['/var/cache/zypp'],
        fix: 'end the RUN with `zypper clean`',
    },
];
/**
 * Caches matter only in layers that ship: the final stage and the stages it starts from. A build stage
 * whose files are copied out selectively may keep its caches (as hadolint's DL3009 also decides).
 */
function packageCacheFindings(model) {
    const findings = [];
    const env = new Map();
    for (const stage of finalChain(model)) {
        for (const instruction of stage.instructions) {
            if (instruction instanceof main.Env) {
                for (const p of instruction.getProperties())
                    env.set(p.getName(), p.getValue() ?? '');
            }
            if (!(instruction instanceof main.Run))
                continue;
            const run = instruction;
            const commands = runCommands(model, run);
            const mounts = cacheMountTargets(run);
            for (const manager of MANAGERS) {
                const filler = commands.find(manager.fills);
                if (!filler)
                    continue;
                if (mounts.some((t) => manager.mounts.some((m) => t.includes(m))))
                    continue;
                if (manager.cleans(commands, filler, env))
                    continue;
                findings.push({
                    rule: 'package-cache',
                    line: lineOf(run),
                    message: `\`${[filler.name, ...filler.args].join(' ')}\` leaves the ${manager.name} cache in the image: ${manager.fix} (or use a cache mount)`,
                });
            }
        }
    }
    return findings;
}
/** The commands a RUN executes: its shell script, its exec-form array, or its here-documents. */
function runCommands(model, run) {
    const heredocs = run.getHeredocs();
    if (heredocs.length > 0) {
        return heredocs.flatMap((h) => {
            const range = h.getContentRange();
            return range ? shellCommands(model.lines.slice(range.start.line, range.end.line + 1).join('\n')) : [];
        });
    }
    const text = run.getArgumentsContent() ?? '';
    if (text.trimStart().startsWith('[')) {
        try {
            const argv = JSON.parse(text);
            if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) {
                const [program = '', ...args] = argv;
                return [{ name: program.slice(program.lastIndexOf('/') + 1), args, assignments: [] }];
            }
        }
        catch {
            // Not JSON: Docker runs it with the shell, and so it is read here.
        }
    }
    return shellCommands(text);
}
function cacheMountTargets(run) {
    return run
        .getFlags()
        .filter((f) => f.getName() === 'mount' && f.getOption('type')?.getValue() === 'cache')
        .map((f) => f.getOption('target')?.getValue() ??
        f.getOption('dst')?.getValue() ??
        f.getOption('destination')?.getValue() ??
        '');
}

;// CONCATENATED MODULE: ./src/stages/docker/policy/secrets.ts


/**
 * BuildKit's SecretsUsedInArgOrEnv check: a name whose first or last `_`-separated word (or the whole
 * name) is one of these, unless it also says `public`.
 */
const SECRET_NAME = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const PUBLIC_NAME = /(?:_|^)public(?:_|$)/i;
/** Values that are secrets whatever they are called: well-known token formats. */
const SECRET_VALUES = [
    { what: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
    { what: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
    { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
    { what: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
    { what: 'a Stripe live key', pattern: /\b(?:sk|rk)_live_[0-9a-zA-Z]{24,}\b/ },
    { what: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
    { what: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
    // scheme://user:password@host, unless the password is a variable ($DB_PASSWORD) filled in at run time.
    { what: 'a URL with a password', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/]+:(?!\$)[^\s@/]+@/i },
];
const looksSecretName = (name) => SECRET_NAME.test(name) && !PUBLIC_NAME.test(name);
function secretValueKind(value) {
    return SECRET_VALUES.find((s) => s.pattern.test(value))?.what;
}
/**
 * ENV and ARG values stay in the image's config and history, where anyone who can pull it reads them.
 * Messages name the variable, never its value.
 */
function secretFindings(model) {
    const findings = [];
    for (const instruction of model.dockerfile.getInstructions()) {
        if (!(instruction instanceof main.Env) && !(instruction instanceof main.Arg))
            continue;
        const keyword = instruction.getKeyword();
        for (const property of instruction.getProperties()) {
            const name = property.getName();
            const kind = secretValueKind(property.getValue() ?? '');
            if (kind) {
                findings.push({
                    rule: 'no-secrets',
                    line: lineOf(instruction),
                    message: `${keyword} ${name} holds what looks like ${kind}: it stays in the image; pass it as a build secret (RUN --mount=type=secret) and rotate it`,
                });
            }
            else if (looksSecretName(name)) {
                findings.push({
                    rule: 'no-secrets',
                    line: lineOf(instruction),
                    message: `${keyword} ${name} looks like a secret: ${keyword} values stay in the image; pass it as a build secret (RUN --mount=type=secret)`,
                });
            }
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/stages/docker/policy/sources.ts


/** The sources of a COPY or ADD (every argument but the destination), JSON form or not. */
function sources(instruction) {
    const json = instruction.getJSONStrings();
    const args = json.length > 0 ? json.map((a) => a.getJSONValue()) : instruction.getArguments().map((a) => a.getValue());
    return args.slice(0, -1);
}
const isUrl = (source) => /^[a-z][a-z0-9+.-]*:\/\//i.test(source) || /^git@[^:]+:/.test(source);
const isWholeContext = (source) => source === '.' || source === './';
/**
 * ADD of a URL fetches whatever the server returns at build time, unpinned and unchecked (and keeps it in a
 * layer); COPY of the whole context without a .dockerignore ships .git, .env files and local builds.
 */
function sourceFindings(model, opts) {
    const findings = [];
    for (const instruction of model.dockerfile.getInstructions()) {
        if (instruction instanceof main.Add) {
            for (const url of sources(instruction).filter(isUrl)) {
                findings.push({
                    rule: 'no-add-url',
                    line: lineOf(instruction),
                    message: `ADD ${url} downloads whatever the server returns at build time: fetch it in a RUN and verify its checksum, or COPY it from a stage`,
                });
            }
        }
        const copiesContext = (instruction instanceof main.Copy && copyFrom(instruction) === undefined) || instruction instanceof main.Add
            ? sources(instruction).some(isWholeContext)
            : false;
        if (copiesContext && !opts.hasDockerignore) {
            findings.push({
                rule: 'dockerignore',
                line: lineOf(instruction),
                message: `${instruction.getKeyword()} . copies the whole build context and there is no .dockerignore: add one (at least .git, .env*, node_modules, build output)`,
            });
        }
    }
    return findings;
}

;// CONCATENATED MODULE: ./src/stages/docker/policy/check.ts











/** Checks one Dockerfile's text. `hasDockerignore`: whether the build context has a .dockerignore for it. */
function checkDockerfile(text, file, options, context) {
    if (options.level === 'off') {
        return { level: 'off', file, findings: [], errors: 0, warnings: 0, ignored: 0, passed: true };
    }
    const target = options.target ? { name: options.target, input: options.targetInput ?? 'target' } : undefined;
    const model = parseDockerfile(text, file, options.buildArgs, target);
    const raw = [
        ...baseImageFindings(model),
        ...finalStageFindings(model, { orchestratorProbes: options.orchestratorProbes }),
        ...secretFindings(model),
        ...sourceFindings(model, context),
        ...packageCacheFindings(model),
    ];
    const findings = applyIgnores(raw, model, options.level).sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
    const live = findings.filter((f) => !f.ignored);
    const errors = live.filter((f) => f.severity === 'error').length;
    return {
        level: options.level,
        file,
        findings,
        errors,
        warnings: live.length - errors,
        ignored: findings.length - live.length,
        passed: errors === 0,
    };
}
/**
 * Reads and checks a Dockerfile. `file` is how the user names it (shown in findings); `contextDir` is the
 * build context, where BuildKit looks for `.dockerignore` (or `<Dockerfile name>.dockerignore` beside the
 * Dockerfile, which BuildKit prefers).
 */
async function checkDockerfileAt(opts, options) {
    let text;
    try {
        text = await (0,promises_.readFile)(opts.path, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* UserError */.yo(code === 'ENOENT' ? 'the Dockerfile does not exist' : `cannot read the Dockerfile (${code ?? 'error'})`, {
            input: opts.input ?? 'file',
            file: opts.file,
        });
    }
    const hasDockerignore = (0,external_node_fs_.existsSync)(external_node_path_default().join(opts.contextDir, '.dockerignore')) || (0,external_node_fs_.existsSync)(`${opts.path}.dockerignore`);
    return checkDockerfile(text, opts.file, options, { hasDockerignore });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/stages/docker/registry/client.ts


/** Every manifest form a registry may hold for a tag, most capable first (as docker/buildx asks). */
const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const INDEX_TYPES = new Set([
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
]);
/** A registry that answered with an error, or could not be reached: the caller decides what it costs. */
class RegistryError extends Error {
    status;
    constructor(message, status, options) {
        super(message, options);
        this.status = status;
        this.name = 'RegistryError';
    }
}
const REQUEST_TIMEOUT_MS = 30_000;
/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters (RFC 7235 auth-params, quoted or not). */
function parseChallenge(header) {
    const m = /^\s*(\S+)\s*(.*)$/.exec(header);
    const params = {};
    const re = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const p of (m?.[2] ?? '').matchAll(re))
        params[(p[1] ?? '').toLowerCase()] = p[2] ?? p[3] ?? '';
    return { scheme: (m?.[1] ?? '').toLowerCase(), params };
}
const basic = (c) => `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`;
/**
 * Reads manifests and blobs of one repository over the Registry HTTP API (OCI distribution spec): the
 * token dance of Docker Hub, GHCR and distribution (a 401 names a Bearer realm; a token is fetched with
 * the credentials, if any, for `repository:<name>:pull`), or Basic auth; HTTPS, with plain HTTP for
 * registries Docker would also reach that way.
 */
class RegistryClient {
    ref;
    options;
    authorization;
    base;
    constructor(ref, options = {}) {
        this.ref = ref;
        this.options = options;
    }
    signal() {
        const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
        return this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    }
    async origin() {
        if (this.base)
            return this.base;
        const host = apiHost(this.ref.registry);
        try {
            await fetch(`https://${host}/v2/`, { signal: this.signal() }).then((r) => r.body?.cancel());
            this.base = `https://${host}`;
        }
        catch (error) {
            if (!mayUseHttp(this.ref.registry, this.options.insecureRegistries ?? []))
                throw error;
            this.base = `http://${host}`;
        }
        return this.base;
    }
    async get(pathname, accept) {
        const url = `${await this.origin()}/v2/${this.ref.repository}/${pathname}`;
        const headers = () => ({
            ...(accept ? { Accept: accept } : {}),
            ...(this.authorization ? { Authorization: this.authorization } : {}),
        });
        let response = await fetch(url, { headers: headers(), signal: this.signal() });
        if (response.status === 401) {
            const challenge = response.headers.get('www-authenticate');
            await response.body?.cancel();
            if (!challenge)
                throw new RegistryError(`${this.ref.registry} answered 401 without a challenge`, 401);
            this.authorization = await this.authorize(challenge);
            response = await fetch(url, { headers: headers(), signal: this.signal() });
        }
        return response;
    }
    async authorize(header) {
        const { scheme, params } = parseChallenge(header);
        const credentials = this.options.credentials;
        if (scheme === 'basic') {
            if (!credentials)
                throw new RegistryError(`${this.ref.registry} asks for a user and password`, 401);
            return basic(credentials);
        }
        if (scheme !== 'bearer' || !params.realm) {
            throw new RegistryError(`${this.ref.registry} asks for an authentication scheme shipkit does not speak`, 401);
        }
        const url = new URL(params.realm);
        if (params.service)
            url.searchParams.set('service', params.service);
        url.searchParams.set('scope', `repository:${this.ref.repository}:pull`);
        const response = await fetch(url, {
            headers: credentials ? { Authorization: basic(credentials) } : {},
            signal: this.signal(),
        });
        if (!response.ok) {
            await response.body?.cancel();
            throw new RegistryError(`the token service of ${this.ref.registry} answered ${response.status}`, response.status);
        }
        const body = (await response.json());
        const token = body.token ?? body.access_token;
        if (!token)
            throw new RegistryError(`the token service of ${this.ref.registry} gave no token`);
        return `Bearer ${token}`;
    }
    /**
     * The manifest a tag or digest names, and its digest: the registry's `Docker-Content-Digest`, else the
     * sha256 of the bytes it sent (the digest is of the exact bytes, never of re-serialised JSON).
     */
    async manifest(reference) {
        const response = await this.get(`manifests/${reference}`, MANIFEST_ACCEPT);
        if (!response.ok) {
            await response.body?.cancel();
            throw new RegistryError(`${this.ref.registry}/${this.ref.repository}:${reference}: the registry answered ${response.status}`, response.status);
        }
        const bytes = Buffer.from(await response.arrayBuffer());
        const digest = response.headers.get('docker-content-digest') ?? `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
        const doc = JSON.parse(bytes.toString('utf8'));
        const mediaType = doc.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? '';
        return { digest, mediaType, doc };
    }
    async blobJson(digest) {
        const response = await this.get(`blobs/${digest}`);
        if (!response.ok) {
            await response.body?.cancel();
            throw new RegistryError(`blob ${digest}: the registry answered ${response.status}`, response.status);
        }
        return (await response.json());
    }
}
const isIndex = (m) => INDEX_TYPES.has(m.mediaType) || Array.isArray(m.doc.manifests);
/** BuildKit stores attestations (SBOM, provenance) as extra manifests of the index, platform unknown/unknown. */
const isAttestation = (d) => d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (d.platform?.os === 'unknown' && d.platform.architecture === 'unknown');
const client_platformOf = (p) => p ? [p.os ?? 'unknown', p.architecture ?? 'unknown', ...(p.variant ? [p.variant] : [])].join('/') : 'unknown';

;// CONCATENATED MODULE: ./src/stages/docker/registry/remote-image.ts

const configPlatform = (c) => [c.os ?? 'unknown', c.architecture ?? 'unknown', ...(c.variant ? [c.variant] : [])].join('/');
async function platformImage(client, manifest, platform) {
    const config = manifest.doc.config;
    if (!config)
        throw new Error(`manifest ${manifest.digest} has no config`);
    const json = await client.blobJson(config.digest);
    return {
        platform: platform ?? configPlatform(json),
        digest: manifest.digest,
        configDigest: config.digest,
        compressedSize: config.size + (manifest.doc.layers ?? []).reduce((sum, l) => sum + l.size, 0),
        diffIds: json.rootfs?.diff_ids ?? [],
    };
}
/**
 * What a pushed tag is in the registry: its digest (from the registry, not from the pusher's word), and
 * per platform the manifest, config, compressed size and layer diff ids. Attestation manifests are skipped.
 */
async function inspectRemote(client, reference) {
    const top = await client.manifest(reference);
    if (!isIndex(top))
        return { digest: top.digest, platforms: [await platformImage(client, top)] };
    const platforms = [];
    for (const d of (top.doc.manifests ?? []).filter((m) => !isAttestation(m)).slice(0, 64)) {
        platforms.push(await platformImage(client, await client.manifest(d.digest), d.platform ? client_platformOf(d.platform) : undefined));
    }
    return { digest: top.digest, platforms };
}

;// CONCATENATED MODULE: ./src/stages/docker/push-step.ts









/**
 * buildx pushes by building again from BuildKit's cache with `--push`, so the attestations (SBOM,
 * provenance) go with the image; retried as a whole on a failure another attempt may fix.
 */
async function buildxPush(engine, built, options, ctx, engineCtx) {
    const files = {
        ...built.files,
        metadataFile: external_node_path_default().join(engineCtx.tempDir, `${external_node_path_default().basename(built.files.metadataFile)}.push`),
    };
    const command = buildCommand(engine, built.spec, options, { tags: built.meta.tags, labels: built.meta.labels }, { context: external_node_path_default().resolve(ctx.cwd, built.spec.context), file: external_node_path_default().resolve(ctx.cwd, built.spec.file) }, files, 'push');
    let error = '';
    for (let attempt = 1; attempt <= options.pushRetries + 1; attempt++) {
        const run = await ctx.logger.group(`Push ${built.spec.name} (buildx, attempt ${attempt})`, () => runBuild(command, files, engineCtx));
        if (run.ok) {
            const digest = metadataDigest(run.metadata);
            return {
                results: built.meta.tags.map((tag) => ({ tag, ok: true, attempts: attempt, ...(digest ? { digest } : {}) })),
                ...(digest ? { digest } : {}),
                ...(run.metadata ? { metadata: run.metadata } : {}),
            };
        }
        error = run.error ?? 'the push build failed';
        if (ctx.signal.aborted || /denied|unauthorized|forbidden/i.test(error) || attempt > options.pushRetries)
            break;
        await (0,external_node_timers_promises_.setTimeout)(Math.min(30_000, 2000 * 2 ** (attempt - 1)), undefined, { signal: ctx.signal }).catch(() => undefined);
    }
    return { results: built.meta.tags.map((tag) => ({ tag, ok: false, attempts: options.pushRetries + 1, error })) };
}
/**
 * Pushes every tag of one built image, then reads the image back from the registry: the digest output
 * is what the registry serves (its Docker-Content-Digest, else the sha256 of the manifest bytes), each
 * platform's compressed size is measured there, and its layers are compared with the ones scanned.
 */
async function pushBuilt(engine, built, options, ctx, engineCtx, credentialsFor) {
    let results;
    let builderDigest;
    let metadata;
    if (engine.kind === 'buildx') {
        const pushed = await buildxPush(engine, built, options, ctx, engineCtx);
        results = pushed.results;
        builderDigest = pushed.digest;
        metadata = pushed.metadata;
    }
    else {
        results = [];
        for (const tag of built.meta.tags) {
            const r = await ctx.logger.group(`Push ${tag}`, () => pushTag(engine, tag, options.pushRetries, engineCtx));
            results.push(r);
            if (r.ok)
                ctx.logger.info(`Pushed ${tag}${r.digest ? ` (${r.digest})` : ''} after ${r.attempts} attempt(s)`);
            else
                ctx.logger.error(`Push of ${tag} failed after ${r.attempts} attempt(s): ${r.error ?? ''}`);
        }
    }
    const out = {
        tags: results,
        ok: results.length > 0 && results.every((r) => r.ok),
        verified: null,
        problems: [],
        ...(metadata ? { metadata } : {}),
    };
    if (!out.ok)
        return out;
    const pusherDigest = builderDigest ?? results.find((r) => r.digest)?.digest;
    const first = parseReference(built.meta.tags[0] ?? '');
    try {
        const client = new RegistryClient(first, {
            credentials: await credentialsFor(first.registry),
            insecureRegistries: options.insecureRegistries,
            signal: ctx.signal,
        });
        const remote = await inspectRemote(client, first.tag ?? 'latest');
        out.remote = remote;
        out.digest = remote.digest;
        out.digestSource = 'registry';
        if (pusherDigest && pusherDigest !== remote.digest)
            out.problems.push(`the push reported ${pusherDigest} but the registry serves ${remote.digest} for ${built.meta.tags[0]}`);
        out.verified = sameLayers(built, remote, out.problems);
    }
    catch (error) {
        out.problems.push(`could not read ${built.meta.tags[0]} back from the registry: ${(0,errors/* errorMessage */.gJ)(error)}`);
        if (pusherDigest) {
            out.digest = pusherDigest;
            out.digestSource = builderDigest ? 'builder' : 'pusher';
        }
    }
    return out;
}
/** Each scanned platform is in the registry with the same layers (diff ids), whatever their compression. */
function sameLayers(built, remote, problems) {
    if (built.platforms.length === 0)
        return null;
    let same = true;
    for (const scanned of built.platforms) {
        const pushed = remote.platforms.find((p) => p.platform === scanned.platform);
        if (!pushed) {
            problems.push(`${built.spec.name}: ${scanned.platform} was scanned but is not in the pushed image`);
            same = false;
        }
        else if (pushed.diffIds.join() !== scanned.diffIds.join()) {
            problems.push(`${built.spec.name}: the pushed ${scanned.platform} image has other layers than the scanned one`);
            same = false;
        }
    }
    return same;
}

// EXTERNAL MODULE: ./src/stages/test-stage/paths/repo-files.ts
var repo_files = __webpack_require__(88015);
;// CONCATENATED MODULE: ./src/stages/docker/repo-paths.ts



/**
 * Where the repository starts, which is where GitHub resolves an annotation's path from: git's top level
 * (a checkout into a `path:` is its own root), else GITHUB_WORKSPACE when it holds `cwd`, else `cwd`.
 */
async function repositoryRoot(cwd, env) {
    const top = await (0,repo_files/* gitToplevel */.w)(cwd);
    if (top)
        return top;
    const workspace = env.GITHUB_WORKSPACE;
    if (workspace && !external_node_path_default().relative(workspace, cwd).startsWith('..'))
        return workspace;
    return cwd;
}
/**
 * Names a path the user wrote relative to `cwd` (the working directory) from the repository root, with
 * `/`: `Dockerfile` in `services/api` is `services/api/Dockerfile`. git reports the root with symlinks
 * resolved, so `cwd` is resolved too; a path outside the repository stays relative to `cwd`.
 */
async function pathNamer(cwd, root) {
    const realCwd = await (0,promises_.realpath)(cwd).catch(() => cwd);
    const realRoot = await (0,promises_.realpath)(root).catch(() => root);
    return (p) => {
        const fromRoot = external_node_path_default().relative(realRoot, external_node_path_default().resolve(realCwd, p));
        const rel = fromRoot.startsWith('..') || external_node_path_default().isAbsolute(fromRoot) ? external_node_path_default().relative(cwd, external_node_path_default().resolve(cwd, p)) : fromRoot;
        return rel.split((external_node_path_default()).sep).join('/') || '.';
    };
}

// EXTERNAL MODULE: ./src/stages/scan/gates.ts
var gates = __webpack_require__(9873);
// EXTERNAL MODULE: ./src/stages/scan/ignore-rules.ts
var ignore_rules = __webpack_require__(54221);
// EXTERNAL MODULE: ./src/stages/scan/ingest/trivy.ts
var ingest_trivy = __webpack_require__(50694);
// EXTERNAL MODULE: ./src/stages/scan/merge.ts + 1 modules
var merge = __webpack_require__(98953);
// EXTERNAL MODULE: ./src/stages/scan/model.ts
var model = __webpack_require__(61016);
;// CONCATENATED MODULE: ./src/stages/docker/scan-image.ts





/** Loaded on first use, as the scan stage does: a dry run never loads Trivy's code. */
async function defaultTrivyRunner() {
    return (await __webpack_require__.e(/* import() */ 470).then(__webpack_require__.bind(__webpack_require__, 59470))).runTrivy;
}
/** The ignore files are the scan stage's (`.shipkit/scan-ignore.yml`, `.trivyignore`, `.trivyignore.yaml`). */
function scanIgnores(cwd, settings) {
    return (0,ignore_rules/* loadIgnoreRules */.ej)(cwd, { ignoreFile: settings.ignoreFile, explicit: settings.ignoreFileExplicit });
}
/**
 * Scans a built image's archive with the scan stage's engine: Trivy `image --input` (vulnerabilities and
 * secrets in the layers), its JSON read into the one findings model and merged. Nothing is pushed before
 * every image has been scanned and judged (judgeScans).
 */
async function scanImageArchive(archive, image, settings, ctx, trivy) {
    const ran = await trivy({ command: 'image', target: archive, scanners: ['vuln', 'secret'], cwd: ctx.cwd }, {
        version: settings.trivyVersion,
        ...(settings.trivyPath ? { path: settings.trivyPath } : {}),
        dbRepositories: settings.dbRepositories,
        skipDbUpdate: settings.skipDbUpdate,
    }, ctx);
    const report = await (0,ingest_trivy/* readTrivyReport */.h)(ran.jsonFile, { file: 'trivy output', input: 'scan' });
    for (const f of report.findings) {
        // Trivy names the archive it read; the reader knows the image by its build's name. Paths inside an
        // image are not files of the repository, so nothing is annotated on them.
        f.target = f.target.split(archive).join(image);
        f.file = null;
    }
    return { image, findings: (0,merge/* mergeFindings */.D)(report.findings), trivyVersion: ran.trivyVersion };
}
/** Every image's findings together: the team's ignores applied once, and one `fail-on` gate over all. */
function judgeScans(scans, settings, rules, now) {
    const findings = scans.flatMap((s) => s.findings);
    const ignores = (0,ignore_rules/* applyIgnores */.wI)(findings, rules, (0,ignore_rules/* today */.Ec)(now));
    findings.sort(model/* compareFindings */.Eg);
    return {
        findings,
        counts: (0,model/* countBySeverity */.Ot)(findings),
        ignoredCount: findings.filter((f) => f.ignored).length,
        perImage: scans.map((s) => ({ build: s.image, counts: (0,model/* countBySeverity */.Ot)(s.findings) })),
        gates: (0,gates/* evaluateGates */.u)(findings, { failOn: settings.failOn, fixableOnly: false, newOnly: false }, ignores),
        warnings: ignores.unused.map((r) => `ignore ${r.label} (${r.source}) matched no finding`),
    };
}

;// CONCATENATED MODULE: ./src/stages/docker/run.ts


















function checkContext(spec, cwd, multi) {
    const dir = external_node_path_default().resolve(cwd, spec.context);
    if ((0,directory/* directoryProblem */.D)(dir))
        throw new errors/* UserError */.yo(`the build context '${spec.context}' is not a directory (looked in ${cwd})`, {
            input: multi ? 'builds' : 'context',
        });
}
async function checkPolicies(options, ctx, shown) {
    const multi = options.builds.length > 1;
    const out = [];
    for (const spec of options.builds) {
        checkContext(spec, ctx.cwd, multi);
        out.push(await checkDockerfileAt({
            path: external_node_path_default().resolve(ctx.cwd, spec.file),
            file: shown(spec.file),
            contextDir: external_node_path_default().resolve(ctx.cwd, spec.context),
            input: multi ? 'builds' : 'file',
        }, {
            ...options.policy,
            buildArgs: spec.buildArgs,
            ...(spec.target ? { target: spec.target, targetInput: multi ? 'builds' : 'target' } : {}),
        }));
    }
    return out;
}
function policyGate(results, options) {
    if (options.policy.level === 'off')
        return undefined;
    const errors = results.reduce((n, r) => n + r.errors, 0);
    const warnings = results.reduce((n, r) => n + r.warnings, 0);
    const first = results.flatMap((r) => r.findings).find((f) => !f.ignored && f.severity === 'error');
    return {
        name: 'policy',
        passed: errors === 0,
        required: 0,
        actual: errors,
        unit: ' errors',
        detail: errors === 0
            ? `Dockerfile policy (${options.policy.level}): no error${warnings > 0 ? `, ${warnings} warning(s)` : ''}`
            : `${errors} Dockerfile policy (${options.policy.level}) error(s)${first ? `, first: ${first.file}:${first.line} ${first.rule}` : ''}`,
    };
}
async function openSession(options, ctx) {
    const tempDir = await (0,promises_.mkdtemp)(external_node_path_default().join(ctx.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'shipkit-docker-'));
    const baseEnv = (0,user_command_env/* userCommandEnv */.c)(ctx.env);
    const engine = await ctx.logger.group('Find the image builder', () => detectEngine(options.builder, { cwd: ctx.cwd, env: baseEnv, logger: ctx.logger, signal: ctx.signal }));
    ctx.logger.info(`Building with ${engine.kind} ${engine.version}${engine.driver ? ` (driver ${engine.driver})` : ''}`);
    // The classic builder is asked for by name: with a buildx plugin that cannot run, `docker build` would call it.
    const env = { ...baseEnv, ...(engine.kind === 'docker' ? { DOCKER_BUILDKIT: '0' } : {}) };
    const engineCtx = {
        cwd: ctx.cwd,
        env,
        logger: ctx.logger,
        signal: ctx.signal,
        insecureRegistries: options.insecureRegistries,
        tempDir,
    };
    if (!options.login)
        return { engine, engineCtx };
    try {
        const login = await registryLogin(engine, options.login, engineCtx);
        ctx.logger.info(`Logged in to ${options.login.server} as ${options.login.username}`);
        return { engine, engineCtx: { ...engineCtx, env: { ...env, ...login.env } }, login };
    }
    catch (error) {
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
        throw error;
    }
}
async function scanAll(built, options, ctx, deps) {
    const trivy = deps.trivy ?? (await defaultTrivyRunner());
    const scans = [];
    for (const b of built) {
        for (const target of b.scanTargets) {
            const image = `${b.meta.tags[0] ?? b.spec.name}${target.platform ? ` (${target.platform})` : ''}`;
            scans.push(await ctx.logger.group(`Scan ${b.spec.name}${target.platform ? ` ${target.platform}` : ''} before any push`, () => scanImageArchive(target.path, image, options.scan, ctx, trivy)));
        }
    }
    return scans;
}
/**
 * The docker stage: check each Dockerfile against the policy, compute tags and labels from the git
 * context, build, scan every image before anything is pushed, push only when every gate passed, and
 * read each pushed image back from its registry for the digest. `lint-only` stops after the policy,
 * `dry-run` after the tags.
 */
async function runDocker(options, ctx, deps = {}) {
    const now = deps.now ?? (() => new Date());
    const startedAt = now();
    // Findings and annotations name files from the repository root, where GitHub resolves them.
    const shown = await pathNamer(ctx.cwd, await repositoryRoot(ctx.cwd, ctx.env));
    const policy = await checkPolicies(options, ctx, shown);
    const gates = [];
    const pg = policyGate(policy, options);
    if (pg)
        gates.push(pg);
    const base = {
        options,
        policy,
        metas: [],
        gates,
        warnings: [],
        startedAt,
        finishedAt: startedAt,
        cwd: ctx.cwd,
        files: options.builds.map((b) => shown(b.file)),
    };
    if (options.mode === 'lint-only')
        return buildDockerOutcome({ ...base, finishedAt: now() }, ctx.run);
    const git = await readGitContext(ctx.env, ctx.cwd);
    const metas = options.builds.map((b) => computeMeta(b.meta, git, startedAt));
    // With several builds, a warning says which build's tags it is about.
    const multi = options.builds.length > 1;
    const warnings = metas.flatMap((m, i) => m.warnings.map((w) => (multi ? `${options.builds[i]?.name}: ${w}` : w)));
    if (options.mode === 'dry-run')
        return buildDockerOutcome({ ...base, metas, warnings, finishedAt: now() }, ctx.run);
    // Everything the user wrote is read before a builder starts: a typo in an ignore file is not a build result.
    const ignoreRules = options.scan.enabled ? await scanIgnores(ctx.cwd, options.scan) : [];
    const session = await openSession(options, ctx);
    const { engine, engineCtx } = session;
    const built = [];
    const pushed = new Map();
    try {
        const willPush = options.push;
        for (const [i, spec] of options.builds.entries()) {
            const b = await buildForScan(engine, spec, metas[i], options, i, ctx, engineCtx, !(willPush && engine.kind === 'buildx'));
            built.push(b);
            if (!b.run.ok)
                ctx.logger.error(`Build ${spec.name} failed: ${b.run.error ?? ''}`);
        }
        const failedBuilds = built.filter((b) => !b.run.ok);
        gates.push({
            name: 'build',
            passed: failedBuilds.length === 0,
            required: options.builds.length,
            actual: built.length - failedBuilds.length,
            unit: ' built',
            detail: failedBuilds.length === 0
                ? `${built.length} image(s) built with ${engine.kind}`
                : failedBuilds.map((b) => `${b.spec.name}: ${b.run.error ?? 'failed'}`).join('; '),
        });
        let scans = [];
        let verdict;
        if (options.scan.enabled && built.some((b) => b.archive)) {
            scans = await scanAll(built, options, ctx, deps);
            verdict = judgeScans(scans, options.scan, ignoreRules, startedAt);
            gates.push(...verdict.gates);
            warnings.push(...verdict.warnings);
        }
        // A push with no tag to push to (no tag rule applied to this event) fails closed, before anything is pushed.
        const untagged = built.filter((b) => b.run.ok && b.meta.tags.length === 0);
        if (options.push && untagged.length > 0)
            gates.push({
                name: 'tags',
                passed: false,
                required: 1,
                actual: 0,
                unit: ' tags',
                detail: `push is true but ${untagged.map((b) => b.spec.name).join(', ')} got no tag: no tag rule applied to ${git.eventName || 'this event'} on ${git.ref || 'this ref'}`,
            });
        if (built.some((b) => b.spec.platforms.length > 1) && options.load && engine.kind === 'buildx')
            warnings.push('load: a multi-platform image cannot be loaded into the Docker image store; it was built into an OCI layout to be scanned');
        const blockedBy = gates.filter((g) => !g.passed).map((g) => g.name);
        if (options.push && blockedBy.length === 0) {
            const credentialsFor = credentialLookup(options, engineCtx.env);
            for (const b of built)
                pushed.set(b, await pushBuilt(engine, b, options, ctx, engineCtx, credentialsFor));
            const results = [...pushed.values()];
            const failedTags = results.flatMap((p) => p.tags.filter((t) => !t.ok));
            const mismatch = results.filter((p) => p.verified === false);
            gates.push({
                name: 'push',
                passed: failedTags.length === 0 && mismatch.length === 0,
                required: results.reduce((n, p) => n + p.tags.length, 0),
                actual: results.reduce((n, p) => n + p.tags.filter((t) => t.ok).length, 0),
                unit: ' tags',
                detail: failedTags.length > 0
                    ? `${failedTags.length} tag(s) not pushed: ${failedTags.map((t) => `${t.tag} (${t.error ?? 'failed'})`).join('; ')}`
                    : mismatch.length > 0
                        ? mismatch.flatMap((p) => p.problems).join('; ')
                        : `every tag pushed; the registry serves the layers that were scanned`,
            });
            for (const p of results)
                warnings.push(...p.problems.filter((m) => !m.includes('other layers') && !m.includes('not in the pushed')));
        }
        else if (options.push) {
            ctx.logger.warning(`Not pushing: ${blockedBy.join(', ')} failed`);
        }
        return buildDockerOutcome({
            ...base,
            metas,
            warnings,
            engine,
            built,
            scans,
            ...(verdict ? { scan: verdict } : {}),
            pushed,
            blockedBy,
            finishedAt: now(),
        }, ctx.run);
    }
    finally {
        // As build-push-action leaves nothing in the image store unless `load` is set, the images built to be
        // scanned and pushed are removed (buildx's OCI archive of several platforms was never loaded).
        if (!options.load) {
            const refs = built.flatMap((b) => (b.meta.tags.length > 0 ? b.meta.tags : b.run.imageId ? [b.run.imageId] : []));
            await removeImages(engine, refs, engineCtx);
        }
        await session.login?.dispose();
        await (0,promises_.rm)(engineCtx.tempDir, { recursive: true, force: true });
    }
}
/** Credentials for reading a pushed image back: the step's login for its registry, else the Docker config's. */
function credentialLookup(options, env) {
    return async (registry) => {
        const login = options.login;
        if (login && sameRegistry(login.server, registry))
            return { username: login.username, password: login.password };
        return dockerConfigCredentials(registry, env);
    };
}


/***/ }),

/***/ 88015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ listRepoFiles),
/* harmony export */   w: () => (/* binding */ gitToplevel)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83722);



const run = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
/** Directories never worth walking for source files (and where a walk would explode). */
const SKIP_DIRS = new Set([
    '.git',
    'node_modules',
    '.venv',
    'venv',
    '__pycache__',
    'vendor',
    'dist',
    'build',
    'target',
]);
/** A walk stops here: a repository this big is a git repository, and git ls-files answers instead. */
const MAX_WALKED_FILES = 200_000;
/** Repository root via git, or undefined outside a git work tree. */
async function gitToplevel(cwd) {
    try {
        const { stdout } = await run('git', ['rev-parse', '--show-toplevel'], { cwd });
        const top = stdout.trim();
        return top === '' ? undefined : top;
    }
    catch {
        return undefined;
    }
}
/**
 * The repository's files: tracked and untracked-but-not-ignored from git (so generated sources
 * count), or a bounded walk when `cwd` is not in a git work tree.
 */
async function listRepoFiles(cwd) {
    const root = await gitToplevel(cwd);
    if (root !== undefined) {
        const { stdout } = await run('git', ['-c', 'core.quotePath=false', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
            cwd: root,
            maxBuffer: 512 * 1024 * 1024,
        });
        const files = stdout.split('\0').filter((f) => f !== '');
        return { root, files: [...new Set(files)], source: 'git' };
    }
    return { root: cwd, files: await walk(cwd), source: 'walk' };
}
async function walk(root) {
    const out = [];
    await (0,_walk_js__WEBPACK_IMPORTED_MODULE_2__/* .walkFiles */ .F)(root, {
        skipDirs: SKIP_DIRS,
        maxEntries: MAX_WALKED_FILES * 5,
        onFile: (rel) => out.push(rel) < MAX_WALKED_FILES,
    });
    return out.sort();
}


/***/ }),

/***/ 83722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ walkFiles)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * The stage's one directory walker (report globs, the file list of a directory outside git): depth
 * first, bounded in entries, unreadable directories skipped. Symlinked directories are not followed,
 * so a link cycle cannot make it loop.
 */
async function walkFiles(root, options) {
    const pending = [''];
    let seen = 0;
    while (pending.length > 0 && seen < options.maxEntries) {
        const rel = pending.pop() ?? '';
        let entries;
        try {
            entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, rel), { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of entries) {
            seen++;
            const child = rel === '' ? e.name : `${rel}/${e.name}`;
            if (e.isDirectory()) {
                if (!options.skipDirs.has(e.name))
                    pending.push(child);
            }
            else if (e.isFile() && options.onFile(child) === false) {
                return;
            }
        }
    }
}


/***/ })

};

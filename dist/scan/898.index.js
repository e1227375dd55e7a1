import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 898;
export const ids = [898];
export const modules = {

/***/ 39049:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ readInputList),
/* harmony export */   dU: () => (/* binding */ splitField),
/* harmony export */   io: () => (/* binding */ inputRef),
/* harmony export */   oy: () => (/* binding */ entryFields)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25175);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);


const inputRef = (name, label = `input '${name}'`) => ({ name, label });
/**
 * The entries of a list input (`images`, `tags`, `flavor`, `labels`) the way docker/metadata-action reads
 * them (its toolkit's `getInputList` with `ignoreComma` and `#` comments): each line is a CSV record,
 * `#` starts a comment anywhere outside quotes, and a record's fields are joined back with commas. So
 * quotes are consumed here, before an entry's own fields are split, exactly as in metadata-action:
 * a workflow that works there means the same here.
 */
function readInputList(text, input) {
    if (text === undefined || text.trim() === '')
        return [];
    let records;
    try {
        records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, {
            columns: false,
            relaxQuotes: true,
            comment: '#',
            relaxColumnCount: true,
            skipEmptyLines: true,
        });
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${input.label} is not a valid list: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`, { input: input.name });
    }
    return records
        .map((record) => (record.length === 1 ? (record[0] ?? '') : record.join(',')))
        .filter((entry) => entry !== '')
        .map((entry) => entry.trim());
}
/** The comma-separated fields of one entry (`type=semver,pattern={{version}}`), CSV quoting honoured. */
function entryFields(entry, input) {
    let records;
    try {
        records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(entry, { relaxColumnCount: true, skipEmptyLines: true });
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`${input.label}: cannot read '${entry}': ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`, { input: input.name });
    }
    return records[0] ?? [];
}
/**
 * `key=value` split at the first `=` (so a value may hold `=`), both sides trimmed and the key lowercased;
 * a field with no `=` is a bare value.
 */
function splitField(field) {
    const eq = field.indexOf('=');
    if (eq < 0)
        return { bare: field.trim() };
    return { key: field.slice(0, eq).trim().toLowerCase(), value: field.slice(eq + 1).trim() };
}


/***/ }),

/***/ 93366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hh: () => (/* binding */ parseTagRules),
/* harmony export */   xk: () => (/* binding */ matchRegex)
/* harmony export */ });
/* unused harmony exports TAG_TYPES, DEFAULT_PRIORITY, DEFAULT_TAG_RULES, parseTagRule */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _input_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39049);


const TAG_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'];
/** metadata-action's default priorities: the higher one is the image's version (its first tag). */
const DEFAULT_PRIORITY = {
    schedule: 1000,
    semver: 900,
    pep440: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100,
};
/** The rules used when `tags` is empty, as metadata-action's README lists them. */
const DEFAULT_TAG_RULES = [
    'type=schedule',
    'type=ref,event=branch',
    'type=ref,event=tag',
    'type=ref,event=pr',
];
/**
 * The `tags` input: each entry parsed, defaults filled, then ordered by priority, highest first. The sort is
 * stable, so rules of equal priority keep the order they were written in (as metadata-action's does).
 */
function parseTagRules(entries, input) {
    const source = entries.length === 0 ? DEFAULT_TAG_RULES : entries;
    return source.map((entry) => parseTagRule(entry, input)).sort((a, b) => b.priority - a.priority);
}
function parseTagRule(entry, input) {
    const fail = (problem) => {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`${input.label}: ${problem} in '${entry}'`, { input: input.name });
    };
    const attrs = Object.create(null);
    let type;
    for (const field of (0,_input_list_js__WEBPACK_IMPORTED_MODULE_1__/* .entryFields */ .oy)(entry, input).map(_input_list_js__WEBPACK_IMPORTED_MODULE_1__/* .splitField */ .dU)) {
        if ('bare' in field) {
            attrs.value = field.bare;
        }
        else if (field.key === 'type') {
            if (!TAG_TYPES.includes(field.value)) {
                fail(`unknown type '${field.value}' (known: ${TAG_TYPES.join(', ')})`);
            }
            type = field.value;
        }
        else {
            attrs[field.key] = field.value;
        }
    }
    type ??= 'raw';
    const has = (key) => key in attrs;
    const fill = (key, value) => {
        if (!has(key))
            attrs[key] = value;
    };
    switch (type) {
        case 'schedule':
            fill('pattern', 'nightly');
            break;
        case 'semver':
        case 'pep440':
            if (!has('pattern'))
                fail(`type=${type} needs a pattern, e.g. pattern={{version}}`);
            fill('value', '');
            break;
        case 'match':
            if (!has('pattern'))
                fail('type=match needs a pattern, e.g. pattern=v(.*)');
            fill('group', '0');
            if (attrs.group === '' || isNaN(Number(attrs.group)))
                fail(`group must be a number, got '${attrs.group}'`);
            fill('value', '');
            // Checked here, not first when a tag is pushed: a typo should fail the branch build that adds it.
            try {
                matchRegex(attrs.pattern ?? '');
            }
            catch (error) {
                fail(`pattern is not a valid regular expression (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)})`);
            }
            break;
        case 'edge':
            fill('branch', '');
            break;
        case 'ref':
            if (!has('event'))
                fail('type=ref needs event=branch, event=tag or event=pr');
            if (!['branch', 'tag', 'pr'].includes(attrs.event ?? '')) {
                fail(`event must be branch, tag or pr, got '${attrs.event}'`);
            }
            if (attrs.event === 'pr')
                fill('prefix', 'pr-');
            break;
        case 'raw':
            if (!has('value'))
                fail('type=raw needs a value, e.g. type=raw,value=stable');
            break;
        case 'sha':
            fill('prefix', 'sha-');
            fill('format', 'short');
            if (attrs.format !== 'short' && attrs.format !== 'long') {
                fail(`format must be short or long, got '${attrs.format}'`);
            }
            break;
    }
    fill('enable', 'true');
    let priority = DEFAULT_PRIORITY[type];
    if (has('priority')) {
        priority = Number(attrs.priority);
        if (attrs.priority === '' || !Number.isFinite(priority))
            fail(`priority must be a number, got '${attrs.priority}'`);
    }
    return { type, attrs, priority, entry };
}
/** `/source/flags` is a regular expression literal; anything else is the source of one, as in metadata-action. */
function matchRegex(pattern) {
    const literal = /^\/(.+)\/(.*)$/.exec(pattern);
    return literal ? new RegExp(literal[1] ?? '', literal[2]) : new RegExp(pattern);
}


/***/ }),

/***/ 72892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Be: () => (/* binding */ isPolicyRule),
/* harmony export */   b2: () => (/* binding */ POLICY_RULES),
/* harmony export */   hj: () => (/* binding */ POLICY_LEVELS),
/* harmony export */   xJ: () => (/* binding */ severityOf)
/* harmony export */ });
/** How strictly the Dockerfile policy is applied: `off` checks nothing. */
const POLICY_LEVELS = ['strict', 'recommended', 'off'];
/**
 * Every rule, its severity per policy level and the linter rule it is closest to. `recommended` makes
 * errors of what ships a risk (root, unpinned or secret-bearing images, remote ADD) and warnings of what
 * only costs size or operability; `strict` makes everything an error except a missing .dockerignore, which
 * stays a warning (whether `COPY . .` pulls in too much depends on the repository).
 */
const POLICY_RULES = {
    'multi-stage': {
        summary: 'the final stage copies its artifacts from a build stage (COPY --from), so build tools do not ship',
        severity: { recommended: 'warning', strict: 'error' },
        compare: 'none in hadolint',
    },
    'non-root-user': {
        summary: 'the final stage sets a USER that is not root (root, 0, root:… and 0:… are root)',
        severity: { recommended: 'error', strict: 'error' },
        compare: 'hadolint DL3002 (which only flags an explicit root USER)',
    },
    healthcheck: {
        summary: 'the final stage has a HEALTHCHECK (unless orchestrator-probes says the platform probes it)',
        severity: { recommended: 'warning', strict: 'error' },
        compare: 'hadolint DL3057',
    },
    'pinned-base': {
        summary: 'every base image the build pulls (the target stage, else the last, and the stages it needs) has a tag other than latest, or a digest (scratch and earlier stages are fine)',
        severity: { recommended: 'error', strict: 'error' },
        compare: 'hadolint DL3006 and DL3007',
    },
    'no-secrets': {
        summary: 'no ENV or ARG whose name or value looks like a secret (use a build secret: RUN --mount=type=secret)',
        severity: { recommended: 'error', strict: 'error' },
        compare: 'BuildKit check SecretsUsedInArgOrEnv (names); known token formats (values)',
    },
    'no-add-url': {
        summary: 'no ADD of a URL: download with a checked tool in a RUN, or COPY from a stage',
        severity: { recommended: 'warning', strict: 'error' },
        compare: 'none in hadolint (DL3020 allows URLs)',
    },
    'package-cache': {
        summary: "a stage that ships cleans the package manager's cache in the same RUN (apt lists, apk --no-cache, pip --no-cache-dir, npm/yarn cache clean, yum/dnf/zypper clean) or uses a cache mount",
        severity: { recommended: 'warning', strict: 'error' },
        compare: 'hadolint DL3009, DL3019, DL3042, DL3060, DL3032, DL3040, DL3036',
    },
    dockerignore: {
        summary: 'COPY . (the whole context) has a .dockerignore beside it',
        severity: { recommended: 'warning', strict: 'warning' },
        compare: 'none in hadolint',
    },
    'shipkit-ignore': {
        summary: 'a `# shipkit-ignore: <rule> <reason>` comment names a known rule and gives a reason',
        severity: { recommended: 'error', strict: 'error' },
        compare: 'hadolint inline ignores take no reason',
    },
};
const isPolicyRule = (id) => Object.hasOwn(POLICY_RULES, id);
function severityOf(rule, level) {
    return POLICY_RULES[rule].severity[level];
}


/***/ }),

/***/ 49898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dockerStage: () => (/* binding */ dockerStage)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/stages/scan/model.ts
var model = __webpack_require__(61016);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/stages/docker/builds-input.ts


/** A YAML scalar as text: `true`, `3` and `1.20` are written values, not a boolean or numbers. */
function scalarText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    return undefined;
}
const KEYS = ['name', 'context', 'file', 'images', 'tags', 'target', 'build-args', 'platforms'];
/**
 * `builds`: several images in one step (a backend and a frontend), as a YAML list of mappings:
 *
 *     - name: api
 *       context: services/api
 *       images: ghcr.io/acme/api
 *     - context: web
 *       file: web/Dockerfile.prod
 *       images: [ghcr.io/acme/web]
 *       tags: type=sha
 *
 * A field's value is a string or a list of strings (`build-args` may also be a mapping). Unknown keys and
 * wrong shapes are errors naming the line, so a typo never silently builds the wrong thing.
 */
function parseBuilds(text, label) {
    if (text === undefined || text.trim() === '')
        return [];
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false });
    const fail = (message, node) => {
        const offset = node && 'range' in node && node.range ? node.range[0] : undefined;
        const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
        throw new errors/* UserError */.yo(`${label}${line ? ` line ${line}` : ''}: ${message}`, {
            input: 'builds',
            ...(line ? { line } : {}),
        });
    };
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        throw new errors/* UserError */.yo(`${label} is not valid YAML: ${e.message.split('\n')[0]}`, {
            input: 'builds',
            line: e.linePos?.[0]?.line ?? 1,
        });
    }
    const root = doc.contents;
    if (!(0,dist/* isSeq */.oP)(root))
        return fail('must be a YAML list of builds (- context: …, images: …)', root);
    const strings = (node, key) => {
        if ((0,dist/* isScalar */.jn)(node) && node.value === null)
            return [];
        if ((0,dist/* isScalar */.jn)(node))
            return [scalarText(node.value) ?? fail(`${key} must be a string`, node)];
        if ((0,dist/* isSeq */.oP)(node))
            return node.items.map((item) => ((0,dist/* isScalar */.jn)(item) ? scalarText(item.value) : undefined) ??
                fail(`${key}: every item must be a string`, item));
        return fail(`${key} must be a string or a list of strings`, node);
    };
    return root.items.map((item) => {
        if (!(0,dist/* isMap */.jh)(item))
            return fail('each build must be a mapping (context: …, images: …)', item);
        const entry = {
            buildArgs: [],
            platforms: [],
            line: lineCounter.linePos(item.range?.[0] ?? 0).line,
        };
        for (const pair of item.items) {
            const key = ((0,dist/* isScalar */.jn)(pair.key) ? scalarText(pair.key.value) : undefined) ?? '';
            if (!KEYS.includes(key))
                fail(`unknown key '${key}' (known: ${KEYS.join(', ')})`, pair.key);
            const one = () => {
                const values = strings(pair.value, key);
                if (values.length !== 1)
                    fail(`${key} must be one string`, pair.value);
                return values[0].trim();
            };
            if (key === 'name')
                entry.name = one();
            else if (key === 'context')
                entry.context = one();
            else if (key === 'file')
                entry.file = one();
            else if (key === 'target')
                entry.target = one();
            else if (key === 'images')
                entry.images = strings(pair.value, key).join('\n');
            else if (key === 'tags')
                entry.tags = strings(pair.value, key).join('\n');
            else if (key === 'platforms')
                entry.platforms = strings(pair.value, key).flatMap((p) => p.split(','));
            else if ((0,dist/* isMap */.jh)(pair.value))
                entry.buildArgs = pair.value.items.map((p) => {
                    const k = ((0,dist/* isScalar */.jn)(p.key) ? scalarText(p.key.value) : undefined) ?? '';
                    const v = ((0,dist/* isScalar */.jn)(p.value) ? scalarText(p.value.value) : undefined) ?? '';
                    return `${k}=${v}`;
                });
            else
                entry.buildArgs = strings(pair.value, key).flatMap((s) => s.split(/\r?\n/));
        }
        entry.platforms = entry.platforms.map((p) => p.trim()).filter(Boolean);
        entry.buildArgs = entry.buildArgs.map((a) => a.trim()).filter(Boolean);
        if (entry.context === undefined && entry.images === undefined)
            fail('a build needs at least a context or images', item);
        return entry;
    });
}

;// CONCATENATED MODULE: ./src/stages/docker/key-values.ts

/**
 * `NAME=value` lines (`build-args`, `secrets`): split at the first `=`, so a value may hold `=`. A line
 * without `=` or with a name Docker would refuse is an error that names the input and the line, but never
 * repeats the value (a secret's line would print the secret).
 */
function parseKeyValues(lines, opts) {
    return lines.map((line, i) => {
        const eq = line.indexOf('=');
        const key = eq > 0 ? line.slice(0, eq).trim() : '';
        if (!opts.name.test(key)) {
            throw new errors/* UserError */.yo(`${opts.label}: line ${i + 1} must be ${opts.what}=value${key ? ` ('${key}' is not a valid name)` : ''}`, { input: opts.input });
        }
        return { key, value: line.slice(eq + 1) };
    });
}
/** Build args Docker accepts: the names of ARG instructions. */
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Secret ids BuildKit accepts in `--secret id=…` and `RUN --mount=type=secret,id=…`. */
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;

// EXTERNAL MODULE: ./src/stages/docker/meta/input-list.ts
var input_list = __webpack_require__(39049);
;// CONCATENATED MODULE: ./src/stages/docker/meta/images.ts


/**
 * `images` entries: one image per line, either a bare name or `name=…,enable=true|false`. A single line
 * of bare names separated by commas (`name/app,ghcr.io/name/app`) is metadata-action's older form and is
 * still read as several images.
 */
function parseImages(entries, input) {
    if (entries.length === 1) {
        const fields = (0,input_list/* entryFields */.oy)(entries[0] ?? '', input).map(input_list/* splitField */.dU);
        if (fields.every((f) => 'bare' in f)) {
            return fields.map((f) => ({ name: ('bare' in f ? f.bare : '').toLowerCase(), enable: true }));
        }
    }
    return entries.map((entry) => parseImage(entry, input));
}
function parseImage(entry, input) {
    const image = { name: '', enable: true };
    for (const field of (0,input_list/* entryFields */.oy)(entry, input).map(input_list/* splitField */.dU)) {
        if ('bare' in field) {
            image.name = field.bare.toLowerCase();
        }
        else if (field.key === 'name') {
            image.name = field.value.toLowerCase();
        }
        else if (field.key === 'enable') {
            if (field.value !== 'true' && field.value !== 'false') {
                throw new errors/* UserError */.yo(`${input.label}: enable must be true or false in '${entry}'`, { input: input.name });
            }
            image.enable = field.value === 'true';
        }
        else {
            throw new errors/* UserError */.yo(`${input.label}: unknown attribute '${field.key}' in '${entry}' (known: name, enable)`, {
                input: input.name,
            });
        }
    }
    if (image.name === '') {
        throw new errors/* UserError */.yo(`${input.label}: '${entry}' names no image`, { input: input.name });
    }
    return image;
}

;// CONCATENATED MODULE: ./src/stages/docker/meta/flavor.ts


const DEFAULT_FLAVOR = {
    latest: 'auto',
    prefix: '',
    prefixLatest: false,
    suffix: '',
    suffixLatest: false,
};
/**
 * `latest=auto|true|false`, `prefix=…`, `suffix=…`; `onlatest=true|false` belongs to the prefix or suffix
 * written before it on the same line.
 */
function parseFlavor(entries, input) {
    const flavor = { ...DEFAULT_FLAVOR };
    for (const entry of entries) {
        let onlatestFor;
        for (const field of (0,input_list/* entryFields */.oy)(entry, input).map(input_list/* splitField */.dU)) {
            const fail = (problem) => {
                throw new errors/* UserError */.yo(`${input.label}: ${problem} in '${entry}'`, { input: input.name });
            };
            if ('bare' in field)
                fail(`'${field.bare}' is not key=value (latest, prefix, suffix, onlatest)`);
            else if (field.key === 'latest') {
                if (field.value !== 'auto' && field.value !== 'true' && field.value !== 'false') {
                    fail(`latest must be auto, true or false, got '${field.value}'`);
                }
                flavor.latest = field.value;
            }
            else if (field.key === 'prefix') {
                flavor.prefix = field.value;
                onlatestFor = 'prefix';
            }
            else if (field.key === 'suffix') {
                flavor.suffix = field.value;
                onlatestFor = 'suffix';
            }
            else if (field.key === 'onlatest') {
                if (field.value !== 'true' && field.value !== 'false')
                    fail(`onlatest must be true or false, got '${field.value}'`);
                if (onlatestFor === 'prefix')
                    flavor.prefixLatest = field.value === 'true';
                if (onlatestFor === 'suffix')
                    flavor.suffixLatest = field.value === 'true';
            }
            else {
                fail(`unknown flavor '${field.key}' (known: latest, prefix, suffix, onlatest)`);
            }
        }
    }
    return flavor;
}

// EXTERNAL MODULE: ./src/stages/docker/meta/tag-rules.ts
var tag_rules = __webpack_require__(93366);
;// CONCATENATED MODULE: ./src/stages/docker/meta/options.ts





const DEFAULT_SHORT_SHA = 7;
/**
 * `images`, `tags`, `flavor` and `labels` read with metadata-action's syntax, each mistake a UserError
 * naming the input. DOCKER_METADATA_SHORT_SHA_LENGTH is honoured as in metadata-action, so a workflow
 * that sets it keeps its tags.
 */
function readMetaOptions(inputs, env) {
    const ref = (name) => ({ name, label: inputs.source.label(name) });
    const list = (name) => (0,input_list/* readInputList */.Fp)(inputs.text(name), ref(name));
    const shortText = env.DOCKER_METADATA_SHORT_SHA_LENGTH?.trim();
    let shortShaLength = DEFAULT_SHORT_SHA;
    if (shortText) {
        shortShaLength = Number(shortText);
        if (!Number.isInteger(shortShaLength) || shortShaLength < 1) {
            throw new errors/* UserError */.yo(`DOCKER_METADATA_SHORT_SHA_LENGTH must be a whole number ≥ 1, got '${shortText}'`);
        }
    }
    return {
        images: parseImages(list('images'), ref('images')),
        tags: (0,tag_rules/* parseTagRules */.hh)(list('tags'), ref('tags')),
        flavor: parseFlavor(list('flavor'), ref('flavor')),
        labels: list('labels'),
        shortShaLength,
        inputs: { tags: ref('tags'), labels: ref('labels') },
    };
}

// EXTERNAL MODULE: ./src/stages/docker/policy/rules.ts
var rules = __webpack_require__(72892);
;// CONCATENATED MODULE: ./src/stages/docker/policy/options.ts

/**
 * `policy: strict|recommended|off` (default recommended) and `orchestrator-probes: true|false` (default
 * false): whether the platform's probes stand in for a HEALTHCHECK.
 */
function readPolicyOptions(inputs) {
    return {
        level: inputs.oneOf('policy', rules/* POLICY_LEVELS */.hj, 'recommended'),
        orchestratorProbes: inputs.bool('orchestrator-probes', false),
    };
}

;// CONCATENATED MODULE: ./src/stages/docker/options.ts










const BUILDERS = ['auto', 'buildx', 'docker', 'podman'];
/** Defaults, equal to docker/action.yml's (a test holds them equal). */
const DEFAULTS = {
    context: '.',
    builder: 'auto',
    'fail-on': 'high',
    'ignore-file': '.shipkit/scan-ignore.yml',
    'trivy-version': '0.74.0',
    'db-repository': 'mirror.gcr.io/aquasec/trivy-db:2,ghcr.io/aquasecurity/trivy-db:2',
    'push-retries': '3',
};
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/;
function readPlatforms(values, label) {
    for (const p of values)
        if (!PLATFORM.test(p))
            throw new errors/* UserError */.yo(`${label}: '${p}' is not a platform such as linux/amd64 or linux/arm64/v8`, {
                input: 'platforms',
            });
    return [...new Set(values)];
}
function buildArgs(lines, label) {
    const out = Object.create(null);
    for (const { key, value } of parseKeyValues(lines, {
        input: 'build-args',
        label,
        what: 'NAME',
        name: BUILD_ARG_NAME,
    }))
        out[key] = value;
    return out;
}
/** The name of a build: what a reader recognises in the report (`api`, `web`). */
function buildName(entry, meta, cwd) {
    if (entry.name)
        return entry.name;
    const image = meta.images.find((i) => i.enable)?.name;
    if (image)
        return image.split('/').at(-1) ?? image;
    return external_node_path_default().basename(external_node_path_default().resolve(cwd, entry.context)) || entry.context;
}
function readLogin(inputs, env) {
    const server = inputs.string('registry');
    const username = inputs.string('username');
    const password = inputs.secret('password');
    if (server === 'ghcr.io' && password === undefined) {
        // GHCR takes the job's token, as the user `github.actor` (GitHub's documented way to push from a workflow).
        const token = inputs.secret('github-token') ?? env.GITHUB_TOKEN;
        const actor = username ?? env.GITHUB_ACTOR;
        if (token && actor) {
            inputs.source.mask(token);
            return { server, username: actor, password: token };
        }
        throw new errors/* UserError */.yo(`${inputs.source.label('registry')} is ghcr.io but there is no token: give ${inputs.source.label('password')}, or the job's github-token with packages: write`, { input: 'password' });
    }
    if (username === undefined && password === undefined) {
        if (server !== undefined)
            throw new errors/* UserError */.yo(`${inputs.source.label('registry')} is set but ${inputs.source.label('username')} and ${inputs.source.label('password')} are empty`, { input: 'username' });
        return undefined;
    }
    if (username === undefined || password === undefined)
        throw new errors/* UserError */.yo(`${inputs.source.label(username === undefined ? 'username' : 'password')} is required with ${inputs.source.label(username === undefined ? 'password' : 'username')}`, { input: username === undefined ? 'username' : 'password' });
    return { server: server ?? 'docker.io', username, password };
}
function readScan(inputs) {
    const version = inputs.string('trivy-version') ?? DEFAULTS['trivy-version'];
    if (!/^v?\d+\.\d+\.\d+$/.test(version))
        throw new errors/* UserError */.yo(`${inputs.source.label('trivy-version')} must be a version such as 0.74.0, got '${version}'`, {
            input: 'trivy-version',
        });
    const ignoreFile = inputs.string('ignore-file');
    const trivyPath = inputs.string('trivy-path');
    const repos = inputs.list('db-repository');
    return {
        enabled: inputs.bool('scan', true),
        failOn: inputs.oneOf('fail-on', model/* GATE_SEVERITIES */.a2, DEFAULTS['fail-on']),
        ignoreFile: ignoreFile ?? DEFAULTS['ignore-file'],
        ignoreFileExplicit: ignoreFile !== undefined && ignoreFile !== DEFAULTS['ignore-file'],
        trivyVersion: version.replace(/^v/, ''),
        ...(trivyPath !== undefined ? { trivyPath } : {}),
        dbRepositories: repos.length > 0 ? repos : DEFAULTS['db-repository'].split(','),
        skipDbUpdate: inputs.bool('skip-db-update', false),
    };
}
function entryBuild(entry, top, label, index) {
    const where = `${label} (build ${index + 1}, line ${entry.line})`;
    const ref = (field) => ({ name: 'builds', label: `${where} ${field}` });
    const context = entry.context ?? top.context;
    const meta = {
        ...top.meta,
        images: parseImages((0,input_list/* readInputList */.Fp)(entry.images, ref('images')), ref('images')),
        tags: entry.tags !== undefined ? (0,tag_rules/* parseTagRules */.hh)((0,input_list/* readInputList */.Fp)(entry.tags, ref('tags')), ref('tags')) : top.meta.tags,
        inputs: {
            ...top.meta.inputs,
            tags: entry.tags !== undefined ? ref('tags') : (top.meta.inputs?.tags ?? ref('tags')),
        },
    };
    return {
        name: buildName({ ...(entry.name ? { name: entry.name } : {}), context }, meta, top.cwd),
        context,
        file: entry.file ?? external_node_path_default().join(context, 'Dockerfile'),
        meta,
        ...(entry.target ? { target: entry.target } : {}),
        buildArgs: { ...top.args, ...buildArgs(entry.buildArgs, `${where} build-args`) },
        platforms: entry.platforms.length > 0 ? readPlatforms(entry.platforms, `${where} platforms`) : top.platforms,
    };
}
/**
 * Everything the docker stage is told, read once from action inputs or CLI flags of the same names. Paths
 * stay as the user wrote them (relative to the working directory); files are read when the stage runs.
 */
function readDockerOptions(inputs, env, cwd) {
    const label = (name) => inputs.source.label(name);
    const meta = readMetaOptions(inputs, env);
    const context = inputs.string('context') ?? DEFAULTS.context;
    const file = inputs.string('file');
    const target = inputs.string('target');
    const platforms = readPlatforms(inputs.list('platforms'), label('platforms'));
    const args = buildArgs(inputs.lines('build-args'), label('build-args'));
    const secrets = parseKeyValues(inputs.lines('secrets'), {
        input: 'secrets',
        label: label('secrets'),
        what: 'id',
        name: SECRET_ID,
    }).map(({ key, value }) => {
        inputs.source.mask(value);
        return { id: key, value };
    });
    const entries = parseBuilds(inputs.text('builds'), label('builds'));
    if (entries.length > 0 && (file !== undefined || target !== undefined || meta.images.length > 0))
        throw new errors/* UserError */.yo(`${label('builds')} lists the builds: set context, file, target and images in each entry, not as ${label('file')}, ${label('target')} or ${label('images')}`, { input: 'builds' });
    const builds = entries.length > 0
        ? entries.map((e, i) => entryBuild(e, { context, meta, args, platforms, cwd }, label('builds'), i))
        : [
            {
                name: buildName({ context }, meta, cwd),
                context,
                file: file ?? external_node_path_default().join(context, 'Dockerfile'),
                meta,
                ...(target ? { target } : {}),
                buildArgs: args,
                platforms,
            },
        ];
    const names = builds.map((b) => b.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined)
        throw new errors/* UserError */.yo(`${label('builds')}: two builds are named '${twice}': give each a distinct name`, {
            input: 'builds',
        });
    const dryRun = inputs.bool('dry-run', false);
    const lintOnly = inputs.bool('lint-only', false);
    if (dryRun && lintOnly)
        throw new errors/* UserError */.yo(`${label('dry-run')} and ${label('lint-only')} exclude each other: choose one`, {
            input: 'lint-only',
        });
    const push = inputs.bool('push', false);
    const mode = lintOnly ? 'lint-only' : dryRun ? 'dry-run' : 'build';
    if (push && mode === 'build') {
        const bare = builds.find((b) => !b.meta.images.some((i) => i.enable));
        if (bare)
            throw new errors/* UserError */.yo(`${label('push')} is true but build '${bare.name}' names no image to push: set ${label(entries.length > 0 ? 'builds' : 'images')}`, { input: entries.length > 0 ? 'builds' : 'images' });
    }
    const provenance = inputs.string('provenance');
    const retries = inputs.number('push-retries', { min: 0, max: 10, integer: true });
    return {
        builds,
        mode,
        push,
        load: inputs.bool('load', false),
        builder: inputs.oneOf('builder', BUILDERS, DEFAULTS.builder),
        secrets,
        cacheFrom: inputs.lines('cache-from'),
        cacheTo: inputs.lines('cache-to'),
        sbom: inputs.bool('sbom', false),
        ...(provenance !== undefined ? { provenance } : {}),
        policy: readPolicyOptions(inputs),
        // Credentials are only used to push, but always masked: a dry run must not print them either.
        ...(mode === 'build' ? withLogin(readLogin(inputs, env)) : maskOnly(inputs)),
        scan: readScan(inputs),
        pushRetries: retries ?? Number(DEFAULTS['push-retries']),
        insecureRegistries: inputs.list('insecure-registries'),
    };
}
const withLogin = (login) => (login ? { login } : {});
function maskOnly(inputs) {
    inputs.secret('password');
    return {};
}

// EXTERNAL MODULE: ./node_modules/@sinclair/typebox/build/esm/type/type/index.mjs + 82 modules
var type = __webpack_require__(97375);
// EXTERNAL MODULE: ./src/core/report/schema.ts + 1 modules
var schema = __webpack_require__(25670);
// EXTERNAL MODULE: ./src/stages/scan/report-schema.ts
var report_schema = __webpack_require__(41051);
;// CONCATENATED MODULE: ./src/stages/docker/report-schema.ts



/**
 * The docker stage's report, written once: the JSON Schema (validated before every write) and the
 * TypeScript types below both come from these declarations.
 */
const Count = type/* Type */.ZU.Integer({ minimum: 0 });
const Digest = type/* Type */.ZU.String({ pattern: '^sha256:[a-f0-9]{64}$' });
const digest = (description) => (0,schema/* Nullable */.UX)(type/* Type */.ZU.String({ pattern: '^sha256:[a-f0-9]{64}$', description }));
const bytes = (description) => (0,schema/* Nullable */.UX)(type/* Type */.ZU.Integer({ minimum: 0, description }));
const PlatformReportSchema = type/* Type */.ZU.Object({
    platform: type/* Type */.ZU.String({ description: '`linux/amd64`, `linux/arm64/v8`.' }),
    digest: digest("This platform's manifest digest; null when the builder kept none."),
    configDigest: digest("The image config's digest (the image ID)."),
    size: bytes('Uncompressed bytes of the layers, as built; null when not measured.'),
    compressedSize: bytes('Bytes a pull transfers (config and compressed layers), from the registry or an OCI archive.'),
}, { additionalProperties: false });
const ImageReportSchema = type/* Type */.ZU.Object({
    build: type/* Type */.ZU.String({ description: 'The build it came from (`builds[].name`).' }),
    ref: type/* Type */.ZU.String({
        description: '`name@digest` when pushed; else the first tag, or the image ID of an untagged image.',
    }),
    tags: type/* Type */.ZU.Array(type/* Type */.ZU.String()),
    digest: digest('The digest output: see digestSource for where it comes from.'),
    digestSource: type/* Type */.ZU.Union([
        type/* Type */.ZU.Literal('registry'),
        type/* Type */.ZU.Literal('pusher'),
        type/* Type */.ZU.Literal('builder'),
        type/* Type */.ZU.Literal('local'),
        type/* Type */.ZU.Literal('image-id'),
        type/* Type */.ZU.Null(),
    ], {
        description: "`registry`: the pushed manifest as the registry serves it; `pusher`: what the push printed (the registry could not be read back); `builder`: buildx's metadata file; `local`: the engine's local manifest digest; `image-id`: no manifest exists yet, so the config digest.",
    }),
    imageId: (0,schema/* Nullable */.UX)(Digest),
    pushed: type/* Type */.ZU.Boolean(),
    verified: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Boolean({
        description: 'Pushed images: true when every pushed platform has the layers that were scanned (the same diff ids); null when not pushed or not scanned.',
    })),
    platform: type/* Type */.ZU.String({ description: 'Comma-separated platforms.' }),
    size: bytes('Uncompressed size when one platform; the largest platform otherwise.'),
    platforms: type/* Type */.ZU.Array(PlatformReportSchema),
}, { additionalProperties: false });
const BuildReportSchema = type/* Type */.ZU.Object({
    name: type/* Type */.ZU.String(),
    context: type/* Type */.ZU.String(),
    file: type/* Type */.ZU.String(),
    target: (0,schema/* Nullable */.UX)(type/* Type */.ZU.String()),
    platforms: type/* Type */.ZU.Array(type/* Type */.ZU.String()),
    version: type/* Type */.ZU.String({ description: "metadata-action's version: the highest-priority tag, '' when none." }),
    tags: type/* Type */.ZU.Array(type/* Type */.ZU.String()),
    labels: type/* Type */.ZU.Record(type/* Type */.ZU.String(), type/* Type */.ZU.String()),
    status: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('built'), type/* Type */.ZU.Literal('failed'), type/* Type */.ZU.Literal('not-built')], {
        description: '`not-built`: a dry run or lint-only run, or a build skipped after an earlier step failed.',
    }),
    error: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: "The builder's last error line." })),
    log: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: "The end of a failed build's output." })),
    durationMs: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Number({ minimum: 0 })),
}, { additionalProperties: false });
const PolicyFindingReportSchema = type/* Type */.ZU.Object({
    rule: type/* Type */.ZU.String(),
    file: type/* Type */.ZU.String(),
    line: type/* Type */.ZU.Integer({ minimum: 1 }),
    message: type/* Type */.ZU.String(),
    severity: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('error'), type/* Type */.ZU.Literal('warning')]),
    ignored: type/* Type */.ZU.Boolean(),
    reason: type/* Type */.ZU.Optional(type/* Type */.ZU.String({ description: 'The reason given by the shipkit-ignore comment.' })),
}, { additionalProperties: false });
const CountsSchema = type/* Type */.ZU.Object({ critical: Count, high: Count, medium: Count, low: Count, unknown: Count }, { additionalProperties: false, description: 'Findings that are not ignored, by severity.' });
const ScanReportPartSchema = type/* Type */.ZU.Object({
    status: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('passed'), type/* Type */.ZU.Literal('failed'), type/* Type */.ZU.Literal('not-run')], {
        description: '`not-run`: scan is false, or nothing was built to scan.',
    }),
    failOn: type/* Type */.ZU.String(),
    counts: CountsSchema,
    ignoredCount: Count,
    trivyVersion: (0,schema/* Nullable */.UX)(type/* Type */.ZU.String()),
    images: type/* Type */.ZU.Array(type/* Type */.ZU.Object({ build: type/* Type */.ZU.String(), counts: CountsSchema }, { additionalProperties: false })),
    findings: type/* Type */.ZU.Array(report_schema/* FindingSchema */.p),
}, { additionalProperties: false });
const PushTagSchema = type/* Type */.ZU.Object({
    tag: type/* Type */.ZU.String(),
    ok: type/* Type */.ZU.Boolean(),
    attempts: Count,
    digest: type/* Type */.ZU.Optional(Digest),
    error: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
}, { additionalProperties: false });
const PushReportSchema = type/* Type */.ZU.Object({
    status: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('pushed'), type/* Type */.ZU.Literal('blocked'), type/* Type */.ZU.Literal('failed'), type/* Type */.ZU.Literal('not-requested')], { description: '`blocked`: a gate failed before the push (policy, build or scan), so nothing was pushed.' }),
    blockedBy: type/* Type */.ZU.Array(type/* Type */.ZU.String(), { description: 'The gates that blocked the push.' }),
    tags: type/* Type */.ZU.Array(PushTagSchema),
}, { additionalProperties: false });
const DockerReport = (0,schema/* stageReportSchema */.kZ)('docker', {
    mode: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('build'), type/* Type */.ZU.Literal('dry-run'), type/* Type */.ZU.Literal('lint-only')]),
    builder: (0,schema/* Nullable */.UX)(type/* Type */.ZU.Object({
        kind: type/* Type */.ZU.Union([type/* Type */.ZU.Literal('buildx'), type/* Type */.ZU.Literal('docker'), type/* Type */.ZU.Literal('podman')]),
        version: type/* Type */.ZU.String(),
        driver: type/* Type */.ZU.Optional(type/* Type */.ZU.String()),
    }, { additionalProperties: false })),
    version: type/* Type */.ZU.String({ description: "The first build's version (metadata-action's `version` output)." }),
    tags: type/* Type */.ZU.Array(type/* Type */.ZU.String(), { description: 'Every tag of every build, in order.' }),
    labels: type/* Type */.ZU.Record(type/* Type */.ZU.String(), type/* Type */.ZU.String(), { description: "The first build's labels." }),
    builds: type/* Type */.ZU.Array(BuildReportSchema),
    images: type/* Type */.ZU.Array(ImageReportSchema),
    policy: type/* Type */.ZU.Array(PolicyFindingReportSchema),
    scan: ScanReportPartSchema,
    push: PushReportSchema,
});

;// CONCATENATED MODULE: ./src/stages/docker/stage.ts


/**
 * The docker stage. Its builder, registry client and scan engine load when it runs, not when the
 * registry lists it or its options are read: a usage error is reported before any of them is loaded.
 */
const dockerStage = {
    name: 'docker',
    reportSchema: DockerReport,
    readOptions: (inputs, ctx) => readDockerOptions(inputs, ctx.env, ctx.cwd),
    run: async (options, ctx) => (await Promise.all(/* import() */[__webpack_require__.e(88), __webpack_require__.e(920), __webpack_require__.e(118), __webpack_require__.e(454), __webpack_require__.e(889), __webpack_require__.e(931)]).then(__webpack_require__.bind(__webpack_require__, 42931))).runDocker(options, ctx),
    failureOutputs: { passed: 'false', pushed: 'false' },
};


/***/ }),

/***/ 61016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Ot: () => (/* binding */ countBySeverity),
/* harmony export */   QZ: () => (/* binding */ worst),
/* harmony export */   a2: () => (/* binding */ GATE_SEVERITIES),
/* harmony export */   jZ: () => (/* binding */ atLeast),
/* harmony export */   oC: () => (/* binding */ SEVERITIES),
/* harmony export */   qs: () => (/* binding */ severityRank)
/* harmony export */ });
/* unused harmony export KINDS */
/**
 * The one findings model every scanner's output is turned into. A finding is one vulnerability id in one
 * package at one installed version in one target (a lockfile, an image), or one secret / misconfiguration
 * at a file and line. The same advisory reported by several tools is one finding listing every tool.
 */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unknown'];
/** The severities a gate can be set to (`fail-on`): `unknown` is never a threshold. */
const GATE_SEVERITIES = ['critical', 'high', 'medium', 'low'];
const KINDS = (/* unused pure expression or super */ null && (['vuln', 'secret', 'misconfig']));
/** Lower is worse: critical 0 … unknown 4. */
function severityRank(s) {
    return SEVERITIES.indexOf(s);
}
/** True when `s` is at `threshold` or worse. `unknown` meets no threshold (it is listed, and counted apart). */
function atLeast(s, threshold) {
    return s !== 'unknown' && severityRank(s) <= severityRank(threshold);
}
function worst(a, b) {
    return severityRank(a) <= severityRank(b) ? a : b;
}
function countBySeverity(findings) {
    const counts = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
    for (const f of findings)
        if (!f.ignored)
            counts[f.severity]++;
    return counts;
}
/** Worst first, then by id, package and target: the order of every list the stage shows. */
function compareFindings(a, b) {
    return (severityRank(a.severity) - severityRank(b.severity) ||
        a.id.localeCompare(b.id) ||
        (a.package ?? '').localeCompare(b.package ?? '') ||
        a.target.localeCompare(b.target) ||
        (a.line ?? 0) - (b.line ?? 0));
}


/***/ }),

/***/ 41051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ ScanReport),
/* harmony export */   p: () => (/* binding */ FindingSchema)
/* harmony export */ });
/* harmony import */ var _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97375);
/* harmony import */ var _core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25670);


const Severity = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('critical'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('high'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('medium'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('low'),
    _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('unknown'),
], { description: 'From the advisory; CVSS v3 bands when only a score is given (scan/README.md).' });
const FindingSchema = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    id: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({
        minLength: 1,
        description: 'A CVE when the advisory has one, else a GHSA, else the tool’s id or rule.',
    }),
    aliases: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(), { description: 'Other ids of the same advisory (GHSA, CVE, OSV ids).' }),
    severity: Severity,
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('vuln'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('secret'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('misconfig')]),
    title: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    package: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    installed: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    fixed: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'The first version without the vulnerability; null when none is known.' })),
    target: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'The lockfile, image or file the finding is in.' }),
    file: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'Repository-relative file the finding is annotated on.' })),
    line: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 1 })),
    tools: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(), { minItems: 1, description: 'Every tool that reported it.' }),
    url: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
    snippet: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'Secrets: the line with the secret masked. Never the secret.' })),
    ignored: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        reason: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        source: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: '`file:line` of the ignore entry.' }),
        expires: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    }, { additionalProperties: false })),
    new: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Boolean({ description: 'Set when a baseline was compared: the base branch does not have it.' })),
}, { additionalProperties: false });
const Counts = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    critical: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    high: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    medium: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    low: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    unknown: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
}, { additionalProperties: false, description: 'Findings that are not ignored, by severity.' });
const Source = _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
    tool: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    kind: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('trivy'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('audit'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('report')]),
    file: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'The report read (as the user named it); null for a tool’s output.' })),
    format: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
    findings: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0, description: 'Findings read from it, before merging.' }),
    version: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Optional(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
}, { additionalProperties: false });
const ScanReport = (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .stageReportSchema */ .kZ)('scan', {
    findings: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(FindingSchema),
    counts: Counts,
    ignoredCount: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
    sources: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Array(Source, { description: 'Every tool run and report read.' }),
    baseline: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        status: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Union([_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('compared'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('missing'), _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Literal('not-requested')]),
        branch: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
        sha: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String()),
        newCount: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 })),
        saved: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Boolean({ description: 'This run saved the findings as the baseline of its branch.' }),
    }, { additionalProperties: false }),
    sarif: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Object({
        file: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String(),
        runs: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
        results: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0 }),
        dropped: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Integer({ minimum: 0, description: 'Results left out to stay within GitHub’s limits.' }),
        uploaded: _sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.Boolean(),
        sarifId: (0,_core_report_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .Nullable */ .UX)(_sinclair_typebox__WEBPACK_IMPORTED_MODULE_1__/* .Type */ .ZU.String({ description: 'The id GitHub gave the upload.' })),
    }, { additionalProperties: false })),
});


/***/ })

};

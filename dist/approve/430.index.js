import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 430;
export const ids = [430];
export const modules = {

/***/ 33430:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadIgnores: () => (/* binding */ loadIgnores),
/* harmony export */   parseShipkitIgnores: () => (/* binding */ parseShipkitIgnores),
/* harmony export */   parseTrivyIgnore: () => (/* binding */ parseTrivyIgnore),
/* harmony export */   parseTrivyIgnoreYaml: () => (/* binding */ parseTrivyIgnoreYaml)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74296);
/* harmony import */ var _ids_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82583);
/* harmony import */ var _ignore_rules_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(54221);







/**
 * Findings the team has decided about. Three files, all optional:
 *
 * - `.shipkit/scan-ignore.yml` (input `ignore-file`): a list (or `ignore:` list) of entries with
 *   `id` (an id or alias, or a pattern: `GHSA-*`) and/or `package` (a picomatch pattern: `@babel/*`),
 *   optionally `path` (pattern on the target or file), a required `reason` and a required `expires`
 *   date (YYYY-MM-DD). An ignore that never expires is how old findings stop being looked at.
 * - `.trivyignore` (Trivy's format): one id per line, `#` comments, an optional `exp:YYYY-MM-DD`.
 * - `.trivyignore.yaml` (Trivy's format): `vulnerabilities`, `misconfigurations`, `secrets` lists of
 *   `{id, paths, purls, statement, expired_at}`.
 *
 * An ignored finding stays in the report with `ignored: {reason, source, expires}` and does not count.
 * An expired entry ignores nothing, and the `ignore-expiry` gate fails naming its file and line.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(text) {
    if (!DATE.test(text))
        return false;
    const d = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}
const idMatcher = (pattern) => {
    const canonical = (0,_ids_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeId */ .XB)(pattern) ?? pattern;
    if (!/[*?[\]{}!]/.test(pattern))
        return (id) => id.toLowerCase() === canonical.toLowerCase();
    const m = picomatch__WEBPACK_IMPORTED_MODULE_6___default()(pattern, { nocase: true });
    return (id) => m(id);
};
const globMatcher = (patterns) => {
    const ms = patterns.map((p) => picomatch__WEBPACK_IMPORTED_MODULE_6___default()(p.replace(/^\.\//, ''), { dot: true }));
    return (p) => ms.some((m) => m(p.replace(/^\.\//, '')));
};
function parsePurl(purl) {
    const m = /^pkg:[^/]+\/(.+?)(?:@([^?#]+))?(?:[?#].*)?$/.exec(purl);
    if (!m)
        return undefined;
    const name = decodeURIComponent(m[1]);
    return m[2] ? { name, version: decodeURIComponent(m[2]) } : { name };
}
function lineOfNode(y, node) {
    const offset = node?.range?.[0] ?? 0;
    return y.lines.linePos(offset).line;
}
function fail(y, node, message) {
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(message, { input: y.input, file: y.file, line: lineOfNode(y, node) });
}
function loadYaml(full, file, input) {
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(full, 'utf8');
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false });
    const y = { file, lines, input };
    const error = doc.errors[0];
    if (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`not valid YAML: ${error.message.split('\n')[0]}`, {
            input,
            file,
            line: lines.linePos(error.pos[0]).line,
        });
    }
    return { y, root: doc.contents };
}
function scalarString(y, map, key) {
    const node = map.get(key, true);
    if (node === undefined || node === null)
        return undefined;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node) || node.value === null || typeof node.value === 'object')
        fail(y, node, `'${key}' must be a string`);
    const v = node.value;
    return {
        value: (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '').trim(),
        node,
    };
}
function stringList(y, map, key) {
    const node = map.get(key, true);
    if (node === undefined || node === null)
        return undefined;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node))
        return [String(node.value)];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(node))
        fail(y, node, `'${key}' must be a list of strings`);
    return node.items.map((item) => {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(item))
            fail(y, item, `'${key}' must be a list of strings`);
        return String(item.value);
    });
}
function expiry(y, map, key, required, entryNode) {
    const e = scalarString(y, map, key);
    if (!e) {
        if (required)
            fail(y, entryNode, `this ignore has no '${key}': give a date (YYYY-MM-DD) after which the finding counts again`);
        return null;
    }
    if (!validDate(e.value))
        fail(y, e.node, `'${key}' must be a date like 2026-12-31, got '${e.value}'`);
    return e.value;
}
const SHIPKIT_KEYS = new Set(['id', 'package', 'path', 'reason', 'expires']);
/** `.shipkit/scan-ignore.yml`. */
function parseShipkitIgnores(full, file, input) {
    const { y, root } = loadYaml(full, file, input);
    if (root === null)
        return [];
    let list = root;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(root))
        list = root.get('ignore', true);
    if (list === undefined || list === null)
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(list))
        fail(y, list, "expected a list of ignores (or 'ignore:' with a list)");
    const rules = [];
    for (const item of list.items) {
        const node = item;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node))
            fail(y, node, 'each ignore must be a mapping with id or package, reason and expires');
        for (const pair of node.items) {
            const k = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
            if (!SHIPKIT_KEYS.has(k))
                fail(y, pair.key, `unknown key '${k}' (an ignore has id, package, path, reason, expires)`);
        }
        const id = scalarString(y, node, 'id');
        const pkg = scalarString(y, node, 'package');
        if (!id && !pkg)
            fail(y, node, "an ignore needs 'id' or 'package'");
        const reason = scalarString(y, node, 'reason');
        if (!reason || reason.value === '')
            fail(y, reason?.node ?? node, "an ignore needs a 'reason'");
        const paths = stringList(y, node, 'path');
        const line = lineOfNode(y, node);
        rules.push({
            source: `${file}:${line}`,
            file,
            line,
            reason: reason.value,
            expires: expiry(y, node, 'expires', true, node),
            ...(id ? { matchId: idMatcher(id.value) } : {}),
            ...(pkg ? { matchPackage: picomatch__WEBPACK_IMPORTED_MODULE_6___default()(pkg.value) } : {}),
            ...(paths ? { matchPath: globMatcher(paths) } : {}),
            label: [id?.value, pkg ? `package ${pkg.value}` : undefined].filter(Boolean).join(' in '),
        });
    }
    return rules;
}
/** `.trivyignore`: `CVE-2019-14697 exp:2023-01-01`, comments after `#`. */
function parseTrivyIgnore(text, file, input) {
    const rules = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const body = lines[i].replace(/#.*$/, '').trim();
        if (body === '')
            continue;
        const [id, ...rest] = body.split(/\s+/);
        let expires = null;
        for (const part of rest) {
            const m = /^exp:(.*)$/.exec(part);
            if (!m)
                continue;
            if (!validDate(m[1]))
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`'exp:' must be a date like 2026-12-31, got '${m[1]}'`, { input, file, line: i + 1 });
            expires = m[1];
        }
        const comment = /#\s*(.+)$/.exec(lines[i])?.[1]?.trim();
        rules.push({
            source: `${file}:${i + 1}`,
            file,
            line: i + 1,
            reason: comment ?? `listed in ${file}`,
            expires,
            matchId: idMatcher(id),
            label: id,
        });
    }
    return rules;
}
const TRIVY_SECTIONS = {
    vulnerabilities: 'vuln',
    misconfigurations: 'misconfig',
    secrets: 'secret',
};
/** `.trivyignore.yaml`. */
function parseTrivyIgnoreYaml(full, file, input) {
    const { y, root } = loadYaml(full, file, input);
    if (root === null)
        return [];
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(root))
        fail(y, root, 'expected vulnerabilities:, misconfigurations: or secrets: lists');
    const rules = [];
    for (const pair of root.items) {
        const section = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : '';
        const kind = TRIVY_SECTIONS[section];
        if (!kind)
            continue; // licenses: not findings of this stage
        const list = pair.value;
        if (list === null)
            continue;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(list))
            fail(y, list, `'${section}' must be a list`);
        for (const item of list.items) {
            const node = item;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(node))
                fail(y, node, `each entry of '${section}' must be a mapping with an id`);
            const id = scalarString(y, node, 'id');
            if (!id)
                fail(y, node, "each entry needs an 'id'");
            const paths = stringList(y, node, 'paths');
            const purls = stringList(y, node, 'purls')?.flatMap((p) => parsePurl(p) ?? []);
            const statement = scalarString(y, node, 'statement');
            const line = lineOfNode(y, node);
            rules.push({
                source: `${file}:${line}`,
                file,
                line,
                reason: statement?.value || `listed in ${file}`,
                expires: expiry(y, node, 'expired_at', false, node),
                kind,
                matchId: idMatcher(id.value),
                ...(paths ? { matchPath: globMatcher(paths) } : {}),
                ...(purls && purls.length > 0 ? { purls } : {}),
                label: id.value,
            });
        }
    }
    return rules;
}
/** Every rule from the three files under `cwd`; a named ignore-file that is missing is the user's mistake. */
function loadIgnores(cwd, files) {
    const rules = [];
    const own = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(cwd, files.ignoreFile);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(own))
        rules.push(...parseShipkitIgnores(own, files.ignoreFile, 'ignore-file'));
    else if (files.explicit)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UserError */ .yo(`ignore file '${files.ignoreFile}' not found (looked in ${cwd})`, { input: 'ignore-file' });
    const trivy = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cwd, _ignore_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .TRIVY_IGNORE */ .qR);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(trivy))
        rules.push(...parseTrivyIgnore((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(trivy, 'utf8'), _ignore_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .TRIVY_IGNORE */ .qR, 'ignore-file'));
    const trivyYaml = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cwd, _ignore_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .TRIVY_IGNORE_YAML */ .oX);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(trivyYaml))
        rules.push(...parseTrivyIgnoreYaml(trivyYaml, _ignore_rules_js__WEBPACK_IMPORTED_MODULE_5__/* .TRIVY_IGNORE_YAML */ .oX, 'ignore-file'));
    return rules;
}


/***/ })

};

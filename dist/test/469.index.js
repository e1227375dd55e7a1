import { createRequire as __shipkitCreateRequire } from 'node:module';
import { fileURLToPath as __shipkitFileURLToPath } from 'node:url';
const __filename = __shipkitFileURLToPath(import.meta.url);
const __dirname = __shipkitFileURLToPath(new URL('.', import.meta.url));
const require = __shipkitCreateRequire(import.meta.url);
export const id = 469;
export const ids = [469];
export const modules = {

/***/ 60469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ SqlSyntaxError),
/* harmony export */   T: () => (/* binding */ parsePlpgsql),
/* harmony export */   parsePostgres: () => (/* binding */ parsePostgres)
/* harmony export */ });
let loading;
const libpgQuery = () => (loading ??= __webpack_require__.e(/* import() */ 627).then(__webpack_require__.t.bind(__webpack_require__, 2627, 23)));
class SqlSyntaxError extends Error {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
        this.name = 'SqlSyntaxError';
    }
}
/** Line starts of a UTF-8 buffer, for byte offset → line lookups. */
function lineIndex(bytes) {
    const starts = [0];
    for (let i = 0; i < bytes.length; i++)
        if (bytes[i] === 10)
            starts.push(i + 1);
    return (offset) => {
        let lo = 0;
        let hi = starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if ((starts[mid] ?? 0) <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo + 1;
    };
}
/** Skips blanks and comments, which a statement's location may include, to land on its first token. */
function firstToken(text) {
    let i = 0;
    for (;;) {
        while (i < text.length && /\s/.test(text[i] ?? ''))
            i++;
        if (text.startsWith('--', i)) {
            const nl = text.indexOf('\n', i);
            i = nl < 0 ? text.length : nl + 1;
        }
        else if (text.startsWith('/*', i)) {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 2;
        }
        else
            return i;
    }
}
async function parsePostgres(sql) {
    const { parse } = await libpgQuery();
    const bytes = Buffer.from(sql);
    const lineOf = lineIndex(bytes);
    let result;
    try {
        result = await parse(sql);
    }
    catch (error) {
        const pos = error.sqlDetails?.cursorPosition;
        throw new SqlSyntaxError(error.message, pos !== undefined && pos >= 0 ? lineOf(pos) : undefined);
    }
    const statements = (result.stmts ?? []).map((s) => {
        const start = s.stmt_location ?? 0;
        const end = s.stmt_len ? start + s.stmt_len : bytes.length;
        const raw = bytes.subarray(start, end).toString();
        const first = firstToken(raw);
        return {
            text: raw.slice(first),
            line: lineOf(start + Buffer.byteLength(raw.slice(0, first))),
            node: s.stmt ?? {},
        };
    });
    return { statements, lineOf };
}
/**
 * The PL/pgSQL functions of a statement (CREATE FUNCTION … LANGUAGE plpgsql, or DO), compiled as
 * PostgreSQL's PL/pgSQL validator does. Throws when PostgreSQL would refuse the body.
 */
async function parsePlpgsql(statement) {
    const { parsePlPgSQL } = await libpgQuery();
    const result = (await parsePlPgSQL(statement));
    return result.plpgsql_funcs ?? [];
}


/***/ })

};

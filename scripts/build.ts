// Builds the Apps Script project into dist/: Code.js (bundle + top-level entry points,
// custom functions with their JSDoc), appsscript.json, sidebar.html (one self-contained file) and the
// server-side HtmlService templates of src/templates/.
import * as esbuild from 'esbuild';
import ts from 'typescript';
import {
  readFileSync,
  readdirSync,
  writeFileSync,
  mkdirSync,
  copyFileSync,
  existsSync,
} from 'node:fs';
import {join} from 'node:path';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
/** The bundle's one global (short: each entry point names it). */
export const BUNDLE_GLOBAL = 'TR';
/** Hard limit: a bigger Code.js fails the build and the tests. */
export const CODE_LIMIT_BYTES = 150 * 1024;
/** The goal the bench and the build report against: Code.js is parsed before every custom-function call. */
export const CODE_GOAL_BYTES = 100 * 1024;

/** Reads every export of src/index.ts: name, parameter names and its JSDoc, verbatim. */
export interface EntryPoint {
  name: string;
  params: string[];
  jsdoc: string;
}

export function readEntryPoints(
  file = join(root, 'src/index.ts'),
): EntryPoint[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const entries: EntryPoint[] = [];
  for (const statement of source.statements) {
    const exported =
      ts.canHaveModifiers(statement) &&
      ts
        .getModifiers(statement)
        ?.some(m => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (!ts.isFunctionDeclaration(statement) || !statement.name) {
      throw new Error(
        `src/index.ts: every export must be a named function declaration (found: ${text.slice(statement.pos, statement.end).trim().split('\n')[0]})`,
      );
    }
    const docs = (ts.getLeadingCommentRanges(text, statement.pos) ?? [])
      .map(r => text.slice(r.pos, r.end))
      .filter(c => c.startsWith('/**'));
    const params = statement.parameters.map(p => p.name.getText(source));
    entries.push({name: statement.name.text, params, jsdoc: docs.at(-1) ?? ''});
  }
  return entries;
}

function entryPointSource(
  entries: EntryPoint[],
  locals: Map<string, string>,
): string {
  return entries
    .map(({name, params, jsdoc}) => {
      // Only Sheets reads JSDoc, and only a custom function's (formula help,
      // autocomplete); menu items, triggers and sidebar calls need none in Code.js.
      const doc = jsdoc.includes('@customfunction') ? `${jsdoc}\n` : '';
      // The arguments passed on as they came, in fewer bytes (no spaces either).
      const args = params.join(',');
      const pass = args.length > 12 ? '...arguments' : args;
      return `${doc}function ${name}(${args}){return ${BUNDLE_GLOBAL}.${locals.get(name)}(${pass})}`;
    })
    .join('\n');
}

/**
 * The module as one global object: its body in a function scope, returning
 * a plain object of its exports under their minified local names
 * (`export{a as B}` becomes `{a}`; the entry point B calls `a`), and which
 * local name each export has.
 */
function asGlobal(code: string): {code: string; locals: Map<string, string>} {
  // Not "exports"/"module": names the CommonJS build of this script uses itself.
  const list = /export\s*\{([^}]*)\};?\s*$/.exec(code);
  if (!list) throw new Error('build: the bundle has no export list');
  const locals = new Map(
    list[1]
      .split(',')
      .map(e => e.trim().split(/\s+as\s+/))
      .map(([local, name = local]) => [name, local] as const),
  );
  return {
    code: `var ${BUNDLE_GLOBAL}=(()=>{"use strict";${code.slice(0, list.index)}return{${[...new Set(locals.values())].join(',')}}})();`,
    locals,
  };
}

const IDENTIFIER_CHAR = /[\w$]/;

/** Date's local-clock members stay spelled out, where test/zones/bundle-dates.test.ts looks for them. */
const LOCAL_CLOCK =
  /^(get|set)(FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|TimezoneOffset)$|^to(Locale)?(Date|Time)?String$/;

/**
 * Each string the minified bundle repeats often enough to pay for it,
 * written once: `var q$="Week Ending",…` at the top of the module function
 * and the name wherever the string stood (esbuild writes every occurrence
 * out; "Forecast Category" alone stood 18 times). A string is a literal, an
 * object literal's key (which becomes a computed key of the same name, never
 * `__proto__`, whose literal form sets the prototype) or a member's name
 * (`a.weekEnding` becomes `a[q$]`, `a?.b` `a?.[q$]`: the same property, read
 * or written or called with the same `this`). Directives, method names,
 * literals a typeof is compared with (isTypeofTest) and Date's local-clock
 * members are left alone. The static builtins that ignore
 * `this` (`Object.defineProperty`, `Math.max`, …; STATICS) are pooled alike:
 * called through a name, they do what they did. Semantics are unchanged; the
 * names are ones the bundle uses nowhere, in any scope, so no inner name can
 * shadow them; spaces keep a name from fusing with a neighbouring keyword
 * (`case"x"` becomes `case q$`).
 */
export function poolStrings(
  code: string,
  /** Member names to leave as written (the per-row code's: PER_ROW_SOURCES). */
  keepMembers: ReadonlySet<string> = new Set(),
): string {
  const source = ts.createSourceFile(
    'bundle.js',
    code,
    ts.ScriptTarget.ES2020,
    true,
    ts.ScriptKind.JS,
  );
  const used = new Set<string>();
  const declared = new Set<string>();
  // By the value's text (a string literal, or a builtin's path): where it stands.
  const sites = new Map<string, ts.Node[]>();
  const add = (raw: string, node: ts.Node) =>
    sites.set(raw, [...(sites.get(raw) ?? []), node]);
  const isStatic = (node: ts.Node): node is ts.PropertyAccessExpression =>
    ts.isPropertyAccessExpression(node) &&
    ts.isIdentifier(node.expression) &&
    ts.isIdentifier(node.name) &&
    STATICS[node.expression.text]?.includes(node.name.text) === true;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node))
      used.add(node.text);
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    )
      declared.add(node.name.text);
    if (isStatic(node)) {
      if (!(ts.isBinaryExpression(node.parent) && node.parent.left === node))
        add(node.getText(source), node);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.name) &&
      !LOCAL_CLOCK.test(node.name.text) &&
      !keepMembers.has(node.name.text)
    ) {
      add(JSON.stringify(node.name.text), node);
    }
    if (ts.isStringLiteral(node)) {
      const parent = node.parent;
      const poolable =
        !ts.isExpressionStatement(parent) &&
        !isTypeofTest(node) &&
        (isKey(node)
          ? node.text !== '__proto__'
          : !(
              (ts.isPropertyName(node) &&
                'name' in parent &&
                parent.name === node) ||
              ts.isImportDeclaration(parent) ||
              ts.isExportDeclaration(parent)
            ));
      if (poolable) add(node.getText(source), node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // A builtin whose name the bundle binds somewhere is not the builtin there.
  for (const raw of sites.keys())
    if (!/^["'`]/.test(raw) && declared.has(raw.split('.')[0]))
      sites.delete(raw);
  // Short names the bundle does not use, shortest first.
  const first = 'etnrsoiaclduphfmgSyvbkwxjzqTECDAIMNRPLOBFHGUWVKYJXZQ_$';
  const next = `${first}0123456789`;
  const names = function* () {
    for (const a of first) for (const b of next) yield a + b;
    for (const a of first)
      for (const b of next) for (const c of next) yield a + b + c;
  };
  const free = names();
  const take = (): string => {
    for (;;) {
      const {value} = free.next();
      if (!value) throw new Error('build: no free name for a pooled string');
      if (!used.has(value) && !RESERVED.has(value)) return value;
    }
  };
  // Where a site's text starts, and what it becomes under a name.
  const startOf = (node: ts.Node) =>
    isMember(node) ? node.expression.getEnd() : node.getStart(source);
  const renamed = (node: ts.Node, name: string) =>
    isMember(node)
      ? `${node.questionDotToken ? '?.' : ''}[${name}]`
      : isKey(node)
        ? `[${name}]`
        : name;
  const saved = (nodes: ts.Node[], raw: string, name: string) =>
    nodes.reduce(
      (n, node) =>
        n + node.getEnd() - startOf(node) - renamed(node, name).length,
      0,
    ) -
    // The declaration: the name, "=", the value and ",".
    (name.length + Buffer.byteLength(raw) + 2);
  const pooled: Array<[string, string, ts.Node[]]> = [];
  let peek = take();
  const bySaving = [...sites].sort(
    ([a, x], [b, y]) => saved(y, b, peek) - saved(x, a, peek),
  );
  for (const [raw, nodes] of bySaving) {
    if (saved(nodes, raw, peek) <= 0) continue;
    pooled.push([peek, raw, nodes]);
    peek = take();
  }
  if (pooled.length === 0) return code;
  const edits: Array<[number, number, string]> = [];
  for (const [name, , nodes] of pooled) {
    for (const node of nodes) {
      const start = startOf(node);
      const end = node.getEnd();
      let text = renamed(node, name);
      // A bare name must not fuse with a neighbour; brackets never do.
      if (text === name) {
        if (IDENTIFIER_CHAR.test(code[start - 1] ?? '')) text = ` ${text}`;
        if (IDENTIFIER_CHAR.test(code[end] ?? '')) text = `${text} `;
      }
      edits.push([start, end, text]);
    }
  }
  // Right to left: a member's edit ends where its object's ends begin.
  edits.sort((a, b) => b[0] - a[0]);
  let out = code;
  for (const [start, end, text] of edits)
    out = out.slice(0, start) + text + out.slice(end);
  const strict = '"use strict";';
  const at = out.indexOf(strict);
  if (at < 0)
    throw new Error('build: the bundle has no "use strict" to pool after');
  const declaration = `var ${pooled.map(([name, raw]) => `${name}=${raw}`).join(',')};`;
  return (
    out.slice(0, at + strict.length) +
    declaration +
    out.slice(at + strict.length)
  );
}

/**
 * `typeof x == "number"`: V8 compiles a typeof compared with a literal into
 * one type check, and with a variable into a string comparison, in the
 * per-row loops of the table formulas. Such literals stay as written.
 */
const isTypeofTest = (node: ts.StringLiteral) =>
  ts.isBinaryExpression(node.parent) &&
  [node.parent.left, node.parent.right].some(ts.isTypeOfExpression);

const isKey = (node: ts.Node) =>
  ts.isStringLiteral(node) &&
  ts.isPropertyAssignment(node.parent) &&
  node.parent.name === node;

/** A member's name (`a.b`, `a?.b`), not a builtin pooled whole. */
const isMember = (node: ts.Node): node is ts.PropertyAccessExpression =>
  ts.isPropertyAccessExpression(node) &&
  !(
    ts.isIdentifier(node.expression) &&
    ts.isIdentifier(node.name) &&
    STATICS[node.expression.text]?.includes(node.name.text)
  );

/** Static builtins that do not read `this`: the same function called through another name. */
const STATICS: Record<string, readonly string[]> = {
  Object: [
    'assign',
    'defineProperty',
    'entries',
    'fromEntries',
    'getOwnPropertyDescriptor',
    'getOwnPropertyNames',
    'getPrototypeOf',
    'keys',
    'values',
  ],
  JSON: ['parse', 'stringify'],
  Array: ['isArray'],
  Number: ['isFinite', 'isInteger'],
  Math: ['abs', 'ceil', 'floor', 'max', 'min', 'round'],
};

/**
 * The code the table formulas run per row and per cell (cells and the wall
 * clock, headers, deals, the gate, the slip signals, the quarter's and the
 * leads' readers, the formulas): its member names stay `a.b`. A pooled name
 * makes each a keyed load, and the bench measured GATE_CHECK at 2.0–2.7× its
 * minimal loop with them pooled against 1.5× without.
 */
const PER_ROW_SOURCES = [
  'domain/cells.ts',
  'domain/wall-clock.ts',
  'domain/business-days.ts',
  'domain/headers.ts',
  'domain/deals.ts',
  'domain/gate.ts',
  'domain/signals.ts',
  'domain/quarters',
  'domain/leads',
  'formulas',
];

/** Every member name the per-row sources under `src` read or write. */
function perRowMembers(src: string): Set<string> {
  const names = new Set<string>();
  const files = (path: string): string[] =>
    !existsSync(path)
      ? []
      : path.endsWith('.ts')
        ? [path]
        : readdirSync(path).flatMap(f => files(join(path, f)));
  for (const file of PER_ROW_SOURCES.flatMap(p => files(join(src, p)))) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name))
        names.add(node.name.text);
      ts.forEachChild(node, visit);
    };
    visit(
      ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.ES2020,
        true,
      ),
    );
  }
  return names;
}

const RESERVED = new Set(
  'do if in for let new try var case else enum eval null this true void with await break catch class const false super throw while yield delete export import public return static switch typeof default extends finally package private continue debugger function arguments interface protected implements instanceof undefined NaN Infinity'.split(
    ' ',
  ),
);

/**
 * Code.js's text from an entry file: the minified bundle and the top-level
 * entry points. The bench also builds an older checkout's src/ with it, so
 * both bundles are built alike.
 */
export async function bundleCode(
  entry = join(root, 'src/index.ts'),
  nodePaths: string[] = [],
): Promise<{code: string; entries: number}> {
  const entries = readEntryPoints(entry);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    // An ES module, wrapped below: esbuild's own IIFE builds its export object
    // with a getter per export at load, a cost paid before every call.
    format: 'esm',
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    nodePaths,
    // Apps Script re-parses the whole file before every custom-function call: keep it small.
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
  });
  const {code: wrapped, locals} = asGlobal(result.outputFiles[0].text);
  const bundle = poolStrings(wrapped, perRowMembers(join(entry, '..')));
  const code = `// Built from src/: do not edit.\n${bundle}\n${entryPointSource(entries, locals)}\n`;
  return {code, entries: entries.length};
}

/** The field checks' script (src/field-checks/): a developer's tool, kept out of the add-on's Code.js. */
export const FIELD_CHECKS_DIR = join(root, 'dist-field-checks');

async function buildFieldChecks(): Promise<number> {
  const {code} = await bundleCode(join(root, 'src/field-checks/index.ts'));
  mkdirSync(FIELD_CHECKS_DIR, {recursive: true});
  writeFileSync(join(FIELD_CHECKS_DIR, 'Code.js'), code);
  return Buffer.byteLength(code);
}

async function buildCode() {
  const {code, entries} = await bundleCode();
  writeFileSync(join(dist, 'Code.js'), code);
  return {bytes: Buffer.byteLength(code), entries};
}

/** Inlines sidebar/<name>.ts and .css into sidebar/<name>.html; safe for HtmlService. */
async function buildHtml(name: string): Promise<number | undefined> {
  const dir = join(root, 'sidebar');
  const htmlFile = join(dir, `${name}.html`);
  if (!existsSync(htmlFile)) return undefined;
  let html = readFileSync(htmlFile, 'utf8');
  const script = await esbuild.build({
    entryPoints: [join(dir, `${name}.ts`)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
  });
  const js = script.outputFiles[0].text
    .replace(/<\/script/gi, '<\\/script')
    .replace(/<\?/g, '<\\?');
  const cssFile = join(dir, `${name}.css`);
  const css = existsSync(cssFile) ? readFileSync(cssFile, 'utf8') : '';
  html = html
    .replace('<!-- inline:style -->', () => `<style>\n${css}</style>`)
    .replace('<!-- inline:script -->', () => `<script>\n${js}</script>`);
  if (html.includes('<?'))
    throw new Error(
      `sidebar/${name}.html: "<?" would be read by HtmlService templating`,
    );
  if (/<(script|link)[^>]+(src|href)=["']?https?:/i.test(html)) {
    throw new Error(
      `sidebar/${name}.html: external script or stylesheet; the sidebar must be self-contained`,
    );
  }
  writeFileSync(join(dist, `${name}.html`), html);
  return Buffer.byteLength(html);
}

export async function build({quiet = false} = {}) {
  mkdirSync(dist, {recursive: true});
  const {bytes, entries} = await buildCode();
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  const sidebarBytes = await buildHtml('sidebar');
  const fieldCheckBytes = await buildFieldChecks();
  // Server-side HtmlService templates (the CFO email): markup kept out of Code.js.
  const templates = join(root, 'src', 'templates');
  for (const file of existsSync(templates) ? readdirSync(templates) : []) {
    if (file.endsWith('.html'))
      copyFileSync(join(templates, file), join(dist, file));
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  if (!quiet) {
    console.log(
      `dist/Code.js      ${kb(bytes)} (goal ${kb(CODE_GOAL_BYTES)}, limit ${kb(CODE_LIMIT_BYTES)}), ${entries} entry points`,
    );
    if (sidebarBytes !== undefined)
      console.log(`dist/sidebar.html ${kb(sidebarBytes)}`);
    console.log(
      `dist-field-checks/Code.js ${kb(fieldCheckBytes)} (runFieldChecks, not pushed)`,
    );
  }
  if (bytes > CODE_LIMIT_BYTES && !quiet) {
    console.error(
      `dist/Code.js is ${kb(bytes)}, over the ${kb(CODE_LIMIT_BYTES)} limit`,
    );
  }
  return {codeBytes: bytes, sidebarBytes};
}

if (require.main === module) {
  build()
    .then(({codeBytes}) => {
      // The budget fails the build command; the bundle-contract test fails the suite.
      if (codeBytes > CODE_LIMIT_BYTES) process.exit(1);
    })
    .catch((err: Error) => {
      console.error(err.message);
      process.exit(1);
    });
}

/**
 * HtmlService templates: `<? code ?>` runs, `<?= expr ?>` prints with
 * contextual escaping, `<?!= expr ?>` prints as is; properties set on the
 * template object are variables inside it. evaluate() returns an HtmlOutput.
 *
 * Contextual escaping ("HTML Service: Templated HTML", Printing scriptlets:
 * https://developers.google.com/apps-script/guides/html/templates#printing_scriptlets):
 * Apps Script "keeps track of the output's context on the page — inside an HTML
 * attribute, inside a client-side script tag, or anywhere else" and escapes
 * for it. Google does not publish the exact rules; they follow the Closure
 * Templates autoescaper Google built them from, which the emulator mirrors:
 * - text and ordinary attributes: HTML entities (`& < > " '`; more when unquoted);
 * - a URL attribute (href, src, action, …): at the start of the value a URL
 *   whose scheme is not http, https or mailto becomes `about:invalid#zSoyz`,
 *   the rest is percent-normalised; later in the URL the value is
 *   percent-encoded as one component;
 * - CSS (`style`, `<style>`): a value that is not a plain CSS word, number,
 *   length, colour or `!important` becomes `zSoyz`;
 * - JavaScript (`on…` attributes, `<script>`): a quoted JS literal, or the
 *   JS-escaped text inside a string literal the template opened.
 * Where unsure the emulator is stricter: a printing scriptlet inside a tag
 * (not in an attribute value) or inside an HTML comment is refused when the
 * template is compiled.
 */
import type {EmulatorContext} from './context';
import {expose, type Emulates} from './instrument';

type RealTemplate = GoogleAppsScript.HTML.HtmlTemplate;

type Quote = '"' | "'" | '';

/** Where a printing scriptlet prints, decided from the template text before it. */
export type PrintContext =
  | {kind: 'html'}
  | {kind: 'attr'; quote: Quote}
  | {kind: 'url'; quote: Quote; start: boolean}
  /** `quote` absent: inside a <style> or <script> element, where entities mean nothing. */
  | {kind: 'css'; quote?: Quote}
  | {kind: 'js'; quote?: Quote; string: '' | '"' | "'" | '`'};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const text = (value: unknown) => String(value ?? '');

function escapeHtml(value: string, quote: Quote = '"'): string {
  const escaped = value.replace(/[&<>"']/g, c => HTML_ESCAPES[c]);
  // An unquoted attribute value ends at a space, = or backtick too.
  return quote === ''
    ? escaped.replace(/[\s=`]/g, c => `&#${c.charCodeAt(0)};`)
    : escaped;
}

const SAFE_SCHEME = /^(?:https?|mailto)$/i;
const INNOCUOUS_URL = 'about:invalid#zSoyz';

/** A whole URL printed at the start of a URL attribute. */
function filterUrl(value: string): string {
  const scheme = /^([^:/?#]*):/.exec(value.trim());
  if (scheme && !SAFE_SCHEME.test(scheme[1])) return INNOCUOUS_URL;
  return value.replace(
    /[\s"'()<>\\{}`\x7f]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

const CSS_VALUE =
  /^(?!-*(?:expression|(?:moz-)?binding))(?:[.#]?-?[_a-z0-9-]+(?:-[_a-z0-9-]+)*-?|-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[a-z]{1,2}|%)?|!important|)$/i;

function escapeJsString(value: string): string {
  return value.replace(
    // eslint-disable-next-line no-control-regex
    /[\\'"`<>&/=\x00-\x1f\x7f\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function jsValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${escapeJsString(value)}'`;
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(
    /[<>&'\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** What a printing scriptlet prints in its context. */
export function escapeTemplateValue(
  value: unknown,
  context: PrintContext = {kind: 'html'},
): string {
  switch (context.kind) {
    case 'html':
      return escapeHtml(text(value));
    case 'attr':
      return escapeHtml(text(value), context.quote);
    case 'url':
      return escapeHtml(
        context.start
          ? filterUrl(text(value))
          : encodeURIComponent(text(value)),
        context.quote,
      );
    case 'css': {
      const css = text(value);
      return inAttribute(CSS_VALUE.test(css) ? css : 'zSoyz', context.quote);
    }
    case 'js':
      return inAttribute(
        context.string ? escapeJsString(text(value)) : jsValue(value),
        context.quote,
      );
  }
}

/** Entity-escaped inside an attribute value; as is inside a <script> or <style> element. */
function inAttribute(value: string, quote: Quote | undefined): string {
  return quote === undefined ? value : escapeHtml(value, quote);
}

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'cite',
  'background',
  'poster',
  'longdesc',
  'usemap',
  'codebase',
  'data',
  'manifest',
  'xlink:href',
]);

/**
 * Follows the literal text of a template through HTML's states (text, tag,
 * attribute value, script, style, comment) so each printing scriptlet knows
 * where it prints. Scriptlet output is assumed not to change the state, which
 * holds for escaped output; force-printed output is the template's own markup.
 */
class HtmlState {
  private state:
    'text' | 'tag' | 'attrValue' | 'script' | 'style' | 'rcdata' | 'comment' =
    'text';
  private tagName = '';
  private attrName = '';
  private quote: Quote = '"';
  private valueSoFar = '';
  private jsString: '' | '"' | "'" | '`' = '';

  feed(chunk: string): void {
    let i = 0;
    while (i < chunk.length) i = this.step(chunk, i);
  }

  /** The context a printing scriptlet has here, and what it leaves behind. */
  print(): PrintContext {
    switch (this.state) {
      case 'text':
      case 'rcdata':
        return {kind: 'html'};
      case 'script':
        return {kind: 'js', string: this.jsString};
      case 'style':
        return {kind: 'css'};
      case 'attrValue': {
        const quote = this.quote;
        const name = this.attrName.toLowerCase();
        if (name.startsWith('on'))
          return {kind: 'js', quote, string: this.jsString};
        if (name === 'style') return {kind: 'css', quote};
        if (URL_ATTRIBUTES.has(name)) {
          const start = this.valueSoFar.trim() === '';
          this.valueSoFar += 'x';
          return {kind: 'url', quote, start};
        }
        return {kind: 'attr', quote};
      }
      case 'tag':
        throw new Error(
          `HtmlTemplate: a printing scriptlet inside <${this.tagName}> but outside an attribute value cannot be escaped; print into a quoted attribute value instead`,
        );
      case 'comment':
        throw new Error(
          'HtmlTemplate: a printing scriptlet inside an HTML comment cannot be escaped',
        );
    }
  }

  private step(s: string, i: number): number {
    switch (this.state) {
      case 'text': {
        if (s.startsWith('<!--', i)) {
          this.state = 'comment';
          return i + 4;
        }
        const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(s.slice(i));
        if (!tag) return i + 1;
        this.tagName = tag[2].toLowerCase();
        this.state = 'tag';
        if (tag[1]) this.tagName = `/${this.tagName}`;
        return i + tag[0].length;
      }
      case 'comment': {
        const end = s.indexOf('-->', i);
        if (end < 0) return s.length;
        this.state = 'text';
        return end + 3;
      }
      case 'tag': {
        const c = s[i];
        if (c === '>') {
          this.state =
            this.tagName === 'script'
              ? 'script'
              : this.tagName === 'style'
                ? 'style'
                : this.tagName === 'title' || this.tagName === 'textarea'
                  ? 'rcdata'
                  : 'text';
          this.jsString = '';
          return i + 1;
        }
        const attr = /^([^\s=>/"']+)\s*=\s*(["']?)/.exec(s.slice(i));
        if (attr) {
          this.attrName = attr[1];
          this.quote = attr[2] as Quote;
          this.valueSoFar = '';
          this.jsString = '';
          this.state = 'attrValue';
          return i + attr[0].length;
        }
        return i + 1;
      }
      case 'attrValue': {
        const c = s[i];
        const ends = this.quote ? c === this.quote : /[\s>]/.test(c);
        if (ends) {
          this.state = 'tag';
          return this.quote ? i + 1 : i;
        }
        this.valueSoFar += c;
        if (this.attrName.toLowerCase().startsWith('on')) this.trackJs(c);
        return i + 1;
      }
      case 'script':
      case 'style':
      case 'rcdata': {
        const close = `</${this.state === 'rcdata' ? this.tagName : this.state}`;
        if (s.slice(i, i + close.length).toLowerCase() === close) {
          this.state = 'tag';
          this.tagName = `/${close.slice(2)}`;
          return i + close.length;
        }
        if (this.state === 'script') {
          if (s[i] === '\\' && this.jsString) return i + 2;
          this.trackJs(s[i]);
        }
        return i + 1;
      }
    }
  }

  private trackJs(c: string): void {
    if (this.jsString) {
      if (c === this.jsString) this.jsString = '';
    } else if (c === '"' || c === "'" || c === '`') this.jsString = c;
  }
}

/** Compiles template text into a function of (scope, escape) returning the page. */
export function compileTemplate(
  source: string,
): (
  scope: object,
  escape: (v: unknown, context: PrintContext) => string,
) => string {
  let body = 'let __out = "";\nwith (__scope) {\n';
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  const html = new HtmlState();
  let last = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    const literal = source.slice(last, m.index);
    html.feed(literal);
    body += `__out += ${JSON.stringify(literal)};\n`;
    if (m[1] === '=')
      body += `__out += __escape(${m[2]}, ${JSON.stringify(html.print())});\n`;
    else if (m[1] === '!=') body += `__out += String(${m[2]});\n`;
    else body += `${m[2]}\n`;
    last = pattern.lastIndex;
  }
  body += `__out += ${JSON.stringify(source.slice(last))};\n}\nreturn __out;`;
  // The emulator runs on the host: evaluating the project's own template here is what Apps Script does server-side.
  return new Function('__scope', '__escape', body) as (
    scope: object,
    escape: (v: unknown, context: PrintContext) => string,
  ) => string;
}

export class FakeHtmlTemplate implements Emulates<
  RealTemplate,
  'getCode' | 'getRawContent'
> {
  [variable: string]: unknown;

  constructor(
    private readonly _ctx: EmulatorContext,
    private readonly _source: string,
    private readonly _output: (content: string) => unknown,
  ) {}

  getRawContent(): string {
    return this._source;
  }

  getCode(): string {
    return compileTemplate(this._source).toString();
  }

  evaluate() {
    const scope: Record<string, unknown> = {};
    for (const key of Object.keys(this))
      if (!key.startsWith('_')) scope[key] = this[key];
    return this._output(
      compileTemplate(this._source)(scope, escapeTemplateValue),
    );
  }
}

export function exposeTemplate(
  ctx: EmulatorContext,
  source: string,
  output: (content: string) => unknown,
) {
  return expose(new FakeHtmlTemplate(ctx, source, output), 'HtmlTemplate', ctx);
}

/**
 * HtmlService templates: `<? code ?>` runs, `<?= expr ?>` prints with HTML
 * escaping, `<?!= expr ?>` prints as is; properties set on the template
 * object are variables inside it. evaluate() returns an HtmlOutput.
 */
import type {EmulatorContext} from './context';
import {expose, type Emulates} from './instrument';

type RealTemplate = GoogleAppsScript.HTML.HtmlTemplate;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeTemplateValue(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** Compiles template text into the body of a function of (scope, escape) returning the page. */
export function compileTemplate(
  source: string,
): (scope: object, escape: (v: unknown) => string) => string {
  let body = 'let __out = "";\nwith (__scope) {\n';
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    body += `__out += ${JSON.stringify(source.slice(last, m.index))};\n`;
    if (m[1] === '=') body += `__out += __escape(${m[2]});\n`;
    else if (m[1] === '!=') body += `__out += String(${m[2]});\n`;
    else body += `${m[2]}\n`;
    last = pattern.lastIndex;
  }
  body += `__out += ${JSON.stringify(source.slice(last))};\n}\nreturn __out;`;
  // The emulator runs on the host: evaluating the project's own template here is what Apps Script does server-side.
  return new Function('__scope', '__escape', body) as (
    scope: object,
    escape: (v: unknown) => string,
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

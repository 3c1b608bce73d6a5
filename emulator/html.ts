/**
 * HtmlService: HtmlOutput from a string or from NAME.html in the build's
 * dist/ folder (as clasp pushes it), with the setters the add-on chains
 * before showing a sidebar or dialog.
 */
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {FakeBlob, encodeText} from './blob';
import {appsScriptError, type EmulatorContext} from './context';
import {exposeTemplate} from './html-template';
import {expose, type Emulates} from './instrument';

type RealHtmlService = GoogleAppsScript.HTML.HtmlService;
type RealHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

const enumOf = <T>(names: string[]) =>
  Object.fromEntries(names.map(n => [n, n])) as unknown as T;

export const SANDBOX_MODE = enumOf<typeof GoogleAppsScript.HTML.SandboxMode>([
  'EMULATED',
  'IFRAME',
  'NATIVE',
]);
export const X_FRAME_OPTIONS_MODE = enumOf<
  typeof GoogleAppsScript.HTML.XFrameOptionsMode
>(['ALLOWALL', 'DEFAULT']);

export class FakeHtmlOutput implements Emulates<
  RealHtmlOutput,
  | 'getContent'
  | 'setContent'
  | 'append'
  | 'clear'
  | 'getTitle'
  | 'setTitle'
  | 'getWidth'
  | 'setWidth'
  | 'getHeight'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
  | 'getBlob'
  | 'getAs'
> {
  private title = '';
  private width = 300;
  private height = 500;
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  readonly metaTags: Array<{name: string; content: string}> = [];

  constructor(
    private readonly ctx: EmulatorContext,
    private content: string,
  ) {}

  getContent(): string {
    return this.content;
  }

  setContent(content: string) {
    this.content = content;
    return this;
  }

  append(addedContent: string) {
    this.content += addedContent;
    return this;
  }

  clear() {
    this.content = '';
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setTitle(title: string) {
    this.title = title;
    return this;
  }

  getWidth(): number {
    return this.width;
  }

  setWidth(width: number) {
    this.width = width;
    return this;
  }

  getHeight(): number {
    return this.height;
  }

  setHeight(height: number) {
    this.height = height;
    return this;
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode) {
    this.sandboxMode = String(mode);
    return this;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode) {
    this.xFrameOptionsMode = String(mode);
    return this;
  }

  addMetaTag(name: string, content: string) {
    this.metaTags.push({name, content});
    return this;
  }

  getBlob() {
    return new FakeBlob(
      this.ctx,
      encodeText(this.content),
      'text/html',
      this.title || null,
    ).exposed();
  }

  getAs(contentType: string) {
    return this.getBlob().getAs(contentType);
  }
}

export class FakeHtmlService implements Emulates<
  RealHtmlService,
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile'
> {
  readonly SandboxMode = SANDBOX_MODE;
  readonly XFrameOptionsMode = X_FRAME_OPTIONS_MODE;

  constructor(private readonly ctx: EmulatorContext) {}

  exposed() {
    return expose(this, 'HtmlService', this.ctx);
  }

  private output(content: string) {
    return expose(
      new FakeHtmlOutput(this.ctx, content),
      'HtmlOutput',
      this.ctx,
    );
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource) {
    this.ctx.requireAuth('HtmlService.createHtmlOutput', 'basic');
    if (html === undefined) return this.output('');
    if (typeof html === 'string') return this.output(html);
    return this.output(html.getBlob().getDataAsString());
  }

  /** Reads NAME.html (the ".html" may be given or not) from the project's files. */
  createHtmlOutputFromFile(filename: string) {
    this.ctx.requireAuth('HtmlService.createHtmlOutputFromFile', 'basic');
    return this.output(this.readFile(filename));
  }

  /** A template from text: set variables on it, then evaluate(). */
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource) {
    this.ctx.requireAuth('HtmlService.createTemplate', 'basic');
    const source =
      typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return exposeTemplate(this.ctx, source, content => this.output(content));
  }

  /** A template from NAME.html: set variables on it, then evaluate(). */
  createTemplateFromFile(filename: string) {
    this.ctx.requireAuth('HtmlService.createTemplateFromFile', 'basic');
    return exposeTemplate(this.ctx, this.readFile(filename), content =>
      this.output(content),
    );
  }

  private readFile(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const file = this.ctx.htmlDir && join(this.ctx.htmlDir, `${name}.html`);
    if (!file || !existsSync(file))
      throw appsScriptError(`No HTML file named ${name} was found.`);
    return readFileSync(file, 'utf8');
  }
}

/**
 * The local preview's HTTP server (node:http only): the page, its assets, the
 * sidebar HTML with the google.script.run stand-in injected before its own
 * scripts, and a small JSON API that runs the bundle's globals in-process.
 * Binds to 127.0.0.1: the preview is for the person at this machine.
 */
import {readFileSync} from 'node:fs';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';
import {join, resolve, sep} from 'node:path';
import * as esbuild from 'esbuild';
import {sheetView, previewState} from './view';
import {PreviewWorld, outboxOf, type Via, type WorldOptions} from './world';
import type {UiReply} from '../../emulator/ui';
import {instantToZoned, zonedToInstant} from './zoned-time';

export interface PreviewOptions extends WorldOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** Folder of the built HTML files, served under /html/ (default dist/). */
  htmlDir?: string;
}

export interface Preview {
  url: string;
  port: number;
  world: PreviewWorld;
  close(): Promise<void>;
}

const HERE = __dirname;
const DIST = join(HERE, '..', '..', 'dist');
/** Largest request body accepted: a sidebar call's arguments, not an upload. */
const MAX_BODY = 1024 * 1024;

/** Compiles a browser script of this folder to one self-contained IIFE. */
function browserScript(file: string): string {
  const out = esbuild.buildSync({
    entryPoints: [join(HERE, file)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

/** JSON safe inside an inline <script>: no "</script" or "<!--" can close it. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The HTML with the stand-in first in <head>, so google.script.run exists
 * before any of the page's own scripts run. The page is otherwise unchanged.
 */
export function injectStandIn(
  html: string,
  functions: string[],
  standIn: string,
): string {
  const tag =
    `<script>window.__GAS_PREVIEW__=${inlineJson({functions, endpoint: '/api/run'})};</script>` +
    `<script>${standIn.replace(/<\/script/gi, '<\\/script')}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) +
      tag +
      html.slice(head.index + head[0].length)
    );
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + tag + html.slice(at);
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const BUTTONS = new Set(['OK', 'CANCEL', 'YES', 'NO', 'CLOSE']);

/** The person's answers to a menu item's questions so far ({button} each). */
function parseReplies(value: unknown): UiReply[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    !value.every(
      r =>
        typeof r === 'object' &&
        r !== null &&
        BUTTONS.has((r as {button?: unknown}).button as string),
    )
  )
    throw new HttpError(
      400,
      'Expected replies: [{button: "OK" | "CANCEL" | "YES" | "NO" | "CLOSE"}]',
    );
  return value.map(r => ({button: (r as UiReply).button}));
}

/** No external requests from any page served here. */
const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self' blob: data:; form-action 'self'";

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readJson(
  req: IncomingMessage,
): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  try {
    const value = JSON.parse(
      Buffer.concat(chunks).toString('utf8') || '{}',
    ) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'Request body must be a JSON object');
  }
}

function attachmentName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const MENU_VIA: ReadonlySet<string> = new Set(['menu', 'sidebar']);

export async function startPreview(
  options: PreviewOptions = {},
): Promise<Preview> {
  const world = PreviewWorld.open(options);
  world.open();
  const htmlDir = resolve(options.htmlDir ?? DIST);
  const assets = {
    page: readFileSync(join(HERE, 'page.html'), 'utf8'),
    css: readFileSync(join(HERE, 'page.css'), 'utf8'),
    js: browserScript('page.ts'),
    standIn: browserScript('gas-run.ts'),
  };

  const withStandIn = (html: string) =>
    injectStandIn(html, world.publicFunctions(), assets.standIn);

  const routes = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> => {
    const path = url.pathname;
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (get && path === '/')
      return send(res, 200, 'text/html; charset=utf-8', assets.page);
    if (get && path === '/assets/preview.css')
      return send(res, 200, 'text/css; charset=utf-8', assets.css);
    if (get && path === '/assets/preview.js')
      return send(res, 200, 'text/javascript; charset=utf-8', assets.js);
    if (get && path === '/assets/gas-run.js')
      return send(res, 200, 'text/javascript; charset=utf-8', assets.standIn);
    if (get && path === '/api/state') return sendJson(res, previewState(world));
    if (get && path === '/api/sheet') {
      const view = sheetView(
        world.emulator,
        url.searchParams.get('name') ?? '',
        world.calculator,
      );
      if (!view)
        throw new HttpError(
          404,
          `No tab named "${url.searchParams.get('name')}"`,
        );
      return sendJson(res, view);
    }
    let m = /^\/sidebar\/(\d+)$/.exec(path);
    if (get && m) {
      const sidebar = world.emulator.ui.sidebars[Number(m[1])];
      if (!sidebar)
        throw new HttpError(404, `No sidebar ${m[1]} has been shown`);
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        withStandIn(sidebar.html),
      );
    }
    m = /^\/dialog\/(\d+)$/.exec(path);
    if (get && m) {
      const dialog = world.emulator.ui.dialogs[Number(m[1])];
      if (!dialog) throw new HttpError(404, `No dialog ${m[1]} has been shown`);
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        withStandIn(dialog.html),
      );
    }
    m = /^\/html\/([\w.-]+\.html)$/.exec(path);
    if (get && m) {
      const file = resolve(htmlDir, m[1]);
      if (!file.startsWith(htmlDir + sep))
        throw new HttpError(404, 'Not found');
      let html: string;
      try {
        html = readFileSync(file, 'utf8');
      } catch {
        throw new HttpError(
          404,
          `No ${m[1]} in ${htmlDir} (run npm run build)`,
        );
      }
      return send(res, 200, 'text/html; charset=utf-8', withStandIn(html));
    }
    m = /^\/api\/outbox\/(\d+)\/attachments\/(\d+)$/.exec(path);
    if (get && m) {
      const attachment = outboxOf(world.emulator)[Number(m[1])]?.attachments?.[
        Number(m[2])
      ];
      if (!attachment) throw new HttpError(404, 'No such attachment');
      return send(
        res,
        200,
        attachment.contentType ?? 'application/octet-stream',
        Buffer.from(attachment.bytes),
        {
          'content-disposition': attachmentName(
            attachment.name ?? `attachment-${Number(m[2]) + 1}`,
          ),
        },
      );
    }
    if (req.method === 'POST' && path === '/api/run') {
      const body = await readJson(req);
      const name = body.name;
      const args = body.args ?? [];
      const via = body.via ?? 'sidebar';
      if (
        typeof name !== 'string' ||
        !Array.isArray(args) ||
        typeof via !== 'string' ||
        !MENU_VIA.has(via)
      )
        throw new HttpError(
          400,
          'Expected {name: string, args: array, via?: "sidebar" | "menu"}',
        );
      // A menu item's questions are asked on the page first, one at a time, then it runs with the answers.
      const replies = parseReplies(body.replies);
      if (via === 'menu') {
        const question = world.nextQuestion(name, replies);
        if (question) return sendJson(res, {question});
      }
      const {outcome, effects} = world.run(name, args, via as Via, {replies});
      return sendJson(res, {...outcome, effects});
    }
    if (req.method === 'POST' && path === '/api/clock') {
      const body = await readJson(req);
      // The person sets the time where the spreadsheet is: its weeks end in that zone.
      const zone = world.emulator.spreadsheet.state.timeZone;
      let at: Date;
      try {
        if (typeof body.local === 'string')
          at = zonedToInstant(body.local, zone);
        else if (
          typeof body.at === 'string' &&
          !Number.isNaN(Date.parse(body.at))
        )
          at = new Date(body.at);
        else
          throw new Error(
            'Clock: send {local: "2026-11-20T17:00"} (spreadsheet time zone) or {at: ISO instant}',
          );
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      const result = world.setClock(at, body.fire === true);
      return sendJson(res, {
        now: at.toISOString(),
        local: instantToZoned(at, zone),
        ...result,
      });
    }
    if (req.method === 'POST' && path === '/api/cell') {
      const body = await readJson(req);
      const {tab, row, column, value} = body;
      if (
        typeof tab !== 'string' ||
        typeof row !== 'number' ||
        typeof column !== 'number' ||
        (typeof value !== 'string' && typeof value !== 'boolean')
      )
        throw new HttpError(
          400,
          'Expected {tab: string, row: number, column: number, value: string | boolean}',
        );
      try {
        world.edit(tab, row, column, value);
      } catch (e) {
        throw new HttpError(409, (e as Error).message);
      }
      return sendJson(res, {ok: true});
    }
    if (req.method === 'POST' && path === '/api/user') {
      const body = await readJson(req);
      if (typeof body.email !== 'string')
        throw new HttpError(400, 'Expected {email: string}');
      try {
        world.actAs(body.email);
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      return sendJson(res, {user: world.emulator.ctx.user});
    }
    if (req.method === 'POST' && path === '/api/zone') {
      const body = await readJson(req);
      if (typeof body.timeZone !== 'string')
        throw new HttpError(400, 'Expected {timeZone: string}');
      try {
        world.setTimeZone(body.timeZone.trim());
      } catch (e) {
        throw new HttpError(400, (e as Error).message);
      }
      return sendJson(res, {
        timeZone: world.emulator.spreadsheet.state.timeZone,
      });
    }
    if (req.method === 'POST' && path === '/api/open') {
      world.open();
      return sendJson(res, {menus: world.emulator.ui.menus});
    }
    throw new HttpError(404, 'Not found');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    routes(req, res, url).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (!res.headersSent)
        sendJson(res, {error: (err as Error).message}, status);
      else res.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () =>
      done(),
    );
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    port,
    world,
    close: () =>
      new Promise<void>(done => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * The google.script.run stand-in keeps Apps Script's rules, pinned in headless
 * Chromium against a fixture project (test/preview/fixtures/Code.gs) served by
 * the real preview server, so the rules hold whatever the add-on's own
 * functions do. One test also checks the real bundle's surface.
 */
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {readEntryPoints} from '../../scripts/build';
import {startPreview, type Preview} from '../../scripts/preview/server';
import {launchBrowser, type Browser} from '../helpers/browser';

const FIXTURES = join(__dirname, 'fixtures');

declare const google: {script: {run: Runner}};
type Runner = {
  withSuccessHandler(f: ((v: unknown, u?: unknown) => void) | null): Runner;
  withFailureHandler(f: ((e: Error, u?: unknown) => void) | null): Runner;
  withUserObject(o: unknown): Runner;
} & Record<string, (...args: unknown[]) => void>;

interface Settled {
  ok: boolean;
  value?: unknown;
  name?: string;
  message?: string;
  isError?: boolean;
  user?: unknown;
}

let browser: Browser;
let preview: Preview;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  preview = await startPreview({
    port: 0,
    seed: 'empty',
    codePath: join(FIXTURES, 'Code.gs'),
    htmlDir: FIXTURES,
  });
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
});

beforeEach(async () => {
  page = await browser.newPage();
  await page.goto(`${preview.url}html/fixture.html`);
});

afterEach(async () => {
  await page.close();
});

/** Builds the arguments inside the page (Dates, functions, cycles cannot cross from Node) and calls. */
async function call(name: string, makeArgs: string): Promise<Settled> {
  const args = await page.evaluateHandle(makeArgs);
  return page.evaluate(
    ([fn, values]) =>
      new Promise<Settled>(resolve => {
        const runner = google.script.run
          .withSuccessHandler(value => resolve({ok: true, value}))
          .withFailureHandler(e =>
            resolve({
              ok: false,
              name: e.name,
              message: e.message,
              isError: e instanceof Error,
            }),
          );
        runner[fn](...(values as unknown[]));
      }),
    [name, args] as const,
  );
}

const executions = () => preview.world.executions.length;

describe('google.script.run stand-in (headless Chromium, fixture project)', () => {
  it('injects google.script.run before the page’s own scripts', async () => {
    await expect(page.textContent('#loaded')).resolves.toBe('ready');
  });

  it('exposes each public server function as its own enumerable property, and no private one', async () => {
    const surface = await page.evaluate(() => ({
      keys: Object.keys(google.script.run).sort(),
      secret: typeof google.script.run.secret_,
      configurators: [
        'withSuccessHandler',
        'withFailureHandler',
        'withUserObject',
      ].map(
        k =>
          typeof (google.script.run as unknown as Record<string, unknown>)[k],
      ),
    }));
    expect(surface.keys).toEqual(
      [
        'dateAsText',
        'dateDeep',
        'dateInside',
        'describe',
        'echo',
        'fail',
        'plainDate',
        'slow',
        'usesSecret',
      ].sort(),
    );
    expect(surface.secret).toBe('undefined');
    expect(surface.configurators).toEqual(['function', 'function', 'function']);
  });

  it('refuses to run a function whose name ends in _, even when asked directly', async () => {
    const before = executions();
    const response = await page.evaluate(async () => {
      const r = await fetch('/api/run', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({name: 'secret_', args: []}),
      });
      return r.json();
    });
    expect(response).toMatchObject({
      ok: false,
      error: {message: 'Script function not found: secret_'},
    });
    expect(JSON.stringify(response)).not.toContain('should never be returned');
    // The server-side code may still call its own private helper.
    await expect(call('usesSecret', '[]')).resolves.toEqual({
      ok: true,
      value: 'should never be returned',
    });
    expect(executions()).toBe(before + 2);
  });

  it.each([
    ['a Date argument', '[new Date(0)]', '0'],
    [
      'a Date inside an object',
      "[{grade: 'Green', when: new Date(0)}]",
      'when',
    ],
    ['a Date inside an array', "['x', [1, new Date(0)]]", '1'],
    ['a function argument', '[() => 1]', '0'],
    ['a function inside an object', '[{onDone() {}}]', 'onDone'],
    [
      'a circular object',
      '[(() => { const o = {a: 1}; o.self = o; return o; })()]',
      'self',
    ],
    [
      'a DOM element other than a form',
      "[document.getElementById('loaded')]",
      '0',
    ],
    ['a Map', "[new Map([['a', 1]])]", '0'],
  ])(
    'fails the call for %s, and nothing reaches the server',
    async (_label, args, property) => {
      const before = executions();
      const result = await call('echo', args);
      expect(result).toEqual({
        ok: false,
        name: 'TypeError',
        message: `Failed due to illegal value in property: ${property}`,
        isError: true,
      });
      expect(executions()).toBe(before);
    },
  );

  it('turns undefined inside arrays into null and drops undefined object fields', async () => {
    await expect(call('echo', '[[1, undefined, 3]]')).resolves.toEqual({
      ok: true,
      value: [1, null, 3],
    });
    const dropped = await page.evaluate(
      () =>
        new Promise(resolve =>
          google.script.run
            .withSuccessHandler(v => resolve(Object.keys(v as object)))
            .echo({a: 1, b: undefined}),
        ),
    );
    expect(dropped).toEqual(['a']);
  });

  it('sends the server a copy taken at call time: later changes stay on the client', async () => {
    const result = await page.evaluate(
      () =>
        new Promise(resolve => {
          const grade = {id: 'C-1', tags: ['gate']};
          google.script.run
            .withSuccessHandler(sent => resolve({sent, client: grade}))
            .echo(grade);
          grade.tags.push('after-call');
        }),
    );
    expect(result).toEqual({
      sent: {id: 'C-1', tags: ['gate']},
      client: {id: 'C-1', tags: ['gate', 'after-call']},
    });
  });

  it('accepts a form as the only argument, as {field: value}, and refuses it beside other arguments', async () => {
    await expect(
      call('echo', "[document.getElementById('grade-form')]"),
    ).resolves.toEqual({
      ok: true,
      value: {commitmentId: 'C-1', grade: 'Green', tags: ['gate', 'slip']},
    });
    await expect(
      call('echo', "[document.getElementById('grade-form'), 1]"),
    ).resolves.toMatchObject({
      ok: false,
      message: 'Failed due to illegal value in property: 0',
    });
  });

  it.each([
    ['a Date inside an object', 'dateInside'],
    ['a Date deep in an array', 'dateDeep'],
    ['a bare Date', 'plainDate'],
  ])('delivers a return value with %s as null', async (_label, fn) => {
    await expect(call(fn, '[]')).resolves.toEqual({ok: true, value: null});
  });

  it('delivers the same value intact once the Date is text', async () => {
    await expect(call('dateAsText', '[]')).resolves.toEqual({
      ok: true,
      value: {label: 'due', when: '2026-11-20T22:00:00.000Z', n: 1},
    });
    await expect(
      call('describe', "[{a: [1, 'x', true, null]}]"),
    ).resolves.toEqual({
      ok: true,
      value: '[object Object]',
    });
  });

  it('gives the failure handler an Error carrying the server’s message, and the user object', async () => {
    const result = await page.evaluate(
      () =>
        new Promise(resolve => {
          const row = document.getElementById('loaded');
          google.script.run
            .withSuccessHandler(() => resolve('wrong handler'))
            .withFailureHandler((e, user) =>
              resolve({
                isError: e instanceof Error,
                name: e.name,
                message: e.message,
                sameUserObject: user === row,
              }),
            )
            .withUserObject(row)
            .fail('Reason is required for a Yellow grade');
        }),
    );
    expect(result).toEqual({
      isError: true,
      name: 'ScriptError',
      message: 'Error: Reason is required for a Yellow grade',
      sameUserObject: true,
    });
  });

  it('gives the success handler the result and the user object, which never goes to the server', async () => {
    const result = await page.evaluate(
      () =>
        new Promise(resolve => {
          // A user object may hold what cannot be sent (a function, a Date): it stays on the client.
          const context = {row: 7, at: new Date(0), redraw: () => 'drawn'};
          google.script.run
            .withSuccessHandler((value, user) => {
              const u = user as typeof context;
              resolve({value, same: u === context, redraw: u.redraw()});
            })
            .withUserObject(context)
            .echo('Green');
        }),
    );
    expect(result).toEqual({value: 'Green', same: true, redraw: 'drawn'});
  });

  it('returns a new runner from each with… call, so a configured runner can be reused', async () => {
    const result = await page.evaluate(
      () =>
        new Promise(resolve => {
          const seen: string[] = [];
          const base = google.script.run.withFailureHandler(e =>
            seen.push(`base-failure:${e.message}`),
          );
          const a = base.withSuccessHandler(v => seen.push(`a:${String(v)}`));
          const b = base.withSuccessHandler(v => seen.push(`b:${String(v)}`));
          a.echo('one');
          b.echo('two');
          b.fail('three');
          setTimeout(
            () =>
              resolve({
                distinct: new Set([google.script.run, base, a, b]).size,
                seen: seen.sort(),
              }),
            500,
          );
        }),
    );
    expect(result).toEqual({
      distinct: 4,
      seen: ['a:one', 'b:two', 'base-failure:Error: three'],
    });
  });

  it('calls handlers asynchronously, after the calling code has finished', async () => {
    const order = await page.evaluate(
      () =>
        new Promise(resolve => {
          const log: string[] = [];
          google.script.run
            .withFailureHandler(() => {
              log.push('failure handler');
              resolve(log);
            })
            .echo(new Date());
          log.push('after call');
        }),
    );
    expect(order).toEqual(['after call', 'failure handler']);
  });

  it('logs a failure with no failure handler to the console, unless withFailureHandler(null) silenced it', async () => {
    const errors: string[] = [];
    page.on('console', message => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.evaluate(
      () =>
        new Promise<void>(resolve => {
          google.script.run.fail('unhandled one');
          google.script.run.withFailureHandler(null).fail('silenced one');
          google.script.run.withSuccessHandler(() => resolve()).slow(50);
        }),
    );
    await page.waitForTimeout(100);
    expect(errors.some(e => e.includes('unhandled one'))).toBe(true);
    expect(errors.some(e => e.includes('silenced one'))).toBe(false);
  });

  it('keeps at most 10 calls in flight and starts the 11th only when one finishes', async () => {
    const result = await page.evaluate(async () => {
      const preview = (
        window as unknown as {
          gasPreview: {createScriptRun: (f: string[], t: unknown) => unknown};
        }
      ).gasPreview;
      const pending: Array<() => void> = [];
      let inFlight = 0;
      let most = 0;
      const started: number[] = [];
      const transport = (name: string, args: unknown[]) =>
        new Promise(resolve => {
          inFlight++;
          most = Math.max(most, inFlight);
          started.push(args[0] as number);
          pending.push(() => {
            inFlight--;
            resolve({ok: true, value: args[0]});
          });
        });
      const run = preview.createScriptRun(['slow'], transport) as Runner;
      const done: number[] = [];
      for (let i = 0; i < 25; i++)
        run.withSuccessHandler(v => done.push(v as number)).slow(i);
      await new Promise(r => setTimeout(r, 50));
      const startedBeforeAnyFinished = started.length;
      pending.shift()?.();
      await new Promise(r => setTimeout(r, 50));
      const startedAfterOneFinished = started.length;
      while (pending.length) {
        pending.shift()?.();
        await new Promise(r => setTimeout(r, 0));
      }
      await new Promise(r => setTimeout(r, 50));
      return {
        most,
        startedBeforeAnyFinished,
        startedAfterOneFinished,
        done: done.length,
        order: started,
      };
    });
    expect(result.most).toBe(10);
    expect(result.startedBeforeAnyFinished).toBe(10);
    expect(result.startedAfterOneFinished).toBe(11);
    expect(result.done).toBe(25);
    expect(result.order).toEqual(Array.from({length: 25}, (_, i) => i));
  });

  it('runs many slow calls against the real server, each answer reaching its own handler', async () => {
    const answers = await page.evaluate(
      () =>
        new Promise(resolve => {
          const got: Array<[number, unknown]> = [];
          for (let i = 0; i < 14; i++) {
            google.script.run
              .withSuccessHandler((value, user) => {
                got.push([user as number, value]);
                if (got.length === 14) resolve(got.sort((x, y) => x[0] - y[0]));
              })
              .withUserObject(i)
              .slow(10 + i);
          }
        }),
    );
    expect(answers).toEqual(Array.from({length: 14}, (_, i) => [i, 10 + i]));
  });
});

describe('google.script.run stand-in on the real bundle', () => {
  let real: Preview;
  let realPage: Page;

  beforeAll(async () => {
    real = await startPreview({port: 0, seed: 'empty', htmlDir: FIXTURES});
    realPage = await browser.newPage();
    await realPage.goto(`${real.url}html/fixture.html`);
  });

  afterAll(async () => {
    await realPage?.close();
    await real?.close();
  });

  it('lists exactly the exports of src/index.ts and calls them through the server', async () => {
    const keys = await realPage.evaluate(() =>
      Object.keys(google.script.run).sort(),
    );
    expect(keys).toEqual(
      readEntryPoints()
        .map(e => e.name)
        .filter(n => !n.endsWith('_'))
        .sort(),
    );
    const variance = await realPage.evaluate(
      () =>
        new Promise(resolve =>
          google.script.run
            .withSuccessHandler(resolve)
            .withFailureHandler(e => resolve(e.message))
            .FORECAST_VARIANCE([[100], [200]], [[90], [230]]),
        ),
    );
    expect(variance).toEqual([[0.1], [0.15]]);
  });
});

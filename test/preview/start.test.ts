/**
 * `npm start` end to end: builds, serves the preview on the port asked for
 * (PORT here; 0 picks a free one), prints the URL, saves the world to the
 * file given, and stops cleanly on SIGTERM.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {SAMPLE_VARIANCES} from '../../emulator/sample-workbook';

const ROOT = join(__dirname, '..', '..');
let dir: string;
let child: ChildProcess | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
});

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, {recursive: true, force: true});
});

/** Starts scripts/start.ts as `npm start` does and resolves with the URL it prints. */
function start(args: string[], env: Record<string, string>): Promise<string> {
  child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(ROOT, 'scripts', 'start.ts'),
      ...args,
    ],
    {
      cwd: ROOT,
      env: {...process.env, ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const proc = child;
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stdout?.on('data', chunk => {
      out += String(chunk);
      const url = /Preview of the add-on: (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    proc.stderr?.on('data', chunk => {
      err += String(chunk);
    });
    proc.once('exit', code =>
      reject(new Error(`npm start exited with ${code}: ${err || out}`)),
    );
  });
}

describe('npm start', () => {
  it('builds, serves the preview on the given port, and saves the world to the file', async () => {
    const world = join(dir, 'world.json');
    const url = await start(['--world', world, '--empty'], {PORT: '0'});
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(
      '<script src="/assets/preview.js"></script>',
    );
    const state = (await (await fetch(`${url}api/state`)).json()) as {
      menus: Array<{items: unknown[]}>;
      tabs: Array<{name: string}>;
    };
    expect(state.tabs.map(t => t.name)).toEqual(['Sheet1']);
    expect(state.menus[0].items.length).toBeGreaterThan(5);
    expect(existsSync(world)).toBe(true);

    const exited = new Promise(resolve => child?.once('exit', resolve));
    child?.kill('SIGTERM');
    await exited;
    await expect(fetch(url)).rejects.toThrow();
  });

  it("shows the sample's custom formulas computed", async () => {
    const url = await start(['--world', join(dir, 'sample.json'), '--reset'], {
      PORT: '0',
    });
    const sheet = (await (
      await fetch(`${url}api/sheet?name=Forecast`)
    ).json()) as {cells: Array<Array<{text: string; formula?: string}>>};
    const column = sheet.cells.slice(1, 8).map(row => row[4]);
    expect(column[0].formula).toBe('=FORECAST_VARIANCE(C2:C13, D2:D13)');
    // The sample's weekly variances, as the bundle computes them from Committed and Closed.
    expect(column.map(c => c.text)).toEqual(
      SAMPLE_VARIANCES.slice(0, 7).map(v => `${(v * 100).toFixed(1)}%`),
    );
    const exited = new Promise(resolve => child?.once('exit', resolve));
    child?.kill('SIGTERM');
    await exited;
  });

  it('refuses a port that is not a number', async () => {
    await expect(
      start(['--world', join(dir, 'w2.json'), '--port', 'eighty'], {}),
    ).rejects.toThrow('--port/PORT must be a port number');
  });
});

/**
 * The command-line runner: one global of dist/Code.js against a world file at
 * an emulated time, reported as JSON; triggers fired up to that time; the
 * file saved back unless told not to.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {firingMinute} from '../../emulator/triggers';
import {runCli} from '../../scripts/run';

const ROOT = join(__dirname, '..', '..');
let dir: string;
let world: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'run-cli-'));
  world = join(dir, 'world.json');
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('scripts/run.ts', () => {
  it('creates the world when missing and reports the call: result, alerts, calls', async () => {
    const {exitCode, output} = await runCli([
      '--world',
      world,
      '--empty',
      '--at',
      '2026-11-16T09:00:00-08:00',
      'setUpWorkbook',
    ]);
    expect(exitCode).toBe(0);
    expect(output).toMatchObject({
      created: true,
      function: 'setUpWorkbook',
      as: 'menu',
      ok: true,
      at: '2026-11-16T17:00:00.000Z',
      saved: true,
    });
    expect((output.alerts as string[])[0]).toContain('Added tabs');
    const calls = output.calls as {
      total: number;
      byMethod: Record<string, number>;
    };
    expect(calls.total).toBeGreaterThan(0);
    expect(calls.byMethod['Spreadsheet.insertSheet']).toBeGreaterThan(0);
    const saved = JSON.parse(readFileSync(world, 'utf8')) as {
      spreadsheet: {sheets: Array<{name: string}>};
    };
    expect(saved.spreadsheet.sheets.map(s => s.name)).toContain('Scorecard');
  });

  it('calls a custom function with JSON arguments, as a custom function', async () => {
    const {exitCode, output} = await runCli([
      '--world',
      world,
      'FORECAST_VARIANCE',
      '[[100],[200]]',
      '[[90],[230]]',
    ]);
    expect(exitCode).toBe(0);
    expect(output).toMatchObject({
      as: 'custom-function',
      ok: true,
      result: [[0.1], [0.15]],
    });
  });

  it('fires the triggers due up to the given time, each at its own time', async () => {
    // The sample's Settings name the CFO and Rebuild Start: the schedule installs only when its runs can work.
    const sample = join(dir, 'sample.json');
    const installed = await runCli([
      '--world',
      sample,
      '--at',
      '2026-11-16T09:00:00-08:00',
      'installSchedule',
    ]);
    expect((installed.output.alerts as string[])[0]).toMatch(
      /Scheduled every day/,
    );
    const {exitCode, output} = await runCli([
      '--world',
      sample,
      '--at',
      '2026-11-18T17:00:00-08:00',
      '--fire-triggers',
    ]);
    expect(exitCode).toBe(0);
    // 16:xx in Los Angeles on Monday, Tuesday and Wednesday, at the minute Apps Script (here: the seed) picked.
    const minute = String(firingMinute('trust-rebuild', '1')).padStart(2, '0');
    expect(output.fired).toEqual(
      ['2026-11-17', '2026-11-18', '2026-11-19'].map(day => ({
        at: `${day}T00:${minute}:00.000Z`,
        via: 'time',
        name: 'onScheduleTick',
        ok: true,
      })),
    );
    expect(output.at).toBe('2026-11-19T01:00:00.000Z');
  });

  it('leaves the file untouched with --no-save, and exits 1 when the function throws', async () => {
    const before = readFileSync(world, 'utf8');
    const mtime = statSync(world).mtimeMs;
    const {exitCode, output} = await runCli([
      '--world',
      world,
      '--no-save',
      '--as',
      'custom-function',
      'FORECAST_VARIANCE',
      '"ten"',
      '[[1]]',
    ]);
    expect(exitCode).toBe(1);
    expect(output.ok).toBe(false);
    expect(String(output.error)).toMatch(/committed/i);
    expect(output.saved).toBe(false);
    expect(readFileSync(world, 'utf8')).toBe(before);
    expect(statSync(world).mtimeMs).toBe(mtime);
  });

  it('refuses a function that does not exist, or a private one', async () => {
    for (const name of ['noSuchFunction', 'secret_']) {
      const {exitCode, output} = await runCli([
        '--world',
        world,
        '--no-save',
        name,
      ]);
      expect(exitCode).toBe(1);
      expect(output.error).toBe(`Script function not found: ${name}`);
    }
  });

  it('says what is wrong with a bad command line', async () => {
    await expect(runCli(['--world', world])).rejects.toThrow('Nothing to do');
    await expect(
      runCli(['--world', world, '--at', 'Friday', 'onOpen']),
    ).rejects.toThrow('--at must be an ISO date-time');
    await expect(
      runCli(['--world', world, '--as', 'webapp', 'onOpen']),
    ).rejects.toThrow('--as must be one of');
  });

  it('prints the report as JSON from the command line', async () => {
    const {stdout} = await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(ROOT, 'scripts', 'run.ts'),
        '--world',
        world,
        '--no-save',
        'REBUILD_WEEK',
        '"2026-11-20"',
        '"2026-10-12"',
      ],
      {cwd: ROOT},
    );
    expect(JSON.parse(stdout)).toMatchObject({
      function: 'REBUILD_WEEK',
      ok: true,
      result: 6,
    });
  });
});

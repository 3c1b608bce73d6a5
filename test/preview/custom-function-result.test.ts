/**
 * The command-line runner and the preview call custom functions the way
 * Sheets does: a result Sheets cannot show (NaN, Infinity, a ragged array)
 * is reported as a failure, never printed as a value.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {runCli} from '../../scripts/run';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cf-result-'));
  writeFileSync(
    join(dir, 'Code.js'),
    'function RATIO(a, b) { return a / b; }\nfunction RAGGED() { return [[1, 2], [3]]; }\n',
  );
});

afterAll(() => rmSync(dir, {recursive: true, force: true}));

const run = (...args: string[]) =>
  runCli([
    '--world',
    join(dir, 'world.json'),
    '--empty',
    '--no-save',
    '--code',
    join(dir, 'Code.js'),
    ...args,
  ]);

describe('scripts/run.ts checks a custom function result as Sheets takes it', () => {
  it('a finite number is the result', async () => {
    const {exitCode, output} = await run('RATIO', '1', '4');
    expect(exitCode).toBe(0);
    expect(output).toMatchObject({
      as: 'custom-function',
      ok: true,
      result: 0.25,
    });
  });

  it('Infinity fails the call: Sheets would show #NUM!', async () => {
    const {exitCode, output} = await run('RATIO', '1', '0');
    expect(exitCode).toBe(1);
    expect(output.error).toBe(
      'Error: Sheets cannot show what RATIO returned: the result is Infinity (Sheets shows #NUM!)',
    );
  });

  it('a ragged array fails the call', async () => {
    const {exitCode, output} = await run('RAGGED');
    expect(exitCode).toBe(1);
    expect(output.error).toBe(
      'Error: Sheets cannot show what RAGGED returned: the result is ragged: row 2 has 1 cells, row 1 has 2',
    );
  });
});

// Command-line runner: calls one global of dist/Code.js against a saved preview world at an
// emulated time and prints what happened as JSON, for scripts, tests and benchmarks.
//
//   npx tsx scripts/run.ts --world .preview/world.json --at 2026-11-20T17:00:00-08:00 snapshotWeekFromMenu
//   npx tsx scripts/run.ts --at 2026-11-20T17:30:00-08:00 --fire-triggers
//   npx tsx scripts/run.ts --as custom-function FORECAST_VARIANCE '[[100],[200]]' '[[90],[230]]'
//
// Arguments after the function name are JSON when they parse as JSON, text otherwise.
// The world file is created from the sample workbook when missing (--empty: one empty sheet)
// and saved back after the call unless --no-save is given.
import './script-zone';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {build} from './build';
import {toCliJson} from './preview/serialise';
import {PreviewWorld, outboxOf, type Via} from './preview/world';

export const DEFAULT_WORLD = join(__dirname, '..', '.preview', 'world.json');
const VIAS: Via[] = ['menu', 'sidebar', 'time', 'custom-function', 'simple'];

export const USAGE = `usage: tsx scripts/run.ts [--world FILE] [--at ISO-TIME] [--fire-triggers] [--as ${VIAS.join('|')}] [--no-save] [--reset] [--empty] [--build] [FUNCTION [ARG...]]`;

export interface CliResult {
  exitCode: number;
  output: Record<string, unknown>;
}

function parseArg(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Runs the command line `argv` (without node and script) and returns the JSON report. */
export async function runCli(argv: string[]): Promise<CliResult> {
  const {values, positionals} = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      world: {type: 'string'},
      at: {type: 'string'},
      'fire-triggers': {type: 'boolean', default: false},
      as: {type: 'string'},
      'no-save': {type: 'boolean', default: false},
      reset: {type: 'boolean', default: false},
      empty: {type: 'boolean', default: false},
      build: {type: 'boolean', default: false},
      code: {type: 'string'},
    },
  });
  const [name, ...rawArgs] = positionals;
  const fire = values['fire-triggers'];
  if (!name && !fire)
    throw new Error(
      `Nothing to do: name a function or pass --fire-triggers.\n${USAGE}`,
    );
  const via = (values.as ??
    (name && /^[A-Z][A-Z0-9_]*$/.test(name)
      ? 'custom-function'
      : 'menu')) as Via;
  if (!VIAS.includes(via))
    throw new Error(
      `--as must be one of ${VIAS.join(', ')}, got "${values.as}"`,
    );
  let at: Date | undefined;
  if (values.at !== undefined) {
    at = new Date(values.at);
    if (Number.isNaN(at.getTime()))
      throw new Error(
        `--at must be an ISO date-time with its offset, like 2026-11-20T17:00:00-08:00; got "${values.at}"`,
      );
  }
  if (values.build) await build({quiet: true});
  const file = values.world ?? DEFAULT_WORLD;
  const created = !existsSync(file) || values.reset;
  const world = PreviewWorld.open({
    file,
    readOnly: values['no-save'],
    reset: values.reset,
    seed: values.empty ? 'empty' : 'sample',
    codePath: values.code,
  });
  const {emulator} = world;
  const alertsBefore = emulator.ui.alerts.length;
  const toastsBefore = emulator.ctx.toasts.length;
  const logsBefore = emulator.logs.length;
  const mailBefore = outboxOf(emulator).length;
  emulator.ctx.calls.reset();

  const output: Record<string, unknown> = {world: file, created};
  if (at) {
    const {fired} = world.setClock(at, fire);
    if (fire) output.fired = fired;
  } else if (fire) {
    throw new Error(
      '--fire-triggers needs --at: the time the triggers are fired up to',
    );
  }
  output.at = world.now().toISOString();
  let exitCode = 0;
  let ownCalls = emulator.ctx.calls.snapshot();
  if (name) {
    // Calls are those of the function itself, not of triggers fired before it.
    emulator.ctx.calls.reset();
    const {outcome, calls} = world.run(name, rawArgs.map(parseArg), via, {
      forCli: true,
    });
    ownCalls = calls;
    output.function = name;
    output.as = via;
    output.ok = outcome.ok;
    if (outcome.ok) output.result = toCliJson(outcome.value);
    else {
      output.error = outcome.error.message;
      exitCode = 1;
    }
  }
  const sent = outboxOf(emulator).slice(mailBefore);
  output.alerts = emulator.ui.alerts.slice(alertsBefore);
  output.toasts = emulator.ctx.toasts.slice(toastsBefore);
  output.logs = emulator.logs.slice(logsBefore);
  output.outbox = {
    count: outboxOf(emulator).length,
    sent: sent.map(m => ({
      to: m.to,
      subject: m.subject,
      attachments: m.attachments.map(a => a.name ?? ''),
    })),
  };
  output.calls = {
    total: Object.values(ownCalls).reduce((a, b) => a + b, 0),
    byMethod: ownCalls,
  };
  output.saved = !values['no-save'];
  if ((output.fired as Array<{ok: boolean}> | undefined)?.some(f => !f.ok))
    exitCode = 1;
  return {exitCode, output};
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    ({exitCode, output}) => {
      console.log(JSON.stringify(output, null, 2));
      process.exitCode = exitCode;
    },
    (err: Error) => {
      console.error(err.message);
      process.exitCode = 2;
    },
  );
}

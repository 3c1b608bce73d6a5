/**
 * Bundle load: what Apps Script pays before every custom-function call,
 * trigger and menu click. Each sample compiles dist/Code.js in a fresh vm
 * context (a unique trailing comment defeats V8's per-source code cache, as
 * a fresh Apps Script execution has none) and runs its top level. The
 * baseline is the bundle of BASELINE_COMMIT (before the load-time work),
 * built from git in the same run and measured interleaved with today's, so
 * the ratio compares like with like on a busy machine.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import vm from 'node:vm';
import {createEmulator} from '../../emulator';
import {readBundle} from '../../emulator/loader';
import {bundleCode} from '../build';

/** main before the load-time work (zod schemas built at load). */
const BASELINE_COMMIT = '8afdee680b84be79bb3f14849f4bb4d59a8867eb';
const SAMPLES = 20;
/** Targets of issue 15. */
const TOP_LEVEL_TARGET_MS = 1;
const LOAD_TARGET_RATIO = 0.6;

export interface LoadTime {
  compileMs: number;
  topLevelMs: number;
  totalMs: number;
}

const root = join(__dirname, '..', '..');

/** Code.js of BASELINE_COMMIT, built from its src/ with today's build; undefined without git history. */
async function baselineCode(): Promise<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'trust-rebuild-baseline-'));
  try {
    const archive = execFileSync(
      'git',
      ['archive', '--format=tar', BASELINE_COMMIT, 'src', 'tsconfig.base.json'],
      {cwd: root, stdio: ['ignore', 'pipe', 'ignore']},
    );
    execFileSync('tar', ['-x', '-C', dir], {input: archive});
    const {code} = await bundleCode(join(dir, 'src', 'index.ts'), [
      join(root, 'node_modules'),
    ]);
    return code;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** The middle sample: a shared machine's outliers do not move it. */
export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median compile and top-level times of each bundle, sampled in turn. */
function measure(codes: string[]): LoadTime[] {
  const globals = createEmulator().globals;
  const samples = codes.map(() => ({
    compile: [] as number[],
    run: [] as number[],
  }));
  for (let i = 0; i < SAMPLES + 1; i++) {
    codes.forEach((code, k) => {
      const context = vm.createContext({...globals});
      const t0 = performance.now();
      const script = new vm.Script(
        `${code}\n// load sample ${i}.${k}.${Math.random()}`,
        {
          filename: 'Code.js',
        },
      );
      const t1 = performance.now();
      script.runInContext(context);
      const t2 = performance.now();
      if (i === 0) return; // warm-up: the first sample also loads V8's own code paths
      samples[k].compile.push(t1 - t0);
      samples[k].run.push(t2 - t1);
    });
  }
  return samples.map(s => {
    const compileMs = median(s.compile);
    const topLevelMs = median(s.run);
    return {compileMs, topLevelMs, totalMs: compileMs + topLevelMs};
  });
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

export async function benchLoad(): Promise<string[]> {
  const baseline = await baselineCode();
  const codes = baseline ? [readBundle(), baseline] : [readBundle()];
  const [now, before] = measure(codes);
  const lines = [
    '',
    `Bundle load in a fresh vm context (median of ${SAMPLES}): compile ${ms(now.compileMs)} + top level ${ms(now.topLevelMs)} = ${ms(now.totalMs)}`,
    `  top level ${ms(now.topLevelMs)} (target ≤ ${TOP_LEVEL_TARGET_MS} ms): ${now.topLevelMs <= TOP_LEVEL_TARGET_MS ? 'MET' : 'NOT MET'}`,
  ];
  if (before) {
    const ratio = now.totalMs / before.totalMs;
    lines.push(
      `  baseline ${BASELINE_COMMIT.slice(0, 7)} in the same run: compile ${ms(before.compileMs)} + top level ${ms(before.topLevelMs)} = ${ms(before.totalMs)}`,
      `  total ${(ratio * 100).toFixed(0)}% of the baseline (target ≤ ${LOAD_TARGET_RATIO * 100}%): ${ratio <= LOAD_TARGET_RATIO ? 'MET' : 'NOT MET'}`,
    );
  } else {
    lines.push(
      `  baseline ${BASELINE_COMMIT.slice(0, 7)} not in this checkout's git history: no same-run ratio`,
    );
  }
  return lines;
}

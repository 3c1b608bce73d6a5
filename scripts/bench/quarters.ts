/**
 * REINFLATION_CHECK and OPTIONS_RANK at 100,000 rows through the bundle
 * (issue 13: the bench shows the new functions' time at 100k rows). The
 * quarters are the playbook's case (Q2 33.0M → 24.1M, Q3 26.5M → 28.3M, Q4
 * 32.0M → 33.7M) repeated with a drift, so every branch of the guard runs;
 * the options a deterministic mix of impacts, efforts and ties.
 */
import {performance} from 'node:perf_hooks';
import type {LoadedBundle} from '../../emulator/loader';
import {median} from './load';

const SIZE = 100000;
const BUDGET_MS = 1000;
const CASE = [
  [33.0e6, 24.1e6],
  [26.5e6, 28.3e6],
  [32.0e6, 33.7e6],
];

/** Median of at least 3 calls, up to about 3 s. */
function timeMs(fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  const started = performance.now();
  while (
    samples.length < 3 ||
    (samples.length < 15 && performance.now() - started < 3000)
  ) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

export function benchQuarters(bundle: LoadedBundle): string[] {
  const custom = {
    authMode: 'CUSTOM_FUNCTION',
    trigger: 'custom-function',
  } as const;
  const commits: number[][] = [];
  const actuals: number[][] = [];
  for (let i = 0; i < SIZE; i++) {
    const [commit, actual] = CASE[i % 3];
    const drift = 1 + (i % 7) / 100;
    commits.push([commit * drift]);
    actuals.push([actual * drift]);
  }
  const options: unknown[][] = [
    ['Option', 'Impact', 'Effort', 'Owner', 'Chosen'],
  ];
  for (let i = 0; i < SIZE; i++)
    options.push([
      `Option ${i}`,
      1 + (i % 5),
      1 + ((i * 7) % 5),
      'CRO',
      i % 11 === 0,
    ]);
  const reinflation = timeMs(() =>
    bundle.call('REINFLATION_CHECK', [commits, actuals], custom),
  );
  const ranked = timeMs(() => bundle.call('OPTIONS_RANK', [options], custom));
  const within = (ms: number) => (ms <= BUDGET_MS ? 'within' : 'OVER');
  return [
    `REINFLATION_CHECK, ${SIZE.toLocaleString('en-US')} periods: ${reinflation.toFixed(0)} ms per call (${within(reinflation)} the ${BUDGET_MS} ms budget); OPTIONS_RANK, ${SIZE.toLocaleString('en-US')} options: ${ranked.toFixed(0)} ms per call (${within(ranked)} the budget)`,
  ];
}

/**
 * LEADING_INDICATORS at 100,000 leads through the bundle (issue 14): the
 * Olist leads' real cadence (/work/shared/data, or the sample's built-in
 * series) repeated to size, each pass a week earlier, with pipeline dates,
 * deal IDs and amounts; timed against a hand-written loop over the same
 * arrays in the same vm context (weekly counts, conversion within 30 days,
 * median days, marketing pipeline per deal; no header matching, no checks),
 * sampled in turn as the other formulas are.
 */
import {performance} from 'node:perf_hooks';
import vm from 'node:vm';
import type {LoadedBundle} from '../../emulator/loader';
import {sampleLeads} from '../../emulator/sample-leads';
import {LEADS} from '../../src/domain/workbook';
import {median} from './load';

const SIZE = 100000;

const MINIMAL_LOOP = `(table, asOf) => {
  const DAY = 86400000, W = 7 * DAY, WINDOW = 30;
  const day = d => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY;
  const today = day(asOf);
  const first = today - ((today + 3) % 7) - 7 * 12;
  const q = new Array(12).fill(0), conv = new Array(12).fill(0), days = [];
  const pipe = new Array(12).fill(0), deals = new Array(12).fill(0);
  for (let w = 0; w < 12; w++) days.push([]);
  const marketing = new Set(['web', 'organic_search', 'paid_search', 'social', 'email']);
  for (let i = 1; i < table.length; i++) {
    const r = table[i];
    const qd = day(r[3]);
    const pd = r[4] === '' ? NaN : day(r[4]);
    const w = Math.floor((qd - first) / 7);
    if (w >= 0 && w < 12) {
      q[w]++;
      if (pd - qd <= WINDOW) { conv[w]++; days[w].push(pd - qd); }
    }
    const pw = Math.floor((pd - first) / 7);
    if (pw >= 0 && pw < 12 && marketing.has(r[2]) && r[6] !== '') { pipe[pw] += r[6]; deals[pw]++; }
  }
  return q.map((n, w) => {
    const s = days[w].sort((a, b) => a - b), m = s.length >> 1;
    return [first + 7 * w, n, n ? conv[w] / n : '', s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : '', deals[w] ? pipe[w] / deals[w] : ''];
  });
}`;

export function benchLeads(bundle: LoadedBundle, asOf: Date): string[] {
  const leads = sampleLeads('2026-11-09', '2026-11-20');
  const table: unknown[][] = [LEADS.columns.map(c => c.header)];
  const date = (iso: string, pass: number) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(y, m - 1, d - 7 * pass);
  };
  for (let i = 0; i < SIZE; i++) {
    const l = leads[i % leads.length];
    const pass = Math.floor(i / leads.length);
    table.push([
      `${l.id}-${pass}`,
      date(l.qualified, pass),
      l.source,
      date(l.qualified, pass),
      l.pipeline ? date(l.pipeline, pass) : '',
      l.dealId ? `${l.dealId}-${pass}` : '',
      l.amount ?? '',
    ]);
  }
  const minimal = vm.runInContext(MINIMAL_LOOP, bundle.context) as (
    t: unknown[][],
    a: Date,
  ) => unknown;
  const formula = () =>
    bundle.call('LEADING_INDICATORS', [table, '', 12, asOf], {
      authMode: 'CUSTOM_FUNCTION',
      trigger: 'custom-function',
    });
  const loop = () => minimal(table, asOf);
  formula();
  loop();
  const samples: [number[], number[]] = [[], []];
  const started = performance.now();
  while (
    samples[0].length < 3 ||
    (samples[0].length < 15 && performance.now() - started < 4000)
  ) {
    [formula, loop].forEach((fn, k) => {
      const t = performance.now();
      fn();
      samples[k].push(performance.now() - t);
    });
  }
  const [f, m] = samples.map(median);
  return [
    `LEADING_INDICATORS, ${SIZE.toLocaleString('en-US')} leads (Olist's cadence repeated), 12 weeks: ${f.toFixed(0)} ms per call, ${(f / m).toFixed(1)}× a hand-written loop (${m.toFixed(0)} ms; median of ${samples[0].length})`,
  ];
}

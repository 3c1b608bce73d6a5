/**
 * LEADING_INDICATORS at 100,000 leads through the bundle (issue 14): the
 * Olist leads' real cadence repeated to size (each pass a week earlier), the
 * sample's Deals-shaped velocity off, timed as the other formulas are.
 */
import {performance} from 'node:perf_hooks';
import type {LoadedBundle} from '../../emulator/loader';
import {sampleLeads} from '../../emulator/sample-leads';
import {LEADS} from '../../src/domain/workbook';
import {median} from './load';

const SIZE = 100000;

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
  const call = () =>
    bundle.call('LEADING_INDICATORS', [table, '', 12, asOf], {
      authMode: 'CUSTOM_FUNCTION',
      trigger: 'custom-function',
    });
  call();
  const samples: number[] = [];
  const started = performance.now();
  while (
    samples.length < 3 ||
    (samples.length < 15 && performance.now() - started < 3000)
  ) {
    const t = performance.now();
    call();
    samples.push(performance.now() - t);
  }
  return [
    `LEADING_INDICATORS, ${SIZE.toLocaleString('en-US')} leads (Olist's cadence repeated), 12 weeks: ${median(samples).toFixed(0)} ms per call (median of ${samples.length})`,
  ];
}

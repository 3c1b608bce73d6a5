/**
 * The two slip signals one snapshot of the Deals table cannot show: a next
 * step recycled unchanged week after week, and a stage that advanced with no
 * MEDDPICC element added. Both compare a Commit deal with what the Monday
 * slip check recorded for it the week before (the Deal History tab).
 */
import type {Deal} from './deals';
import type {SignalRule} from './signals';
import {MEDDPICC, type SlipSignal} from './workbook';

export interface DealSnapshot {
  stage: string;
  nextStep: string;
  /** The documented MEDDPICC elements. */
  meddpicc: string[];
}

export interface DealWithHistory extends Deal {
  previous?: DealSnapshot;
}

const same = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() ===
  b.trim().replace(/\s+/g, ' ').toLowerCase();

export function documentedElements(deal: Pick<Deal, 'meddpicc'>): string[] {
  return MEDDPICC.filter(e => deal.meddpicc[e]);
}

/** The history cell: documented elements, comma-separated, in MEDDPICC order. */
export function meddpiccText(deal: Pick<Deal, 'meddpicc'>): string {
  return documentedElements(deal).join(', ');
}

export function parseMeddpiccText(text: string): string[] {
  const wanted = new Set(
    text
      .split(',')
      .map(s => s.trim().toLowerCase())
      .filter(Boolean),
  );
  return MEDDPICC.filter(e => wanted.has(e.toLowerCase()));
}

export const HISTORY_RULES: readonly SignalRule<DealWithHistory>[] = [
  {
    signal: 'broken next step',
    fires: d =>
      d.previous !== undefined &&
      d.nextStep !== '' &&
      same(d.previous.nextStep, d.nextStep),
  },
  {
    signal: 'MEDDPICC stagnation',
    fires: d => {
      if (!d.previous || d.stage === '' || same(d.previous.stage, d.stage))
        return false;
      const before = new Set(d.previous.meddpicc);
      return !documentedElements(d).some(e => !before.has(e));
    },
  },
];

/** Why a signal fired, in words for the Note column of an auto signal. */
export const SIGNAL_NOTES: Record<SlipSignal, string> = {
  'champion latency': 'No reply from the champion within the latency window.',
  'close-date micro-slip':
    'The close date is later than the date the deal was committed with.',
  'no new stakeholders':
    'No net-new stakeholder within the stakeholder window.',
  'silent procurement': 'No procurement contact within the procurement window.',
  'hedged language': 'The notes or next step hedge.',
  'broken next step':
    'The next step is empty, overdue, or unchanged since last week.',
  'MEDDPICC stagnation':
    'The stage advanced but no MEDDPICC element was added since.',
};

/** The save-play the Monday slip call starts from, by the deal's first signal. */
export const SAVE_PLAYS: Record<SlipSignal, string> = {
  'champion latency': 'Reach the champion today and re-confirm the close plan',
  'close-date micro-slip':
    'Re-confirm the committed close date with the economic buyer',
  'no new stakeholders': 'Multi-thread: meet one new stakeholder this week',
  'silent procurement': 'Reach procurement and walk the paper process',
  'hedged language': 'Replace the hedge with a dated, mutual next step',
  'broken next step': 'Agree a dated next step with the buyer',
  'MEDDPICC stagnation':
    'Document the missing MEDDPICC elements before advancing',
};

export function savePlayFor(signals: readonly SlipSignal[]): string {
  return `${SAVE_PLAYS[signals[0]]} (${signals.length} signals: ${signals.join(', ')})`;
}

/**
 * The slip signals of docs/playbook.md. Six can be read from one snapshot of a
 * deal; "MEDDPICC stagnation" and the "recycled next step" half of "broken
 * next step" need the deal's history, so evaluation takes a list of rules:
 * the Monday slip check appends its history rules to SNAPSHOT_RULES.
 */
import {olderThanBusinessDays} from './business-days';
import {dayNumber, type WallTime} from './wall-clock';
import type {Deal} from './deals';
import {SLIP_SIGNALS, type SlipSignal} from './workbook';

export {SLIP_SIGNALS, type SlipSignal};

/** The signals one snapshot of the Deals table can show: all but the one that needs last week. */
export const SNAPSHOT_SIGNALS: readonly SlipSignal[] = SLIP_SIGNALS.filter(
  s => s !== 'MEDDPICC stagnation',
);

/** Phrases that hedge a commitment (docs/playbook.md's examples and their kin). */
export const HEDGE_PHRASES: readonly string[] = [
  'hopefully',
  'hoping',
  'hope to',
  'should close',
  'should sign',
  'should come through',
  'might',
  'maybe',
  'perhaps',
  'possibly',
  'probably',
  'fingers crossed',
  'waiting to hear',
  'not sure',
  'unsure',
  'we think',
  "we'll see",
  'tentatively',
  'if all goes well',
];

export interface SignalThresholds {
  /** Champion Latency Hours (48). */
  championLatencyHours: number;
  /** Stakeholder Window Business Days (10). */
  stakeholderWindowDays: number;
  /** Procurement Window Business Days (10). */
  procurementWindowDays: number;
  hedgePhrases: readonly string[];
}

/** The Settings defaults. */
export const DEFAULT_SIGNAL_THRESHOLDS: SignalThresholds = Object.freeze({
  championLatencyHours: 48,
  stakeholderWindowDays: 10,
  procurementWindowDays: 10,
  hedgePhrases: HEDGE_PHRASES,
});

export type SignalInput = Pick<
  Deal,
  | 'closeDate'
  | 'committedCloseDate'
  | 'lastChampionReply'
  | 'lastNewStakeholder'
  | 'lastProcurementContact'
  | 'nextStep'
  | 'nextStepDue'
  | 'notes'
>;

/** Everything a rule needs besides the deal, computed once per evaluation run. */
export interface SignalContext {
  /** The moment of evaluation on the spreadsheet's clock. */
  asOf: WallTime;
  /** Its calendar day (see business-days.ts). */
  asOfDay: number;
  thresholds: SignalThresholds;
  hedge: RegExp;
}

export interface SignalRule<D = SignalInput> {
  signal: SlipSignal;
  fires(deal: D, context: SignalContext): boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One case-insensitive, whole-word pattern for the hedge phrases; any apostrophe, any spacing. */
export function hedgePattern(phrases: readonly string[]): RegExp {
  const alternatives = phrases
    .map(p => p.trim())
    .filter(p => p !== '')
    .map(p =>
      escapeRegExp(p.toLowerCase())
        .replace(/['’]/g, "['’]")
        .replace(/\s+/g, '\\s+'),
    );
  // An empty list matches nothing.
  if (alternatives.length === 0) return /(?!)/;
  return new RegExp(
    `(?:^|[^\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  );
}

export function signalContext(
  asOf: WallTime,
  thresholds: SignalThresholds = DEFAULT_SIGNAL_THRESHOLDS,
): SignalContext {
  return {
    asOf,
    asOfDay: dayNumber(asOf),
    thresholds,
    hedge: hedgePattern(thresholds.hedgePhrases),
  };
}

const HOUR_MS = 3600000;

/**
 * The six single-snapshot rules. A blank contact date counts as no contact:
 * a deal with no recorded champion reply has a latent champion. Latency is
 * counted on the spreadsheet's clock, so a reply dated two days before a
 * date-cell as_of is 48 hours old in every zone, across DST changes too.
 */
export const SNAPSHOT_RULES: readonly SignalRule[] = [
  {
    signal: 'champion latency',
    fires: (d, c) =>
      d.lastChampionReply === undefined ||
      c.asOf - d.lastChampionReply >
        c.thresholds.championLatencyHours * HOUR_MS,
  },
  {
    signal: 'close-date micro-slip',
    fires: d =>
      d.closeDate !== undefined &&
      d.committedCloseDate !== undefined &&
      dayNumber(d.closeDate) > dayNumber(d.committedCloseDate),
  },
  {
    signal: 'no new stakeholders',
    fires: (d, c) =>
      d.lastNewStakeholder === undefined ||
      olderThanBusinessDays(
        dayNumber(d.lastNewStakeholder),
        c.asOfDay,
        c.thresholds.stakeholderWindowDays,
      ),
  },
  {
    signal: 'silent procurement',
    fires: (d, c) =>
      d.lastProcurementContact === undefined ||
      olderThanBusinessDays(
        dayNumber(d.lastProcurementContact),
        c.asOfDay,
        c.thresholds.procurementWindowDays,
      ),
  },
  {
    signal: 'hedged language',
    fires: (d, c) => c.hedge.test(d.notes) || c.hedge.test(d.nextStep),
  },
  {
    // From one snapshot: empty or overdue. "Recycled" needs history (the slip check's rule).
    signal: 'broken next step',
    fires: (d, c) =>
      d.nextStep === '' ||
      (d.nextStepDue !== undefined && dayNumber(d.nextStepDue) < c.asOfDay),
  },
];

/** Signals at which the Monday slip check flags a deal for a save-play. */
export const FLAG_AT_SIGNALS = 2;

export function isFlagged(signals: readonly SlipSignal[]): boolean {
  return signals.length >= FLAG_AT_SIGNALS;
}

/**
 * The signals firing for a deal, each once, in docs/playbook.md's order. Extra
 * rules (history signals) may name a signal a snapshot rule also covers.
 */
export function firingSignals<D extends SignalInput>(
  deal: D,
  context: SignalContext,
  rules: readonly SignalRule<D>[] = SNAPSHOT_RULES,
): SlipSignal[] {
  const fired: SlipSignal[] = [];
  for (const rule of rules) {
    if (!fired.includes(rule.signal) && rule.fires(deal, context)) {
      fired.push(rule.signal);
    }
  }
  if (fired.length > 1) {
    fired.sort((a, b) => SLIP_SIGNALS.indexOf(a) - SLIP_SIGNALS.indexOf(b));
  }
  return fired;
}

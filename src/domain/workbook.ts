/**
 * The workbook contract of docs/workbook.md as data: every tab, its headers in
 * their canonical spelling and order, and each column's kind. The one source
 * of truth for set-up, the table layer and the custom functions' header names.
 */

/** What a column holds; decides its number format and validation at set-up. */
export type ColumnKind =
  | 'text'
  | 'number'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'checkbox'
  | 'link'
  | 'choice';

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** For kind 'choice': the values of the dropdown. */
  choices?: readonly string[];
}

export interface TabSpec {
  name: string;
  columns: readonly ColumnSpec[];
  /** Written only by the add-on and protected (Scorecard, and the hidden history tab). */
  protected?: boolean;
  hidden?: boolean;
}

export const FORECAST_CATEGORIES = [
  'Commit',
  'Best Case',
  'Pipeline',
  'Closed Won',
  'Closed Lost',
] as const;

export const GRADES = ['Green', 'Yellow', 'Red'] as const;
export type Grade = (typeof GRADES)[number];

/** The seven slip signals, named as in docs/playbook.md. */
export const SLIP_SIGNALS = [
  'champion latency',
  'close-date micro-slip',
  'no new stakeholders',
  'silent procurement',
  'hedged language',
  'broken next step',
  'MEDDPICC stagnation',
] as const;
export type SlipSignal = (typeof SLIP_SIGNALS)[number];

export const SIGNAL_SOURCES = ['manual', 'auto'] as const;

/** The eight MEDDPICC elements, as Deals headers. */
export const MEDDPICC = [
  'Metrics',
  'Economic Buyer',
  'Decision Criteria',
  'Decision Process',
  'Paper Process',
  'Identify Pain',
  'Champion',
  'Competition',
] as const;

/** A column; text unless said otherwise. */
const col = (
  header: string,
  kind: ColumnKind = 'text',
  choices?: readonly string[],
): ColumnSpec => (choices ? {header, kind, choices} : {header, kind});

export const DEALS: TabSpec = {
  name: 'Deals',
  columns: [
    col('Deal ID'),
    col('Deal'),
    col('Owner'),
    col('Amount', 'currency'),
    col('Stage'),
    col('Forecast Category', 'choice', FORECAST_CATEGORIES),
    col('Close Date', 'date'),
    col('Committed Close Date', 'date'),
    ...MEDDPICC.map(h => col(h, 'checkbox')),
    col('Economic Buyer Name'),
    col('EB Confirmed On', 'date'),
    col('Paper Process Map', 'link'),
    col('Last Champion Reply', 'datetime'),
    col('Last New Stakeholder', 'date'),
    col('Last Procurement Contact', 'date'),
    col('Next Step'),
    col('Next Step Due', 'date'),
    col('Notes'),
    // When the deal was opened: Pipeline Velocity's days to close (LEADING_INDICATORS).
    col('Created On', 'date'),
  ],
};

export const FORECAST: TabSpec = {
  name: 'Forecast',
  columns: [
    col('Week', 'number'),
    col('Week Ending', 'date'),
    col('Committed', 'currency'),
    col('Closed', 'currency'),
  ],
};

export const COMMITMENTS: TabSpec = {
  name: 'Commitments',
  columns: [
    col('Commitment ID'),
    col('Commitment'),
    col('Metric'),
    col('Target'),
    col('Owner'),
    col('Active', 'checkbox'),
  ],
};

export const GRADES_TAB: TabSpec = {
  name: 'Grades',
  columns: [
    col('Week Ending', 'date'),
    col('Commitment ID'),
    col('Grade', 'choice', GRADES),
    col('Reason'),
    col('Next Action'),
    col('Graded By'),
    col('Graded At', 'datetime'),
  ],
};

export const SIGNALS_TAB: TabSpec = {
  name: 'Signals',
  columns: [
    col('Logged At', 'datetime'),
    col('Deal ID'),
    col('Signal', 'choice', SLIP_SIGNALS),
    col('Source', 'choice', SIGNAL_SOURCES),
    col('Note'),
    col('Save Play'),
    col('Save Play Owner'),
    col('Save Play Executed On', 'date'),
    col('Outcome'),
    // Who logged a manual signal (only they may withdraw it) and when it was
    // withdrawn: a withdrawn signal stays on the tab and no count includes it.
    col('Logged By'),
    col('Withdrawn At', 'datetime'),
  ],
};

export const ATTENDANCE: TabSpec = {
  name: 'Attendance',
  columns: [
    col('Week Ending', 'date'),
    col('Invited', 'number'),
    col('Attended', 'number'),
    // Ticked on the week the CEO (and CMO) join: the monthly expanded meeting (issue 14 §4).
    col('Expanded Meeting', 'checkbox'),
  ],
};

/** Qualified leads, usually a CRM export: the leading indicators' input (issue 14). */
export const LEADS: TabSpec = {
  name: 'Leads',
  columns: [
    col('Lead ID'),
    col('Created On', 'date'),
    col('Source'),
    col('Qualified On', 'date'),
    col('Pipeline On', 'date'),
    col('Deal ID'),
    col('Amount', 'currency'),
  ],
};

// ---- quarters (issue 13): the quarter's record and the options before the plan

/** One row per quarter: the CRO's commit at its start against what it closed at. */
export const QUARTERS: TabSpec = {
  name: 'Quarters',
  columns: [
    col('Quarter'),
    col('Quarter End', 'date'),
    col('Plan', 'currency'),
    col('Commit', 'currency'),
    col('Downturn-Adjusted Commit', 'currency'),
    col('Actual', 'currency'),
    col('Non-Controllable', 'currency'),
  ],
};

/** Optional: the options weighed before the 60-day plan; a chosen one may become a commitment. */
export const OPTIONS: TabSpec = {
  name: 'Options',
  columns: [
    col('Option'),
    col('Impact', 'number'),
    col('Effort', 'number'),
    col('Owner'),
    col('Chosen', 'checkbox'),
  ],
};

export const SETTINGS_TAB: TabSpec = {
  name: 'Settings',
  columns: [col('Setting'), col('Value')],
};

export const SCORECARD: TabSpec = {
  name: 'Scorecard',
  protected: true,
  columns: [
    col('Week Ending', 'date'),
    col('Week', 'number'),
    col('Committed', 'currency'),
    col('Closed', 'currency'),
    col('Forecast Variance', 'percent'),
    col('Variance Target', 'percent'),
    col('Gate Compliance', 'percent'),
    col('Gate Target', 'percent'),
    col('Signals Fired', 'number'),
    col('Signals Prior Week', 'number'),
    col('Save Plays Executed', 'number'),
    col('Save-Play Rate', 'percent'),
    col('Attendance', 'percent'),
    col('Green', 'number'),
    col('Yellow', 'number'),
    col('Red', 'number'),
    col('Snapshot At', 'datetime'),
    col('Snapshot By'),
    // What the record needs to prove itself: each commitment's grade, reason and next action;
    // the row an amendment amends and what changed; the SHA-256 chain value.
    col('Commitment Grades'),
    col('Amends Row', 'number'),
    col('Changes', 'text'),
    col('Chain', 'text'),
    // Added later, after the chain value so no column moves: the CRO Name setting, and the
    // grades as data (JSON), which the email reads back; Commitment Grades is only shown.
    col('CRO Name', 'text'),
    col('Grades Data', 'text'),
    // weekly (issue 13 §6, §5, §7, §2): the CRO's words of the week (wrong calls as JSON
    // [Deal ID, Deal, why, sentence]; the recommit update), the dual scorecard and the quarter's warning.
    col('Wrong Calls'),
    col('Recommit Update'),
    col('Adjusted Committed', 'currency'),
    col('Adjusted Variance', 'percent'),
    col('Re-inflation Warning'),
    // The signed 60-day plan as the week's email needs it (JSON), during its 60 days.
    col('Plan Data', 'text'),
  ],
};

/** Every delivery attempt of the CFO email: the record that nothing sent is ever lost or sent twice. */
export const DELIVERY_LOG: TabSpec = {
  name: 'Delivery Log',
  protected: true,
  columns: [
    col('Attempted At', 'datetime'),
    col('Scorecard Row', 'number'),
    col('Week Ending', 'date'),
    col('Recipients'),
    col('Status'),
    col('Detail'),
    // The row's chain value: what delivery is keyed by (a row number repeats when the tab is recreated).
    col('Chain'),
  ],
};

/** Weekly history of each Commit deal, for the two signals one snapshot cannot show. */
export const DEAL_HISTORY: TabSpec = {
  name: 'Deal History',
  protected: true,
  hidden: true,
  columns: [
    col('Week Ending', 'date'),
    col('Deal ID'),
    col('Stage'),
    col('Close Date', 'date'),
    col('Next Step', 'text'),
    col('MEDDPICC', 'text'),
  ],
};

// ---- the signed 60-day plan (issue 13 §4)

/**
 * The signed 60-day plan: one row per commitment per version, chained like
 * the Scorecard. Not in TABS: the first signing creates it, never set-up.
 */
export const PLAN: TabSpec = {
  name: 'Plan',
  protected: true,
  columns: [
    col('Version', 'number'),
    col('Signed On', 'date'),
    col('Signed By'),
    col('CRO Name'),
    col('Reason'),
    // Commitment ID, Commitment, Metric, Target: as on the Commitments tab when signed.
    ...COMMITMENTS.columns.slice(0, 4),
    col('Chain'),
  ],
};

/**
 * The CRO's words of the week beyond the grades (issue 13 §5, §6): a sentence
 * per wrong call (Deal ID), the recommit update (Deal ID blank). Not in TABS:
 * created when first written, never by set-up.
 */
export const WORDS: TabSpec = {
  name: 'CRO Words',
  columns: [
    col('Week Ending', 'date'),
    col('Kind'),
    col('Deal ID'),
    col('Words'),
    col('Written By'),
    col('Written At', 'datetime'),
  ],
};

/** Every tab of the contract, in the order set-up creates them. */
export const TABS: readonly TabSpec[] = [
  DEALS,
  FORECAST,
  COMMITMENTS,
  GRADES_TAB,
  SIGNALS_TAB,
  ATTENDANCE,
  LEADS,
  QUARTERS,
  OPTIONS,
  SETTINGS_TAB,
  SCORECARD,
  DELIVERY_LOG,
  DEAL_HISTORY,
];

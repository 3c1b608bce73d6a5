/**
 * Snapshot this week now, on purpose (domain/snapshot-confirm.ts): the
 * preview reads what the snapshot would record and the CFO email it would
 * send, writing nothing (no lock, no protection refresh, no row); the
 * snapshot itself checks, under the lock and on what it is about to write,
 * that a confirmation is not needed or vouches for exactly that.
 */
import {audienceOf} from '../domain/audiences';
import {cfoEmailView, subjectLine} from '../domain/cfo-email';
import {readinessGaps} from '../domain/readiness';
import {
  fingerprintText,
  parseConfirmation,
  scheduledWall,
  type Confirmation,
  type SnapshotPreview,
} from '../domain/snapshot-confirm';
import type {LocalDate} from '../domain/calendar';
import type {Settings} from '../domain/settings';
import type {ZoneClock} from './clock';
import {emailInput} from './delivery';
import {render} from './templates';
import {sha256Hex} from './digest';
import {requireKeeper} from './protection';
import {DELIVERY_LOG, SCORECARD} from '../domain/workbook';
import {readRecordSettings} from './settings';
import {
  planSnapshot,
  requireRebuildStart,
  snapshotWeek,
  type SnapshotPlan,
  type SnapshotResult,
} from './snapshot';
import {weekContext, type WeekContext} from './week';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Refused because the person has not seen (this version of) what goes out. */
interface NotConfirmed {
  status: 'confirm';
  preview: SnapshotPreview;
  message: string;
}

export type ConfirmedSnapshot = SnapshotResult | NotConfirmed;

/** "Fri 20 Nov 2026 at 16:00 (America/Los_Angeles)" */
export function scheduleLabel(
  clock: ZoneClock,
  weekEnding: LocalDate,
  hour: number,
): string {
  return `${clock.label(weekEnding)} at ${String(hour).padStart(2, '0')}:00 (${clock.timeZone})`;
}

/** Whether the week's scheduled time has passed on the spreadsheet's clock. */
export function isDue(context: WeekContext, settings: Settings): boolean {
  const {clock, weekEnding} = context;
  return (
    clock.wall(clock.now) >= scheduledWall(weekEnding, settings.scorecardHour)
  );
}

/** Only the week's first record emails the CFO at once (an amendment's corrections wait for the scheduled run): it asks before its scheduled time. */
const mustConfirm = (
  plan: SnapshotPlan,
  settings: Settings,
  context: WeekContext,
) => plan.status === 'recorded' && !isDue(context, settings);

function fingerprintOf(
  plan: SnapshotPlan,
  settings: Settings,
  context: WeekContext,
): string {
  return sha256Hex(
    fingerprintText(
      context.weekEnding,
      plan.status,
      plan.record,
      plan.changes,
      plan.amendsRow,
      audienceOf(settings, context.weekEnding),
    ),
  );
}

/** What Snapshot this week now would record and send, computed without writing anything. */
export function previewSnapshot(
  spreadsheet: Spreadsheet,
  now: Date,
): SnapshotPreview {
  return previewWith(spreadsheet, now).preview;
}

function previewWith(
  spreadsheet: Spreadsheet,
  now: Date,
): {preview: SnapshotPreview; settings: Settings} {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  // As the snapshot reads them: an invalid CFO Email is a warning, not a refusal.
  const {settings, cfoEmailProblem} = readRecordSettings(spreadsheet, timeZone);
  requireRebuildStart(settings);
  const context = weekContext(spreadsheet, settings, now, now, timeZone);
  const plan = planSnapshot(spreadsheet, settings, context);
  return {
    preview: previewOf(spreadsheet, settings, cfoEmailProblem, context, plan),
    settings,
  };
}

function previewOf(
  spreadsheet: Spreadsheet,
  settings: Settings,
  cfoEmailProblem: string,
  context: WeekContext,
  plan: SnapshotPlan,
  fingerprint = fingerprintOf(plan, settings, context),
): SnapshotPreview {
  const {clock} = context;
  const input = emailInput(
    {spreadsheet, settings, clock},
    {
      // The row the append will write; the chain value exists only once it is written.
      scorecardRow: Math.max(plan.state.lastRow, 1) + 1,
      record: plan.record,
      trend: plan.trend,
      chain: '(computed when the row is written)',
      // An amendment goes out as the corrections in the next scheduled run.
      corrections: plan.status === 'amended' ? plan.changes : undefined,
    },
  );
  return {
    week: context.week,
    weekEnding: context.weekEnding,
    status: plan.status,
    scheduledFor: scheduleLabel(
      context.clock,
      context.weekEnding,
      settings.scorecardHour,
    ),
    needsConfirmation: mustConfirm(plan, settings, context),
    // The month's first Scorecard Day: the CEO (and CMO) too, as the email will go.
    recipients: audienceOf(settings, context.weekEnding),
    subject: subjectLine(input),
    view: cfoEmailView(input),
    warnings: [
      // The readiness note's still-missing list, for the week being previewed.
      ...readinessGaps({...settings, record: plan.record}),
      ...(cfoEmailProblem ? [cfoEmailProblem] : []),
    ],
    fingerprint,
  };
}

/** Thrown under the lock to write and send nothing, with what is there now to confirm. */
class Unconfirmed extends Error {
  constructor(readonly preview: SnapshotPreview) {
    super('not confirmed');
  }
}

/**
 * The snapshot, taken only when no confirmation is needed or the one given
 * is of what is about to be written; otherwise nothing is written or sent and
 * the preview of what is there now (read under the same lock) comes back to
 * be confirmed.
 */
export function snapshotConfirmed(
  spreadsheet: Spreadsheet,
  now: Date,
  input?: unknown,
): ConfirmedSnapshot {
  const confirmation = parseConfirmation(input);
  let preview: SnapshotPreview;
  try {
    return snapshotWeek(spreadsheet, now, {
      guard: (plan, settings, context, cfoEmailProblem) => {
        if (!mustConfirm(plan, settings, context)) return;
        const fingerprint = fingerprintOf(plan, settings, context);
        if (confirmation?.fingerprint === fingerprint) return;
        throw new Unconfirmed(
          previewOf(
            spreadsheet,
            settings,
            cfoEmailProblem,
            context,
            plan,
            fingerprint,
          ),
        );
      },
    });
  } catch (err) {
    if (!(err instanceof Unconfirmed)) throw err;
    preview = err.preview;
  }
  return {
    status: 'confirm',
    preview,
    message: confirmation
      ? `Week ${preview.week} changed since you looked at it. Nothing was recorded or sent: check it again.`
      : `Before the scheduled snapshot (${preview.scheduledFor}), confirm what goes to the CFO. Nothing was recorded or sent.`,
  };
}

/**
 * The menu's question, a Ui alert with Yes and No: what the CFO will read
 * (the plain-text body of the email itself) and what is still missing.
 * Returns the confirmation, undefined when none is needed, or null when the
 * person said No (or closed the dialog).
 */
export function askFromMenu(
  spreadsheet: Spreadsheet,
  now: Date,
): Confirmation | undefined | null {
  const {preview, settings} = previewWith(spreadsheet, now);
  if (!preview.needsConfirmation) return undefined;
  // Someone who may not write the record hears so now, not after saying Yes.
  requireKeeper(spreadsheet, settings, 'take the snapshot', [
    SCORECARD,
    DELIVERY_LOG,
  ]);
  // The question's words are a template (src/templates/snapshot-question.html), kept out of Code.js.
  const message = render('snapshot-question', {
    view: {
      ...preview,
      body: render('cfo-email-text', {view: preview.view, print: false}),
    },
  });
  const ui = SpreadsheetApp.getUi();
  return ui.alert(
    `Email week ${preview.week} to the CFO now?`,
    message.trim(),
    ui.ButtonSet.YES_NO,
  ) === ui.Button.YES
    ? {fingerprint: preview.fingerprint}
    : null;
}

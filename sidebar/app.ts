/**
 * The sidebar's state: what the server loaded, the CRO's unsaved grades, and
 * the scorecard record kept current as grades and signals are saved.
 */
import type {GradeEntry} from '../src/domain/sidebar/grades';
import {liveRecord} from '../src/domain/sidebar/scorecard';
import type {
  AttendanceView,
  PlanView,
  SidebarData,
  SignalView,
} from '../src/domain/sidebar/types';
import type {WeekRecord} from '../src/domain/scorecard-record';
import type {SnapshotPreview} from '../src/domain/snapshot-confirm';
import type {WeekRecordStatus} from '../src/domain/week-status';

/** What the snapshot would send, shown for the CRO to confirm (the server's words with it). */
export interface Confirming {
  preview: SnapshotPreview;
  message: string;
}

/** Whether this week is recorded and emailed: asked when the Scorecard view first opens. */
export type RecordStatus =
  | {state: 'unasked' | 'loading'}
  | {state: 'known'; status: WeekRecordStatus}
  | {state: 'failed'; message: string};

export type ViewName = 'grade' | 'signals' | 'scorecard';

export class App {
  /** Unsaved grades by commitment id: survive re-rendering and switching views. */
  readonly drafts = new Map<string, GradeEntry>();
  private listeners: Array<() => void> = [];
  /** A preview awaiting confirmation; a save in any view drops it (the week it showed changed). */
  confirming: Confirming | null = null;
  recordStatus: RecordStatus = {state: 'unasked'};

  constructor(public data: SidebarData) {
    this.resetDrafts();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Drafts start from this week's saved grades, or blank. */
  private resetDrafts(): void {
    this.drafts.clear();
    for (const c of this.data.plan.commitments) {
      this.drafts.set(c.id, {
        commitmentId: c.id,
        grade: c.thisWeek?.grade ?? '',
        reason: c.thisWeek?.reason ?? '',
        nextAction: c.thisWeek?.nextAction ?? '',
      });
    }
  }

  draft(id: string): GradeEntry {
    let d = this.drafts.get(id);
    if (!d) {
      d = {commitmentId: id, grade: '', reason: '', nextAction: ''};
      this.drafts.set(id, d);
    }
    return d;
  }

  setPlan(plan: PlanView): void {
    this.confirming = null;
    this.data = {...this.data, plan};
    this.resetDrafts();
    this.changed();
  }

  setSignals(signals: SignalView[]): void {
    this.confirming = null;
    this.data = {...this.data, signals};
    this.changed();
  }

  setAttendance(attendance: AttendanceView): void {
    this.confirming = null;
    this.data = {...this.data, attendance};
    this.changed();
  }

  setConfirming(confirming: Confirming | null): void {
    this.confirming = confirming;
    this.changed();
  }

  /** The week's record with this sidebar's saved grades and signals counted as the snapshot will count them. */
  record(): WeekRecord {
    return liveRecord(
      this.data.scorecard.record,
      this.data.plan.commitments,
      this.data.signals,
      this.data.attendance,
    );
  }
}

/**
 * The recommit update drafted in the sidebar (issue 13 §5) in the playbook's
 * words, from the latest grades, with the CRO's own reasons and next actions.
 */
import {planWeek, recommitDraft} from '../../sidebar/recommit';
import type {SidebarData} from '../../src/domain/sidebar/types';
import type {CommitmentView, GradeView} from '../../src/domain/sidebar/types';

const graded = (
  grade: GradeView['grade'],
  reason = '',
  nextAction = '',
): GradeView => ({grade, reason, nextAction, gradedBy: '', gradedAt: ''});

const commitment = (
  id: string,
  commitment: string,
  thisWeek: GradeView | null,
  lastWeek: GradeView | null = null,
): CommitmentView => ({
  id,
  commitment,
  metric: '',
  target: '',
  owner: '',
  lastWeek,
  thisWeek,
  version: '',
});

describe('recommitDraft', () => {
  it('says the playbook’s sentences for five commitments six weeks in: three green, one yellow, one red, then what is done about them', () => {
    const draft = recommitDraft(
      [
        commitment('C1', 'Gate every commit', graded('Green')),
        commitment(
          'C2',
          'A save-play per signal',
          graded(
            'Yellow',
            'Two save-plays ran past Thursday.',
            'Owners report at Wednesday stand-up',
          ),
        ),
        commitment('C3', 'Call the week within 5%', graded('Green')),
        commitment(
          'C4',
          'Monday slip call',
          graded(
            'Red',
            'We skipped it twice',
            'Hold it at 9:00 with every rep.',
          ),
        ),
        // Not graded this week: last week's grade is the latest.
        commitment('C5', 'Attendance above 90%', null, graded('Green')),
      ],
      7,
    );
    expect(draft).toBe(
      'Six weeks ago I made five commitments. Here is the status of each one. Three are green. ' +
        'One is yellow because Two save-plays ran past Thursday (A save-play per signal). ' +
        'One is red because We skipped it twice (Monday slip call).\n\n' +
        'Here is what I am doing about the red and the yellow:\n' +
        '- A save-play per signal: Owners report at Wednesday stand-up.\n' +
        '- Monday slip call: Hold it at 9:00 with every rep.',
    );
  });

  it('names several of one colour, leaves "…" where the CRO wrote nothing, and counts the ungraded', () => {
    const draft = recommitDraft(
      [
        commitment('C1', 'A', graded('Red', 'late')),
        commitment('C2', 'B', graded('Red', '', 'call')),
        commitment('C3', 'C', null),
      ],
      4,
    );
    expect(draft).toBe(
      'Three weeks ago I made three commitments. Here is the status of each one. ' +
        'Two are red: A because late; B because …. One is not graded yet.\n\n' +
        'Here is what I am doing about the red:\n- A: ….\n- B: call.',
    );
  });

  it('all green: no "what I am doing" paragraph', () => {
    expect(recommitDraft([commitment('C1', 'A', graded('Green'))], 5)).toBe(
      'Four weeks ago I made one commitment. Here is the status of each one. One is green.',
    );
  });
});

describe('planWeek', () => {
  // Only the fields planWeek reads: the week from Rebuild Start, today, and the signed plan.
  const data = (week: number, today: string, signed?: string) =>
    ({
      week,
      today,
      scorecard: {record: signed ? {plan: {signed}} : {}},
    }) as unknown as SidebarData;

  it('counts from Rebuild Start until the plan is signed', () => {
    expect(planWeek(data(6, '2026-11-20'))).toBe(6);
  });

  it('counts from the first signing day once signed: days 1–7 are week 1, day 22 starts week 4', () => {
    expect(planWeek(data(9, '2026-11-02', '2026-11-02'))).toBe(1);
    expect(planWeek(data(9, '2026-11-08', '2026-11-02'))).toBe(1);
    expect(planWeek(data(9, '2026-11-22', '2026-11-02'))).toBe(3);
    expect(planWeek(data(9, '2026-11-23', '2026-11-02'))).toBe(4);
  });
});

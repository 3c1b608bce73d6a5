/**
 * Grade: each active commitment graded Green / Yellow / Red against last
 * week's pledge, with a reason (required for Yellow and Red) and the next
 * action. A reason that leans on outside factors gets a visible nudge.
 */
import {externalBlameNudge} from '../src/domain/external-blame';
import {
  gradeProblems,
  MAX_COMMITMENTS,
  metricNudge,
  repeatedPledgeNudge,
  tooManyCommitments,
} from '../src/domain/sidebar/grades';
import {
  MAX_TEXT,
  type CommitmentView,
  type Refusal,
} from '../src/domain/sidebar/types';
import {GRADES} from '../src/domain/workbook';
import type {App} from './app';
import {counter, h, lengthProblem, showError, uid, withProgress} from './dom';
import {dayLabel} from './format';
import {planDayLine} from './plan-day';
import {clearMessages, notify} from './messages';
import {failureMessage, server} from './server';
import {plural} from '../src/domain/words';
import {recommitCard, wrongCallsCard} from './words-view';

interface CommitmentFields {
  grade: HTMLElement;
  reason: HTMLTextAreaElement;
  nextAction: HTMLTextAreaElement;
  gradeError: HTMLElement;
  reasonError: HTMLElement;
  nextActionError: HTMLElement;
}

function chip(grade: string): HTMLElement {
  return h('span', {class: `chip ${grade.toLowerCase()}`}, grade);
}

function lastWeek(c: CommitmentView): HTMLElement {
  const last = c.lastWeek;
  if (!last) {
    return h('p', {class: 'last muted'}, 'Last week: not graded.');
  }
  return h(
    'div',
    {class: 'last'},
    h(
      'p',
      {},
      h('span', {class: 'label'}, 'Last week '),
      chip(last.grade),
      last.reason ? ` ${last.reason}` : '',
    ),
    h(
      'p',
      {},
      h('span', {class: 'label'}, 'Pledge '),
      last.nextAction || h('span', {class: 'muted'}, 'none recorded'),
    ),
  );
}

function commitmentCard(
  app: App,
  c: CommitmentView,
  fields: Map<string, CommitmentFields>,
): HTMLElement {
  const draft = app.draft(c.id);
  const base = uid('c');
  const gradeError = h('p', {
    class: 'error',
    id: `${base}-grade-error`,
    hidden: true,
  });
  const reasonError = h('p', {
    class: 'error',
    id: `${base}-reason-error`,
    hidden: true,
  });
  const nextActionError = h('p', {
    class: 'error',
    id: `${base}-next-error`,
    hidden: true,
  });
  const numberNudge = h('p', {
    class: 'nudge',
    id: `${base}-number`,
    'aria-live': 'polite',
    hidden: true,
  });
  const nudge = h('p', {
    class: 'nudge',
    id: `${base}-nudge`,
    'aria-live': 'polite',
    hidden: true,
  });
  const pledgeNudge = h('p', {
    class: 'nudge',
    id: `${base}-pledge`,
    'aria-live': 'polite',
    hidden: true,
  });

  const reason = h('textarea', {
    id: `${base}-reason`,
    name: 'reason',
    rows: 2,
    'aria-describedby': `${base}-reason-hint ${base}-nudge ${base}-reason-error`,
  });
  reason.value = draft.reason;
  const reasonCount = counter(reason, MAX_TEXT);
  const next = h('textarea', {
    id: `${base}-next`,
    name: 'nextAction',
    rows: 2,
    'aria-describedby': `${base}-next-hint ${base}-pledge ${base}-next-error`,
  });
  next.value = draft.nextAction;
  const nextCount = counter(next, MAX_TEXT);

  const reasonHint = h('span', {class: 'hint', id: `${base}-reason-hint`});
  const refresh = () => {
    const required = draft.grade === 'Yellow' || draft.grade === 'Red';
    reasonHint.textContent = required
      ? `required for ${draft.grade}`
      : 'required for Yellow and Red';
    reason.required = required;
    reason.setAttribute('aria-required', String(required));
    const blame = required ? externalBlameNudge(draft.reason) : '';
    nudge.textContent = blame;
    nudge.hidden = blame === '';
    const repeat = repeatedPledgeNudge(draft.nextAction, c);
    pledgeNudge.textContent = repeat;
    pledgeNudge.hidden = repeat === '';
    const contradicts = metricNudge(
      c,
      draft.grade,
      app.record(),
      app.data.scorecard.thresholds,
    );
    numberNudge.textContent = contradicts;
    numberNudge.hidden = contradicts === '';
  };

  const radios = GRADES.map(g => {
    const id = `${base}-${g.toLowerCase()}`;
    const input = h('input', {
      type: 'radio',
      id,
      name: `${base}-grade`,
      value: g,
      class: g.toLowerCase(),
      checked: draft.grade === g,
      'aria-describedby': `${base}-grade-error ${base}-number`,
      on: {
        change: () => {
          draft.grade = g;
          showError(gradeError, '');
          if (g === 'Green') showError(reasonError, '');
          refresh();
        },
      },
    });
    return h('span', {class: 'segment'}, input, h('label', {for: id}, g));
  });
  const gradeGroup = h(
    'fieldset',
    {class: 'grade-choice'},
    h('legend', {class: 'label'}, `Grade for ${c.id}`),
    h('div', {class: 'segments'}, ...radios),
  );

  reason.addEventListener('input', () => {
    draft.reason = reason.value;
    if (reason.value.trim() !== '') showError(reasonError, '');
    refresh();
  });
  next.addEventListener('input', () => {
    draft.nextAction = next.value;
    refresh();
  });
  refresh();

  fields.set(c.id, {
    grade: gradeGroup,
    reason,
    nextAction: next,
    gradeError,
    reasonError,
    nextActionError,
  });

  const meta = [
    c.metric && `Metric: ${c.metric}`,
    c.target && `Target: ${c.target}`,
    c.owner && `Owner: ${c.owner}`,
  ].filter(Boolean) as string[];

  return h(
    'section',
    {class: 'card commitment', 'aria-labelledby': `${base}-title`},
    h(
      'h3',
      {id: `${base}-title`},
      h('span', {class: 'cid'}, c.id),
      ' ',
      c.commitment || h('span', {class: 'muted'}, '(no text)'),
    ),
    meta.length > 0 && h('p', {class: 'meta'}, meta.join(' · ')),
    lastWeek(c),
    gradeGroup,
    numberNudge,
    gradeError,
    h('label', {for: reason.id}, 'Reason ', reasonHint),
    reason,
    reasonCount,
    nudge,
    reasonError,
    h(
      'label',
      {for: next.id},
      'Next action ',
      h(
        'span',
        {class: 'hint', id: `${base}-next-hint`},
        'what I will do this week that I did not do last week',
      ),
    ),
    next,
    nextCount,
    pledgeNudge,
    nextActionError,
  );
}

/** A server field ("C2.reason", or zod's "grades.1.reason") → the commitment and field it names. */
function fieldTarget(
  field: string | undefined,
  sent: readonly string[],
): {id: string; part: string} | undefined {
  if (!field) return undefined;
  const indexed = /^grades\.(\d+)\.(\w+)$/.exec(field);
  if (indexed) {
    const id = sent[Number(indexed[1])];
    return id === undefined ? undefined : {id, part: indexed[2]};
  }
  const dot = field.lastIndexOf('.');
  if (dot < 0) return undefined;
  return {id: field.slice(0, dot), part: field.slice(dot + 1)};
}

export function renderGradeView(app: App): HTMLElement {
  const {plan, weekEnding, week} = app.data;
  const fields = new Map<string, CommitmentFields>();
  const formError = h('p', {
    class: 'error form-error',
    role: 'alert',
    hidden: true,
  });
  const status = h('p', {class: 'status', role: 'status'});
  const save = h(
    'button',
    {type: 'submit', class: 'primary', 'data-key': 'save-grades'},
    'Save grades',
  );

  const showRefusal = (refusal: Refusal, sent: readonly string[]) => {
    const target = fieldTarget(refusal.field, sent);
    const f = target && fields.get(target.id);
    const slots: Record<string, [HTMLElement, HTMLElement | null]> = f
      ? {
          reason: [f.reasonError, f.reason],
          nextAction: [f.nextActionError, f.nextAction],
          grade: [f.gradeError, f.grade.querySelector('input')],
        }
      : {};
    const slot = target && slots[target.part];
    if (slot) {
      showError(slot[0], refusal.message);
      slot[1]?.focus();
      return;
    }
    showError(formError, refusal.message);
    formError.focus();
  };

  const form = h(
    'form',
    {class: 'grade-form', novalidate: true, 'aria-label': 'Grade commitments'},
    ...plan.commitments.map(c => commitmentCard(app, c, fields)),
    h('div', {class: 'actions'}, save, status),
    formError,
  );
  formError.tabIndex = -1;

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (save.getAttribute('aria-busy') === 'true') return;
    clearMessages();
    status.textContent = '';
    if (plan.commitments.length > MAX_COMMITMENTS) {
      showError(formError, tooManyCommitments(plan.commitments.length));
      formError.focus();
      return;
    }
    const entries = plan.commitments.map(c => app.draft(c.id));
    const problems = [
      ...gradeProblems(entries),
      ...entries.flatMap(e =>
        (
          [
            ['reason', 'Reason', e.reason],
            ['nextAction', 'Next action', e.nextAction],
          ] as const
        )
          .map(([part, label, text]) => ({
            field: `${e.commitmentId}.${part}`,
            message: lengthProblem(
              `${label} for ${e.commitmentId}`,
              text,
              MAX_TEXT,
            ),
          }))
          .filter(p => p.message !== ''),
      ),
    ];
    if (problems.length > 0) {
      // Each problem next to its field; focus lands on the first.
      for (const p of [...problems].reverse()) {
        showRefusal({ok: false, message: p.message, field: p.field}, []);
      }
      return;
    }
    const sent = entries.map(e => e.commitmentId);
    const versions = new Map(plan.commitments.map(c => [c.id, c.version]));
    void withProgress(save, 'Saving…', async () => {
      try {
        const result = await server.saveGrades({
          weekEnding,
          grades: entries.map(e => ({
            commitmentId: e.commitmentId,
            grade: e.grade as 'Green' | 'Yellow' | 'Red',
            reason: e.reason,
            nextAction: e.nextAction,
            version: versions.get(e.commitmentId) ?? '',
          })),
        });
        if (!result.ok) {
          showRefusal(result, sent);
          return;
        }
        app.setPlan(result.value.plan);
        notify(
          `Saved ${plural(entries.length, 'grade')} for the week ending ${dayLabel(weekEnding)}.`,
        );
      } catch (error) {
        showError(formError, failureMessage(error));
        formError.focus();
      }
    });
  });

  return h(
    'div',
    {class: 'view-body'},
    h(
      'p',
      {class: 'week'},
      week > 0 ? `Week ${week} · ` : '',
      `week ending ${dayLabel(weekEnding)}`,
    ),
    planDayLine(app.data),
    // weekly (issue 13 §6): wrong calls are named first.
    wrongCallsCard(app),
    plan.problem && h('p', {class: 'problem', role: 'alert'}, plan.problem),
    plan.commitments.length > 0
      ? form
      : h('p', {class: 'muted'}, 'Nothing to grade yet.'),
    // weekly (issue 13 §5): the recommit update after the grades it is drafted from.
    recommitCard(app),
  );
}

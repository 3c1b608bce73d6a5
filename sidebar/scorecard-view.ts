/**
 * Scorecard: this week's numbers against the targets in force for the week
 * of the rebuild, read in the order of the Friday meeting, the commitments'
 * grades, and the button that takes the snapshot now.
 */
import {weekStatuses, type NumberStatus} from '../src/domain/status';
import {statusLines} from '../src/domain/week-status';
import {dualCard} from './words-view';
import type {App, Confirming, RecordStatus} from './app';
import {h, replace, showError, uid, withProgress} from './dom';
import {dayLabel, instantLabel} from './format';
import {clearMessages, notify} from './messages';
import {failureMessage, server} from './server';
import {plural} from '../src/domain/words';

type Snapshot = Exclude<
  Awaited<ReturnType<typeof server.snapshotWeek>>,
  {status: 'confirm'}
>;

/** The snapshot's outcome as one short sentence; what changed and the email's fate fold into details. */
function snapshotMessage(r: Snapshot): {text: string; details: string[]} {
  const week = `week ${r.week}`;
  const row = `Scorecard row ${r.scorecardRow}`;
  const n = r.changes.length;
  const text =
    r.status === 'unchanged'
      ? `Nothing changed since ${week} was recorded in ${row}: no row added.`
      : r.status === 'amended'
        ? `Recorded an amendment to ${week} in ${row} (${plural(n, 'change')}).`
        : `Recorded ${week} in ${row}.`;
  const failed = r.emails.some(e => e.status !== 'sent');
  const mail =
    r.emails.length === 0
      ? // Corrections are emailed once a day, by the scheduled run (issue 11 §5).
        r.status === 'amended'
        ? ' The CFO gets the corrections in the next scheduled run.'
        : ''
      : failed
        ? ' The email failed: see the details and the Delivery Log.'
        : ' The CFO was emailed.';
  return {
    text: text + mail,
    details: [
      ...r.changes,
      ...r.emails.map(
        e =>
          `Email for row ${e.scorecardRow}${e.status === 'sent' ? '' : ' failed'}: ${e.detail}`,
      ),
    ],
  };
}

/** This week's scorecard attendance: invited and attended, written to the Attendance tab. */
function attendanceForm(app: App): HTMLElement {
  const {attendance, weekEnding} = app.data;
  const field = (label: string, value: number | '') => {
    const error = h('p', {class: 'error', id: uid('att-error'), hidden: true});
    const input = h('input', {
      id: uid('att'),
      type: 'number',
      min: 0,
      step: 1,
      inputmode: 'numeric',
      'aria-describedby': error.id,
    });
    input.value = value === '' ? '' : String(value);
    return {
      input,
      error,
      root: h('div', {}, h('label', {for: input.id}, label), input, error),
    };
  };
  const invited = field('Invited', attendance.invited);
  const attended = field('Attended', attendance.attended);
  const formError = h('p', {class: 'error', role: 'alert', hidden: true});
  const button = h(
    'button',
    {type: 'submit', 'data-key': 'attendance'},
    attendance.version === '' ? 'Save attendance' : 'Update attendance',
  );
  const form = h(
    'form',
    {class: 'card', novalidate: true, 'aria-labelledby': 'attendance-title'},
    h('h2', {id: 'attendance-title'}, 'Attendance at this week’s meeting'),
    h('div', {class: 'attendance-fields'}, invited.root, attended.root),
    h('div', {class: 'actions'}, button),
    formError,
  );
  const slots: Record<string, HTMLElement> = {
    invited: invited.error,
    attended: attended.error,
  };
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    clearMessages();
    // A blank box is sent as NaN: the server refuses it by name.
    const count = (input: HTMLInputElement) =>
      input.value.trim() === '' ? NaN : Number(input.value);
    void withProgress(button, 'Saving…', async () => {
      try {
        const result = await server.recordAttendance({
          weekEnding,
          invited: count(invited.input),
          attended: count(attended.input),
          version: attendance.version,
        });
        if (!result.ok) {
          const slot = (result.field && slots[result.field]) || formError;
          showError(slot, result.message);
          return;
        }
        const saved = result.value.attendance;
        app.setAttendance(saved);
        notify(
          `Recorded attendance for the week ending ${dayLabel(weekEnding)}: ${saved.attended} of ${saved.invited} attended.`,
        );
      } catch (error) {
        showError(formError, failureMessage(error));
      }
    });
  });
  return form;
}

const STATUS_LABEL = {
  green: 'Green',
  yellow: 'Yellow',
  red: 'Red',
  none: 'No data',
};

function metricRow(n: NumberStatus): HTMLElement {
  return h(
    'li',
    {class: `metric ${n.status}`},
    h(
      'div',
      {class: 'metric-head'},
      h('span', {class: 'metric-name'}, n.metric),
      h('span', {class: `chip ${n.status}`}, STATUS_LABEL[n.status]),
    ),
    h('p', {class: 'says'}, n.says),
    h('p', {class: 'muted small'}, `Target: ${n.target}`),
  );
}

/**
 * Asks whether this week is recorded and emailed: when the view first opens,
 * and after each snapshot. The answer fills its card in place, so nothing
 * typed elsewhere in the view is lost to a re-render.
 */
export function refreshRecordStatus(app: App): void {
  const show = (status: RecordStatus) => {
    app.recordStatus = status;
    const card = document.getElementById('record-status');
    if (card) fillRecordStatus(card, app);
  };
  show({state: 'loading'});
  server.weekRecordStatus().then(
    status => show({state: 'known', status}),
    error => show({state: 'failed', message: failureMessage(error)}),
  );
}

/** This week in the record: recorded when and by whom, emailed when and to whom, or why not. */
function fillRecordStatus(card: HTMLElement, app: App): void {
  const s = app.recordStatus;
  const when = (iso: string) => instantLabel(iso, app.data.timeZone);
  replace(
    card,
    h('h2', {id: 'record-status-title'}, 'This week’s record'),
    s.state === 'known'
      ? h(
          'ul',
          {class: 'status-lines'},
          ...statusLines(s.status, when).map(line => h('li', {}, line)),
        )
      : s.state === 'failed'
        ? h('p', {class: 'problem'}, s.message)
        : h(
            'p',
            {class: 'muted loading'},
            h('span', {class: 'spinner', 'aria-hidden': 'true'}),
            'Checking the Scorecard and the Delivery Log…',
          ),
  );
}

function recordStatusCard(app: App): HTMLElement {
  const card = h('section', {
    id: 'record-status',
    class: 'card record-status',
    'aria-labelledby': 'record-status-title',
  });
  fillRecordStatus(card, app);
  return card;
}

const chip = (label: string) =>
  ['green', 'yellow', 'red'].includes(label.toLowerCase())
    ? label.toLowerCase()
    : 'none';

/** What the CFO will read, from the CFO email's own view, with what is still missing: confirm or not now. */
function confirmCard(app: App, confirming: Confirming): HTMLElement {
  const {preview, message} = confirming;
  const v = preview.view;
  const error = h('p', {class: 'error', role: 'alert', hidden: true});
  const send = h(
    'button',
    {type: 'button', class: 'primary', 'data-key': 'confirm-send'},
    'Record and email now',
  );
  const cancel = h(
    'button',
    {type: 'button', 'data-key': 'confirm-cancel'},
    'Not now',
  );
  send.addEventListener('click', () =>
    snapshot(app, send, error, {fingerprint: preview.fingerprint}),
  );
  cancel.addEventListener('click', () => {
    clearMessages();
    app.setConfirming(null);
    document.querySelector<HTMLElement>('[data-key="snapshot"]')?.focus();
  });
  const list = (items: readonly string[], cls = '') =>
    h('ul', {class: cls}, ...items.map(i => h('li', {}, i)));
  return h(
    'section',
    {class: 'card confirm', 'aria-labelledby': 'confirm-title'},
    h(
      'h2',
      {id: 'confirm-title', tabindex: -1},
      `Email week ${preview.week} to the CFO now?`,
    ),
    h('p', {class: 'small'}, message),
    preview.warnings.length > 0 &&
      h(
        'div',
        {class: 'warnings'},
        h('h3', {}, 'Still missing'),
        list(preview.warnings),
      ),
    h(
      'h3',
      {},
      `What ${preview.recipients.join(', ') || 'the CFO (CFO Email is empty)'} will read`,
    ),
    h(
      'div',
      {class: 'email-preview'},
      h('p', {class: 'subject'}, h('strong', {}, 'Subject: '), preview.subject),
      h('p', {}, v.money),
      v.offTarget.length > 0
        ? h('div', {}, h('p', {}, 'Off target this week:'), list(v.offTarget))
        : h('p', {}, 'Everything is on target this week.'),
      h(
        'ul',
        {class: 'preview-numbers'},
        ...v.numbers.map(n =>
          h(
            'li',
            {},
            h('span', {class: `chip ${chip(n.badge.label)}`}, n.badge.label),
            ` ${n.metric}: ${n.says} (target ${n.target})`,
          ),
        ),
      ),
      h('p', {}, `Commitments: ${v.counts}`),
      h(
        'ul',
        {class: 'preview-commitments'},
        ...v.commitments.map(c =>
          h(
            'li',
            {},
            h(
              'span',
              {class: `chip ${chip(c.grade)}`},
              c.grade || 'Not graded',
            ),
            ` ${c.commitment}`,
            c.reason && ` — ${c.reason}`,
          ),
        ),
      ),
    ),
    h('div', {class: 'actions'}, send, cancel),
    error,
  );
}

/**
 * Takes the snapshot. Before the week's scheduled time the server answers
 * with the preview to confirm (nothing written); confirming sends back its
 * fingerprint, and data changed since brings the new preview instead.
 */
function snapshot(
  app: App,
  button: HTMLButtonElement,
  error: HTMLElement,
  confirmation?: {fingerprint: string},
): void {
  clearMessages();
  void withProgress(button, 'Taking the snapshot…', async () => {
    try {
      const r = await server.snapshotWeek(confirmation);
      if (r.status === 'confirm') {
        app.setConfirming({preview: r.preview, message: r.message});
        document.getElementById('confirm-title')?.focus();
        return;
      }
      app.setConfirming(null);
      const {text, details} = snapshotMessage(r);
      notify(text, details);
      refreshRecordStatus(app);
    } catch (e) {
      showError(error, failureMessage(e));
    }
  });
}

export function renderScorecardView(app: App): HTMLElement {
  const record = app.record();
  const {dealsProblem} = app.data;
  // Without a readable Deals tab the gate is not computed: never "no Commit deals".
  const numbers = weekStatuses(record, app.data.scorecard.thresholds).map(n =>
    dealsProblem && n.metric === 'Qualification-gate compliance'
      ? {...n, says: 'not computed: the Deals tab cannot be read'}
      : n,
  );
  const error = h('p', {class: 'error', role: 'alert', hidden: true});
  const button = h(
    'button',
    {type: 'button', class: 'primary', 'data-key': 'snapshot'},
    'Take the snapshot now',
  );
  button.addEventListener('click', () => snapshot(app, button, error));

  return h(
    'div',
    {class: 'view-body'},
    h(
      'p',
      {class: 'week'},
      record.week > 0 ? `Week ${record.week} · ` : '',
      `week ending ${dayLabel(record.weekEnding)}`,
    ),
    h('h2', {class: 'section-title'}, 'This week’s numbers'),
    dealsProblem && h('p', {class: 'problem', role: 'alert'}, dealsProblem),
    h('ul', {class: 'metrics'}, ...numbers.map(metricRow)),
    // weekly (issue 13 §2, §7)
    dualCard(app),
    attendanceForm(app),
    h('h2', {class: 'section-title'}, 'Commitments'),
    app.data.plan.problem && h('p', {class: 'problem'}, app.data.plan.problem),
    h(
      'ul',
      {class: 'grades-list'},
      ...record.commitments.map(c =>
        h(
          'li',
          {},
          h(
            'span',
            {class: `chip ${c.grade ? c.grade.toLowerCase() : 'none'}`},
            c.grade || 'Not graded',
          ),
          h('span', {class: 'cid'}, c.id),
          ' ',
          c.commitment,
        ),
      ),
    ),
    h(
      'p',
      {class: 'muted small'},
      `${record.green} green · ${record.yellow} yellow · ${record.red} red`,
    ),
    recordStatusCard(app),
    app.confirming
      ? confirmCard(app, app.confirming)
      : h(
          'div',
          {class: 'card snapshot'},
          h(
            'p',
            {class: 'small'},
            'The snapshot records this week in the locked Scorecard tab and emails the CFO. Before the scheduled time it shows you what will go out first.',
          ),
          h('div', {class: 'actions'}, button),
          error,
        ),
  );
}

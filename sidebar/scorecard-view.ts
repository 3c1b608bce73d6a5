/**
 * Scorecard: this week's numbers against the targets in force for the week
 * of the rebuild, read in the order of the Friday meeting, the commitments'
 * grades, and the button that takes the snapshot now.
 */
import {weekStatuses, type NumberStatus} from '../src/domain/status';
import type {App} from './app';
import {h, showError, withProgress} from './dom';
import {dayLabel} from './format';
import {announce} from './grade-view';
import {failureMessage, server} from './server';

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

export function renderScorecardView(app: App): HTMLElement {
  const record = app.record();
  const numbers = weekStatuses(record, app.data.scorecard.thresholds);
  const error = h('p', {class: 'error', role: 'alert', hidden: true});
  const button = h(
    'button',
    {type: 'button', class: 'primary', 'data-key': 'snapshot'},
    'Take the snapshot now',
  );
  button.addEventListener('click', () => {
    showError(error, '');
    void withProgress(button, 'Taking the snapshot…', async () => {
      try {
        const result = await server.snapshotWeek();
        announce(result.message);
      } catch (e) {
        showError(error, failureMessage(e));
      }
    });
  });

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
    h('ul', {class: 'metrics'}, ...numbers.map(metricRow)),
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
    h(
      'div',
      {class: 'card snapshot'},
      h(
        'p',
        {class: 'small'},
        'The snapshot records this week in the locked Scorecard tab and emails the CFO.',
      ),
      h('div', {class: 'actions'}, button),
      error,
    ),
  );
}

/**
 * The CRO's words of the week in the Grade view (issue 13 §5, §6): this
 * week's wrong calls, each with room for one sentence, and from week 4 of
 * the plan the recommit update, drafted here from the latest grades and
 * edited before it goes into Friday's email. Saved with saveWords; user text
 * only ever becomes text nodes and field values.
 */
import {MAX_SENTENCE, MAX_UPDATE} from '../src/domain/sidebar/types';
import type {App} from './app';
import {counter, h, lengthProblem, showError, uid, withProgress} from './dom';
import {failureMessage, server} from './server';
import {planWeek, RECOMMIT_FROM_WEEK, recommitDraft} from './recommit';
import {weeklyView} from '../src/domain/weekly/view';
import {usDollars} from '../src/domain/money';

type Entry = {dealId: string; words: string};

/** Saves entries, then keeps the loaded record in step (the snapshot reads the same tab). */
function saver(
  app: App,
  button: HTMLButtonElement,
  error: HTMLElement,
  status: HTMLElement,
  entries: () => Entry[],
  max: number,
) {
  button.addEventListener('click', () => {
    const sent = entries();
    status.textContent = '';
    const long = sent
      .map(e => lengthProblem(e.dealId || 'The update', e.words, max))
      .find(Boolean);
    showError(error, long ?? '');
    if (long) return;
    void withProgress(button, 'Saving…', async () => {
      try {
        const result = await server.saveWords({
          weekEnding: app.data.weekEnding,
          words: sent,
        });
        if (!result.ok) return showError(error, result.message);
        const record = app.data.scorecard.record;
        for (const w of result.value.words) {
          if (!w.dealId) record.recommit = w.words;
          const call = record.wrongCalls?.find(c => c.id === w.dealId);
          if (call) call.words = w.words;
        }
        status.textContent = 'Saved for Friday’s email.';
      } catch (err) {
        showError(error, failureMessage(err));
      }
    });
  });
}

const actions = (label: string, key: string) => {
  const button = h('button', {type: 'button', 'data-key': key}, label);
  const status = h('p', {class: 'status', role: 'status'});
  const error = h('p', {class: 'error', role: 'alert', hidden: true});
  return {button, status, error};
};

export function wrongCallsCard(app: App): HTMLElement | false {
  const calls = app.data.scorecard.record.wrongCalls ?? [];
  if (calls.length === 0) return false;
  const fields = calls.map(c => {
    const id = uid('wrong');
    const input = h('input', {type: 'text', id, name: 'wrong-call'});
    input.value = c.words;
    return {
      c,
      input,
      el: h(
        'div',
        {class: 'wrong-call'},
        h(
          'label',
          {for: id},
          c.deal || c.id,
          ' ',
          h('span', {class: 'hint'}, c.why),
        ),
        input,
        counter(input, MAX_SENTENCE),
        !c.words && h('p', {class: 'muted small'}, 'not yet named'),
      ),
    };
  });
  const a = actions('Save the sentences', 'save-wrong-calls');
  saver(
    app,
    a.button,
    a.error,
    a.status,
    () => fields.map(f => ({dealId: f.c.id, words: f.input.value})),
    MAX_SENTENCE,
  );
  return h(
    'section',
    {class: 'card wrong-calls', 'aria-label': 'Wrong calls I am naming'},
    h('h3', {}, 'Wrong calls I am naming'),
    h(
      'p',
      {class: 'hint'},
      'Last week’s Commit deals that went Closed Lost or moved past the quarter end. Name each, first, in one sentence.',
    ),
    ...fields.map(f => f.el),
    h('div', {class: 'actions'}, a.button, a.status),
    a.error,
  );
}

export function recommitCard(app: App): HTMLElement | false {
  if (planWeek(app.data) < RECOMMIT_FROM_WEEK) return false;
  const id = uid('recommit');
  const text = h('textarea', {id, name: 'recommit', rows: 8});
  text.value = app.data.scorecard.record.recommit ?? '';
  const draft = h(
    'button',
    {type: 'button', 'data-key': 'draft-recommit'},
    'Draft the recommit update',
  );
  draft.addEventListener('click', () => {
    text.value = recommitDraft(app.data.plan.commitments, planWeek(app.data));
    text.dispatchEvent(new Event('input'));
    text.focus();
  });
  const a = actions('Include in Friday’s email', 'save-recommit');
  saver(
    app,
    a.button,
    a.error,
    a.status,
    () => [{dealId: '', words: text.value}],
    MAX_UPDATE,
  );
  return h(
    'section',
    {class: 'card recommit', 'aria-label': 'Recommit update'},
    h('h3', {}, 'Recommit update'),
    h(
      'p',
      {class: 'hint'},
      'Drafted from the latest grades in your own reasons and next actions; edit it, then include it (empty: left out).',
    ),
    draft,
    h('label', {for: id}, 'The update'),
    text,
    counter(text, MAX_UPDATE),
    h('div', {class: 'actions'}, a.button, a.status),
    a.error,
  );
}

/** The quarter's re-inflation warning and the two scorecards side by side (Scorecard view; issue 13 §2, §7). */
export function dualCard(app: App): HTMLElement | false {
  const record = app.record();
  const {warning, dual} = weeklyView(
    record,
    app.data.scorecard.thresholds.money ?? usDollars(),
  );
  if (!warning && !dual) return false;
  const row = (label: string, ...cells: string[]) =>
    h(
      'tr',
      {},
      h('th', {scope: 'row'}, label),
      ...cells.map(c => h('td', {}, c)),
    );
  return h(
    'section',
    {class: 'card dual', 'aria-label': 'Original and downturn-adjusted commit'},
    warning &&
      h(
        'p',
        {class: 'problem', role: 'alert'},
        `Re-inflation warning: ${warning}.`,
      ),
    dual &&
      h(
        'table',
        {class: 'dual-table'},
        h(
          'tr',
          {},
          h('th', {}, ''),
          h('th', {scope: 'col'}, 'Original'),
          h('th', {scope: 'col'}, 'Adjusted'),
          h('th', {scope: 'col'}, 'Gap'),
        ),
        row('Committed', dual.committed, dual.adjusted, dual.commitGap),
        row('Variance', dual.variance, dual.adjustedVariance, dual.varianceGap),
      ),
  );
}

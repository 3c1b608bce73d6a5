/**
 * Signals: log a slip signal on a deal (picked from the Deals tab by id or
 * name), see deals by open signals with the flagged ones on top, assign a
 * save-play and mark it executed, against the 80% operational line.
 */
import {
  dealsBySignals,
  savePlayRate,
  savePlayState,
  type DealSignals,
} from '../src/domain/sidebar/signals';
import {
  MAX_NAME,
  MAX_TEXT,
  type DealOption,
  type Refusal,
  type SavedSignals,
  type SignalView,
  type WriteResult,
} from '../src/domain/sidebar/types';
import {formatPercent} from '../src/domain/status';
import {SLIP_SIGNALS} from '../src/domain/workbook';
import type {App} from './app';
import {
  counter,
  h,
  lengthProblem,
  showError,
  uid,
  withProgress,
  type Child,
} from './dom';
import {dateCellLabel, instantLabel} from './format';
import {clearMessages, notify} from './messages';
import {failureMessage, server} from './server';
import {plural} from '../src/domain/words';

/** Errors of one form, by the server's field names; anything else goes to the form's own line. */
type ErrorSlots = Record<string, HTMLElement> & {form: HTMLElement};

function errorLine(id: string): HTMLElement {
  return h('p', {class: 'error', id, hidden: true});
}

/** A deal as confirmations name it: its name and ID (the ID alone when the name is not known). */
function dealLabel(app: App, dealId: string): string {
  const name = app.data.deals.find(d => d.id === dealId)?.name ?? '';
  return name ? `${name} (${dealId})` : dealId;
}

/** The first over-long field of a form, shown next to it; true when one was found. */
function tooLong(
  slots: ErrorSlots,
  fields: ReadonlyArray<
    [
      slot: string,
      label: string,
      field: HTMLInputElement | HTMLTextAreaElement,
      max: number,
    ]
  >,
): boolean {
  for (const [slot, label, field, max] of fields) {
    const message = lengthProblem(label, field.value, max);
    if (message !== '') {
      showError(slots[slot], message);
      field.focus();
      return true;
    }
  }
  return false;
}

/** Sends one signal write and shows its outcome in place. */
async function submit(
  app: App,
  button: HTMLButtonElement,
  slots: ErrorSlots,
  call: () => Promise<WriteResult<SavedSignals>>,
  done: string,
): Promise<void> {
  clearMessages();
  await withProgress(button, 'Saving…', async () => {
    try {
      const result = await call();
      if (!result.ok) {
        showRefusal(slots, result);
        return;
      }
      app.setSignals(result.value.signals);
      notify(done);
    } catch (error) {
      showError(slots.form, failureMessage(error));
    }
  });
}

function showRefusal(slots: ErrorSlots, refusal: Refusal): void {
  const el = (refusal.field && slots[refusal.field]) || slots.form;
  showError(el, refusal.message);
}

// ------------------------------------------------------------------ the rate

function rateMeter(app: App): HTMLElement {
  const {fired, executed, assigned, rate} = savePlayRate(app.data.signals);
  const line = app.data.scorecard.thresholds.savePlayThreshold;
  const operational = rate !== '' && rate >= line;
  const width = rate === '' ? 0 : Math.round(Math.min(rate, 1) * 100);
  return h(
    'section',
    {class: 'card rate', 'aria-labelledby': 'rate-title'},
    h('h2', {id: 'rate-title'}, 'Save-play execution this week'),
    h(
      'p',
      {class: 'rate-figure', id: 'rate-figure'},
      h('strong', {}, formatPercent(rate)),
      ` · ${executed} of ${plural(fired, 'signal')} executed`,
    ),
    h(
      'p',
      {class: 'muted small', id: 'rate-assigned'},
      `${plural(assigned, 'more save-play', 'more save-plays')} assigned, not yet executed (not in the rate).`,
    ),
    h(
      'div',
      {
        class: `bar ${rate === '' ? 'none' : operational ? 'green' : 'red'}`,
        role: 'img',
        'aria-label': `${formatPercent(rate)} executed; the line is ${formatPercent(line)}`,
      },
      h('span', {class: 'fill', style: `width:${width}%`}),
      h('span', {class: 'line', style: `left:${Math.round(line * 100)}%`}),
    ),
    h(
      'p',
      {class: 'muted small'},
      rate === ''
        ? 'No signal this week yet.'
        : operational
          ? `At or above the ${formatPercent(line)} line: the system is operational.`
          : `Below the ${formatPercent(line)} line: the system is decorative until save-plays run.`,
    ),
  );
}

// ------------------------------------------------------------- deal picker

function matches(deal: DealOption, query: string): boolean {
  const q = query.trim().toLowerCase();
  return (
    deal.id.toLowerCase().includes(q) || deal.name.toLowerCase().includes(q)
  );
}

/** A combobox over the Deals tab: type an id or a name, arrows to move, Enter to pick. */
function dealPicker(
  deals: readonly DealOption[],
  errorId: string,
): {
  root: HTMLElement;
  input: HTMLInputElement;
  value: () => string;
  reset: () => void;
} {
  const listId = uid('deals');
  const input = h('input', {
    id: uid('deal'),
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': errorId,
    placeholder: 'Search by deal ID or name',
  });
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'options',
    hidden: true,
  });
  let chosen = '';
  let options: DealOption[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) =>
      li.setAttribute('aria-selected', String(j === i)),
    );
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({block: 'nearest'});
    }
  };
  const pick = (deal: DealOption) => {
    chosen = deal.id;
    input.value = deal.name ? `${deal.name} (${deal.id})` : deal.id;
    close();
  };
  const open = () => {
    const q = input.value;
    options =
      q.trim() === '' ? [] : deals.filter(d => matches(d, q)).slice(0, 8);
    list.replaceChildren(
      ...options.map((d, i) =>
        h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            on: {
              mousedown: e => {
                e.preventDefault();
                pick(d);
              },
            },
          },
          h('span', {class: 'option-name'}, d.name || d.id),
          h(
            'span',
            {class: 'option-meta'},
            [d.id, d.owner, d.category].filter(Boolean).join(' · '),
          ),
        ),
      ),
    );
    if (q.trim() !== '' && options.length === 0) {
      list.append(
        h(
          'li',
          {class: 'empty', role: 'option', 'aria-disabled': 'true'},
          'No open deal matches.',
        ),
      );
    }
    list.hidden = q.trim() === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
    // The combobox pattern: nothing is highlighted until the first ArrowDown picks the first option.
    active = -1;
    input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', () => {
    chosen = '';
    open();
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) open();
      if (options.length === 0) return;
      e.preventDefault();
      const n = options.length;
      highlight(
        active < 0
          ? e.key === 'ArrowDown'
            ? 0
            : n - 1
          : (active + (e.key === 'ArrowDown' ? 1 : -1) + n) % n,
      );
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);

  return {
    root: h('div', {class: 'combo'}, input, list),
    input,
    // A typed exact id counts too, so a known id needs no picking.
    value: () => {
      if (chosen) return chosen;
      const typed = input.value.trim().toLowerCase();
      return (
        deals.find(d => d.id.toLowerCase() === typed)?.id ?? input.value.trim()
      );
    },
    reset: () => {
      chosen = '';
      input.value = '';
      close();
    },
  };
}

function logForm(app: App): HTMLElement {
  const dealError = errorLine(uid('deal-error'));
  const signalError = errorLine(uid('signal-error'));
  const noteError = errorLine(uid('note-error'));
  const formError = h('p', {class: 'error', role: 'alert', hidden: true});
  const picker = dealPicker(app.data.deals, dealError.id);
  const signal = h(
    'select',
    {id: uid('signal'), 'aria-describedby': signalError.id},
    h('option', {value: ''}, 'Choose a signal…'),
    ...SLIP_SIGNALS.map(s => h('option', {value: s}, s)),
  );
  const note = h('textarea', {
    id: uid('note'),
    rows: 2,
    'aria-describedby': noteError.id,
  });
  const noteCount = counter(note, MAX_TEXT);
  const button = h(
    'button',
    {type: 'submit', class: 'primary', 'data-key': 'log-signal'},
    'Log signal',
  );
  const slots: ErrorSlots = {
    dealId: dealError,
    signal: signalError,
    note: noteError,
    form: formError,
  };

  const form = h(
    'form',
    {class: 'card', novalidate: true, 'aria-labelledby': 'log-title'},
    h('h2', {id: 'log-title'}, 'Log a slip signal'),
    // No deal is offered when the Deals tab cannot be read: say why.
    app.data.deals.length === 0 &&
      app.data.dealsProblem &&
      h('p', {class: 'problem', role: 'alert'}, app.data.dealsProblem),
    h('label', {for: picker.input.id}, 'Deal'),
    picker.root,
    dealError,
    h('label', {for: signal.id}, 'Signal'),
    signal,
    signalError,
    h(
      'label',
      {for: note.id},
      'Note ',
      h('span', {class: 'hint'}, 'what you saw'),
    ),
    note,
    noteCount,
    noteError,
    h('div', {class: 'actions'}, button),
    formError,
  );
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    clearMessages();
    const dealId = picker.value();
    if (dealId === '') {
      showError(
        dealError,
        'Pick a deal: type its ID or name and choose it from the list.',
      );
      picker.input.focus();
      return;
    }
    if (signal.value === '') {
      showError(signalError, 'Choose one of the seven slip signals.');
      signal.focus();
      return;
    }
    if (tooLong(slots, [['note', 'The note', note, MAX_TEXT]])) return;
    const chosen = signal.value as (typeof SLIP_SIGNALS)[number];
    void submit(
      app,
      button,
      slots,
      () => server.logSignal({dealId, signal: chosen, note: note.value}),
      `Logged “${chosen}” on ${dealLabel(app, dealId)}.`,
    );
  });
  return form;
}

// ------------------------------------------------------------ save-plays

function assignForm(app: App, s: SignalView): HTMLElement {
  const actionError = errorLine(uid('action-error'));
  const ownerError = errorLine(uid('owner-error'));
  const formError = h('p', {class: 'error', role: 'alert', hidden: true});
  const action = h('input', {
    id: uid('action'),
    type: 'text',
    'aria-describedby': actionError.id,
  });
  const owner = h('input', {
    id: uid('owner'),
    type: 'text',
    'aria-describedby': ownerError.id,
  });
  action.value = s.savePlay;
  owner.value = s.savePlayOwner;
  const actionCount = counter(action, MAX_TEXT);
  const ownerCount = counter(owner, MAX_NAME);
  const button = h(
    'button',
    {type: 'submit', 'data-key': `assign-${s.row}`},
    s.savePlay ? 'Update save-play' : 'Assign save-play',
  );
  const slots: ErrorSlots = {
    savePlay: actionError,
    owner: ownerError,
    form: formError,
  };
  const form = h(
    'form',
    {class: 'inline-form', novalidate: true},
    h('label', {for: action.id}, 'Save-play action'),
    action,
    actionCount,
    actionError,
    h('label', {for: owner.id}, 'Owner'),
    owner,
    ownerCount,
    ownerError,
    h('div', {class: 'actions'}, button),
    formError,
  );
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    clearMessages();
    if (action.value.trim() === '') {
      showError(
        actionError,
        'Name the save-play: the action that will recover the deal.',
      );
      action.focus();
      return;
    }
    if (owner.value.trim() === '') {
      showError(ownerError, 'Name the owner: one person who will run it.');
      owner.focus();
      return;
    }
    if (
      tooLong(slots, [
        ['savePlay', 'The save-play action', action, MAX_TEXT],
        ['owner', 'The owner', owner, MAX_NAME],
      ])
    )
      return;
    void submit(
      app,
      button,
      slots,
      () =>
        server.assignSavePlay({
          row: s.row,
          version: s.version,
          savePlay: action.value,
          owner: owner.value,
        }),
      `Save-play on ${dealLabel(app, s.dealId)} assigned to ${owner.value.trim()}.`,
    );
  });
  return form;
}

function executeForm(app: App, s: SignalView): HTMLElement {
  const dateError = errorLine(uid('date-error'));
  const outcomeError = errorLine(uid('outcome-error'));
  const formError = h('p', {class: 'error', role: 'alert', hidden: true});
  const date = h('input', {
    id: uid('executed'),
    type: 'date',
    max: app.data.today,
    'aria-describedby': dateError.id,
  });
  date.value = app.data.today;
  const outcome = h('input', {
    id: uid('outcome'),
    type: 'text',
    'aria-describedby': outcomeError.id,
  });
  const outcomeCount = counter(outcome, MAX_TEXT);
  const button = h(
    'button',
    {type: 'submit', 'data-key': `execute-${s.row}`},
    'Mark executed',
  );
  const slots: ErrorSlots = {
    executedOn: dateError,
    outcome: outcomeError,
    form: formError,
  };
  const form = h(
    'form',
    {class: 'inline-form', novalidate: true},
    h('label', {for: date.id}, 'Executed on'),
    date,
    dateError,
    h(
      'label',
      {for: outcome.id},
      'Outcome ',
      h('span', {class: 'hint'}, 'e.g. close date recovered'),
    ),
    outcome,
    outcomeCount,
    outcomeError,
    h('div', {class: 'actions'}, button),
    formError,
  );
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    clearMessages();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
      showError(dateError, 'Enter the date the save-play was executed.');
      date.focus();
      return;
    }
    if (outcome.value.trim() === '') {
      showError(
        outcomeError,
        'Say what happened: the outcome of the save-play.',
      );
      outcome.focus();
      return;
    }
    if (tooLong(slots, [['outcome', 'The outcome', outcome, MAX_TEXT]])) return;
    void submit(
      app,
      button,
      slots,
      () =>
        server.executeSavePlay({
          row: s.row,
          version: s.version,
          executedOn: date.value,
          outcome: outcome.value,
        }),
      `Save-play on ${dealLabel(app, s.dealId)} marked executed.`,
    );
  });
  return form;
}

/** Whoever logged a signal may withdraw it until its save-play is executed (the server checks again). */
function withdrawForm(app: App, s: SignalView): Child {
  const state = savePlayState(s);
  const mine = s.loggedBy.toLowerCase() === app.data.user.toLowerCase();
  if (!mine || s.loggedBy === '' || (state !== 'none' && state !== 'assigned'))
    return null;
  const formError = h('p', {class: 'error', role: 'alert', hidden: true});
  const button = h(
    'button',
    {type: 'submit', 'data-key': `withdraw-${s.row}`},
    'Withdraw signal',
  );
  const form = h(
    'form',
    {class: 'inline-form', novalidate: true},
    h(
      'p',
      {class: 'muted small'},
      'Logged by mistake? It stays in Signals marked withdrawn, and no count includes it.',
    ),
    h('div', {class: 'actions'}, button),
    formError,
  );
  const slots: ErrorSlots = {withdraw: formError, form: formError};
  form.addEventListener('submit', e => {
    e.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    void submit(
      app,
      button,
      slots,
      () => server.withdrawSignal({row: s.row, version: s.version}),
      `Withdrew “${s.signal}” on ${dealLabel(app, s.dealId)}: it no longer counts.`,
    );
  });
  return h('details', {}, h('summary', {}, 'Withdraw this signal'), form);
}

function signalItem(app: App, s: SignalView): HTMLElement {
  const state = savePlayState(s);
  const tz = app.data.timeZone;
  let savePlay: Child;
  if (state === 'withdrawn') {
    savePlay = h(
      'p',
      {class: 'save-play'},
      h('span', {class: 'chip none'}, 'Withdrawn'),
      ` ${instantLabel(s.withdrawnAt, tz)}: not counted`,
    );
  } else if (state === 'executed') {
    savePlay = h(
      'div',
      {class: 'save-play done'},
      h(
        'p',
        {},
        h('span', {class: 'chip green'}, 'Executed'),
        ` ${dateCellLabel(s.executedOn, tz)}`,
      ),
      s.savePlay &&
        h(
          'p',
          {},
          h('span', {class: 'label'}, 'Save-play '),
          s.savePlay,
          s.savePlayOwner ? ` — ${s.savePlayOwner}` : '',
        ),
      s.outcome &&
        h('p', {}, h('span', {class: 'label'}, 'Outcome '), s.outcome),
    );
  } else if (state === 'assigned') {
    savePlay = h(
      'div',
      {class: 'save-play'},
      h(
        'p',
        {},
        h('span', {class: 'label'}, 'Save-play '),
        s.savePlay,
        ` — ${s.savePlayOwner || 'no owner'}`,
      ),
      h('details', {}, h('summary', {}, 'Mark executed'), executeForm(app, s)),
      h(
        'details',
        {},
        h('summary', {}, 'Change action or owner'),
        assignForm(app, s),
      ),
    );
  } else {
    savePlay = h(
      'div',
      {class: 'save-play'},
      h('p', {class: 'muted'}, 'No save-play yet.'),
      h(
        'details',
        {},
        h('summary', {}, 'Assign a save-play'),
        assignForm(app, s),
      ),
    );
  }
  return h(
    'li',
    {class: `signal ${state}`},
    h(
      'p',
      {class: 'signal-head'},
      h('strong', {}, s.signal),
      h(
        'span',
        {class: 'muted small'},
        ` · ${instantLabel(s.loggedAt, tz)} · ${s.source || 'manual'}`,
      ),
    ),
    s.note && h('p', {class: 'note'}, s.note),
    savePlay,
    withdrawForm(app, s),
  );
}

function dealCard(app: App, d: DealSignals): HTMLElement {
  const titleId = uid('deal-title');
  return h(
    'li',
    {
      class: `card deal${d.flagged ? ' flagged' : ''}`,
      'aria-labelledby': titleId,
    },
    h(
      'h3',
      {id: titleId},
      d.flagged && h('span', {class: 'badge'}, 'Flagged'),
      d.dealName || d.dealId,
      d.dealName && h('span', {class: 'muted small'}, ` ${d.dealId}`),
    ),
    h(
      'p',
      {class: 'meta'},
      [
        d.owner,
        plural(d.counted, 'signal'),
        `${d.open} open`,
        d.signals.length > d.counted &&
          `${d.signals.length - d.counted} withdrawn`,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    h('ul', {class: 'signals'}, ...d.signals.map(s => signalItem(app, s))),
  );
}

export function renderSignalsView(app: App): HTMLElement {
  const deals = dealsBySignals(app.data.signals, app.data.deals);
  return h(
    'div',
    {class: 'view-body'},
    rateMeter(app),
    logForm(app),
    h(
      'h2',
      {class: 'section-title', id: 'deals-title'},
      'Deals with signals this week',
    ),
    deals.length === 0
      ? h('p', {class: 'muted'}, 'No slip signal logged this week.')
      : h(
          'ol',
          {class: 'deals', 'aria-labelledby': 'deals-title'},
          ...deals.map(d => dealCard(app, d)),
        ),
  );
}

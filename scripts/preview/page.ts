/// <reference lib="dom" />
/**
 * The preview page: the add-on menu, the tabs as tables, the 300 px sidebar,
 * the outbox and the clock, all drawn from /api/state. Every piece of
 * workbook or mail text goes in through textContent (or a sandboxed iframe for
 * a message's HTML), never as markup.
 */
import type {Effects, Execution} from './world';
import type {
  CellView,
  MessageView,
  PreviewState,
  SheetView,
  TabSummary,
} from './view';

type Attrs = Record<string, string | boolean | undefined>;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child);
  }
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Small inline icons (no font or network needed). */
function icon(kind: 'lock' | 'hidden' | 'clip' | 'check'): SVGSVGElement {
  const paths = {
    lock: 'M5 7V5a3 3 0 0 1 6 0v2h1v7H4V7h1zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z',
    hidden:
      'M2 2l12 12-1 1-2.3-2.3A7 7 0 0 1 1 8a7.6 7.6 0 0 1 2.7-3.3L1 3l1-1zm6 2a4 4 0 0 1 3.9 5l2 2A7.7 7.7 0 0 0 15 8a7 7 0 0 0-9.6-4.7L6.8 4.7A4 4 0 0 1 8 4z',
    clip: 'M10.5 3.5v7a2.5 2.5 0 0 1-5 0V3a1.5 1.5 0 0 1 3 0v7a.5.5 0 0 1-1 0V4H6.5v6a1.5 1.5 0 0 0 3 0V3a2.5 2.5 0 0 0-5 0v7.5a3.5 3.5 0 0 0 7 0v-7h-1z',
    check: 'M6.2 11.4L2.8 8l1-1 2.4 2.4 6-6 1 1z',
  };
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('class', `icon icon-${kind}`);
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', paths[kind]);
  svg.append(path);
  return svg;
}

let state: PreviewState | undefined;
let activeTab: string | undefined;
let shownSidebar = -1;

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : {'content-type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T & {error?: string};
  if (!response.ok) throw new Error(json.error ?? `HTTP ${response.status}`);
  return json;
}

// ------------------------------------------------------------------ formatting

function formatInZone(iso: string, timeZone: string, withZone = true): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: withZone ? 'short' : undefined,
  }).format(new Date(iso));
}

/** "YYYY-MM-DDTHH:mm" of the instant in the zone, for the datetime-local input. */
function localInput(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find(p => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// ------------------------------------------------------------------ menus

function closeMenus(): void {
  for (const open of document.querySelectorAll('.menu.open'))
    open.classList.remove('open');
  for (const button of document.querySelectorAll('.menu > button'))
    button.setAttribute('aria-expanded', 'false');
}

function renderMenus(s: PreviewState): void {
  const bar = byId('menubar');
  bar.replaceChildren();
  if (s.menus.length === 0) {
    bar.append(
      el('span', {class: 'muted'}, 'No add-on menu: onOpen did not build one'),
    );
    return;
  }
  for (const menu of s.menus) {
    const [top, ...rest] = menu.title.split(' › ');
    const list = el('div', {
      class: 'menu-list',
      role: 'menu',
      'aria-label': menu.title,
    });
    if (rest.length)
      list.append(el('div', {class: 'menu-heading'}, rest.join(' › ')));
    for (const item of menu.items) {
      if (item === 'separator') {
        list.append(el('div', {class: 'menu-separator', role: 'separator'}));
        continue;
      }
      const entry = el(
        'button',
        {type: 'button', role: 'menuitem', 'data-handler': item.handler},
        item.label,
      );
      entry.addEventListener('click', () => {
        closeMenus();
        void runMenuItem(item.label, item.handler);
      });
      list.append(entry);
    }
    const button = el(
      'button',
      {type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false'},
      top,
    );
    const wrapper = el('div', {class: 'menu'}, button, list);
    button.addEventListener('click', event => {
      event.stopPropagation();
      const open = !wrapper.classList.contains('open');
      closeMenus();
      wrapper.classList.toggle('open', open);
      button.setAttribute('aria-expanded', String(open));
    });
    bar.append(wrapper);
  }
}

const BUTTON_LABELS: Record<string, string> = {
  OK: 'OK',
  CANCEL: 'Cancel',
  YES: 'Yes',
  NO: 'No',
};

/**
 * Ui.alert with a choice (YES_NO, OK_CANCEL, …) as Sheets shows it: the
 * person's button, or CLOSE when they press Escape (the title bar's close).
 */
function questionBox(question: {
  text: string;
  buttons: string;
}): Promise<string> {
  return new Promise(done => {
    const dialog = byId<HTMLDialogElement>('question-dialog');
    byId('question-text').textContent = question.text;
    const form = byId('question-buttons');
    form.replaceChildren(
      ...question.buttons.split('_').map((b, i) => {
        const button = el(
          'button',
          {value: b, class: i === 0 ? 'primary' : undefined},
          BUTTON_LABELS[b] ?? b,
        );
        return button;
      }),
    );
    dialog.returnValue = '';
    dialog.addEventListener(
      'close',
      () => done(dialog.returnValue || 'CLOSE'),
      {
        once: true,
      },
    );
    dialog.showModal();
  });
}

async function runMenuItem(label: string, handler: string): Promise<void> {
  const running = toast(`Running “${label}”…`, 'info');
  try {
    // The item's questions first, each answered here; then it runs with the answers.
    const replies: Array<{button: string}> = [];
    let result: {
      ok: boolean;
      error?: {message: string};
      effects: Effects;
      question?: {text: string; buttons: string};
    };
    for (;;) {
      result = await api('/api/run', {
        name: handler,
        args: [],
        via: 'menu',
        replies,
      });
      if (!result.question) break;
      running.remove();
      replies.push({button: await questionBox(result.question)});
    }
    running.remove();
    if (!result.ok && result.error) toast(result.error.message, 'error');
    // The workbook first, then any alert over it, as Sheets shows them.
    await refresh();
    await showEffects(result.effects);
  } catch (e) {
    running.remove();
    toast((e as Error).message, 'error');
  }
}

/** One line above the grid that says where the add-on is. */
function renderHint(s: PreviewState): void {
  const menu = s.menus[0]?.title ?? 'Extensions › Trust Rebuild';
  const empty = s.tabs.every(t => t.rows === 0);
  byId('hint').textContent = empty
    ? `Start with ${menu} › Set up workbook: it adds the tabs the add-on works on.`
    : `The add-on is under ${menu}: set up, the CRO's sidebar, the weekly snapshot. Double-click a cell to type; custom formulas compute here.`;
}

// ------------------------------------------------------------------ who and where

function renderPeople(s: PreviewState): void {
  byId('owner').textContent = s.document.owner;
  byId('script-zone').textContent = s.document.scriptTimeZone;
  const user = byId<HTMLInputElement>('user-input');
  if (document.activeElement !== user) user.value = s.document.user;
  byId('people').replaceChildren(
    ...s.document.people.map(p => el('option', {value: p})),
  );
  const zone = byId<HTMLInputElement>('zone-input');
  if (document.activeElement !== zone) zone.value = s.document.timeZone;
}

async function postAndRefresh(path: string, body: unknown, done: string) {
  try {
    await api(path, body);
    toast(done, 'info');
  } catch (e) {
    toast((e as Error).message, 'error');
  }
  await refresh();
}

// ------------------------------------------------------------------ tabs and grid

function renderTabs(s: PreviewState): void {
  const tabs = byId('tabs');
  tabs.replaceChildren();
  // Open on the workbook: the first visible tab that holds something, not a blank Sheet1.
  if (!activeTab || !s.tabs.some(t => t.name === activeTab))
    activeTab = (
      s.tabs.find(t => !t.hidden && t.rows > 0) ??
      s.tabs.find(t => !t.hidden) ??
      s.tabs[0]
    )?.name;
  for (const tab of s.tabs) {
    const button = el(
      'button',
      {
        type: 'button',
        role: 'tab',
        class: `tab${tab.hidden ? ' hidden-tab' : ''}${tab.protected ? ' protected-tab' : ''}`,
        'aria-selected': String(tab.name === activeTab),
        'data-tab': tab.name,
        title: tabTitle(tab),
      },
      tab.protected ? icon('lock') : null,
      tab.hidden ? icon('hidden') : null,
      el('span', {}, tab.name),
    );
    button.addEventListener('click', () => {
      activeTab = tab.name;
      renderTabs(s);
      void loadSheet();
    });
    tabs.append(button);
  }
}

function tabTitle(tab: TabSummary): string {
  const notes = [];
  if (tab.protected) notes.push('protected');
  if (tab.hidden) notes.push('hidden');
  return notes.length ? `${tab.name} (${notes.join(', ')})` : tab.name;
}

function cell(
  c: CellView | undefined,
  header: boolean,
  row: number,
  column: number,
): HTMLTableCellElement {
  const td = el('td', {
    class: c
      ? `k-${c.kind}${header ? ' header' : ''}`
      : header
        ? 'header'
        : undefined,
    'data-row': String(row),
    'data-col': String(column),
    'data-formula': c?.formula,
    'data-spilled': c?.spilled,
  });
  if (!c) return td;
  if (c.kind === 'checkbox') {
    const box = el('span', {
      class: `checkbox${c.checked ? ' checked' : ''}`,
      role: 'img',
      'aria-label': c.checked ? 'checked' : 'unchecked',
    });
    if (c.checked) box.append(icon('check'));
    td.append(box);
    return td;
  }
  td.textContent = c.text;
  if (c.note) td.title = c.note;
  else if (c.formula) td.title = c.formula;
  else if (c.text.length > 24) td.title = c.text;
  return td;
}

function renderSheet(view: SheetView): void {
  const banner = byId('sheet-banner');
  if (view.protected && view.protection) {
    const who = view.protection.warningOnly
      ? 'Anyone can edit after a warning.'
      : `Only ${view.protection.editors.join(', ') || 'the owner'} can edit.`;
    banner.replaceChildren(
      icon('lock'),
      el('strong', {}, 'Protected tab. '),
      `${view.protection.description ? `${view.protection.description}. ` : ''}${who}`,
    );
    banner.hidden = false;
  } else if (view.hidden) {
    banner.replaceChildren(
      icon('hidden'),
      el('strong', {}, 'Hidden tab. '),
      'People using the workbook do not see it in the tab bar.',
    );
    banner.hidden = false;
  } else {
    banner.hidden = true;
  }
  const minRows = 30;
  const minCols = 26;
  const columns = Math.max(view.letters.length, minCols);
  const letters = Array.from(
    {length: columns},
    (_, i) => view.letters[i] ?? letterOf(i + 1),
  );
  const head = el(
    'tr',
    {},
    el('th', {class: 'corner'}),
    ...letters.map(l => el('th', {scope: 'col'}, l)),
  );
  const body = el('tbody');
  const rows = Math.max(view.shownRows, minRows);
  for (let r = 0; r < rows; r++) {
    const line = view.cells[r];
    const frozen = r < view.frozenRows;
    const tr = el(
      'tr',
      {class: frozen ? 'frozen' : undefined},
      el('th', {scope: 'row'}, String(r + 1)),
    );
    for (let c = 0; c < columns; c++)
      tr.append(cell(line?.[c], frozen, r + 1, c + 1));
    body.append(tr);
  }
  const table = el(
    'table',
    {class: 'grid', 'aria-label': `${view.name} tab`, 'data-tab': view.name},
    el('thead', {}, head),
    body,
  );
  const grid = byId('grid');
  grid.replaceChildren(table);
  if (view.rows > view.shownRows)
    grid.append(
      el(
        'p',
        {class: 'more-rows'},
        `Showing the first ${view.shownRows} of ${view.rows} rows.`,
      ),
    );
}

function letterOf(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Writes what the person typed (or a ticked box) to the cell, then redraws. */
async function writeCell(
  row: number,
  column: number,
  value: string | boolean,
): Promise<void> {
  if (!activeTab) return;
  try {
    await api('/api/cell', {tab: activeTab, row, column, value});
  } catch (e) {
    toast((e as Error).message, 'error');
  }
  await refresh();
}

function cellAt(target: EventTarget | null): HTMLTableCellElement | null {
  const td = (target as Element | null)?.closest?.('td[data-row]');
  return (td as HTMLTableCellElement | null) ?? null;
}

/** Double-click edits a cell in place: Enter (or leaving it) saves, Escape cancels. */
function editCell(td: HTMLTableCellElement): void {
  if (td.querySelector('input')) return;
  // A formula cell is edited as its formula, as in Sheets' formula bar.
  const before = td.classList.contains('k-checkbox')
    ? ''
    : (td.dataset.formula ?? td.textContent ?? '');
  const input = el('input', {
    type: 'text',
    class: 'cell-input',
    'aria-label': 'Cell value',
  });
  input.value = before;
  td.replaceChildren(input);
  input.focus();
  let done = false;
  const finish = (save: boolean) => {
    if (done) return;
    done = true;
    if (save && input.value !== before)
      void writeCell(
        Number(td.dataset.row),
        Number(td.dataset.col),
        input.value,
      );
    else void loadSheet();
  };
  input.addEventListener('keydown', event => {
    if (event.key === 'Enter') finish(true);
    if (event.key === 'Escape') finish(false);
  });
  input.addEventListener('blur', () => finish(true));
}

async function loadSheet(): Promise<void> {
  if (!activeTab) return;
  try {
    renderSheet(
      await api<SheetView>(`/api/sheet?name=${encodeURIComponent(activeTab)}`),
    );
  } catch (e) {
    toast((e as Error).message, 'error');
  }
}

// ------------------------------------------------------------------ sidebar and dialogs

function openSidebar(index: number, title: string): void {
  const frame = byId<HTMLIFrameElement>('sidebar-frame');
  shownSidebar = index;
  byId('sidebar-title').textContent = title;
  frame.src = `/sidebar/${index}`;
  byId('sidebar').hidden = false;
}

function closeSidebar(): void {
  byId('sidebar').hidden = true;
  byId<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
  shownSidebar = -1;
}

async function showEffects(effects: Effects | undefined): Promise<void> {
  if (!effects) return;
  for (const t of effects.toasts) toast(t, 'info');
  if (effects.sidebar !== undefined) {
    const s = await api<PreviewState>('/api/state');
    openSidebar(effects.sidebar, s.sidebar?.title ?? 'Sidebar');
  }
  if (effects.dialog !== undefined) {
    const s = await api<PreviewState>('/api/state');
    // The title Ui.showModalDialog gave it, as Sheets shows it above the dialog.
    byId('html-dialog-title').textContent = s.dialog?.title ?? '';
    const dialog = byId<HTMLDialogElement>('html-dialog');
    byId<HTMLIFrameElement>('html-dialog-frame').src =
      `/dialog/${effects.dialog}`;
    if (!dialog.open) dialog.showModal();
  }
  if (effects.mails > 0)
    toast(
      `${effects.mails} message${effects.mails > 1 ? 's' : ''} sent: see the outbox`,
      'info',
    );
  for (const text of effects.alerts) await alertBox(text);
}

const alertQueue: Array<() => void> = [];
/** Ui.alert as Sheets shows it: a modal box with OK, one at a time. */
function alertBox(text: string): Promise<void> {
  return new Promise(done => {
    const show = () => {
      const dialog = byId<HTMLDialogElement>('alert-dialog');
      byId('alert-text').textContent = text;
      dialog.addEventListener(
        'close',
        () => {
          done();
          alertQueue.shift();
          alertQueue[0]?.();
        },
        {once: true},
      );
      dialog.showModal();
    };
    alertQueue.push(show);
    if (alertQueue.length === 1) show();
  });
}

window.addEventListener('message', event => {
  const data = event.data as {
    source?: string;
    type?: string;
    effects?: Effects;
    height?: number;
  };
  if (event.origin !== location.origin || data?.source !== 'gas-preview')
    return;
  if (data.type === 'close') {
    const dialog = byId<HTMLDialogElement>('html-dialog');
    if (
      dialog.open &&
      event.source ===
        byId<HTMLIFrameElement>('html-dialog-frame').contentWindow
    )
      dialog.close();
    else closeSidebar();
  } else if (data.type === 'called') {
    void refresh().then(() => showEffects(data.effects));
  }
});

// ------------------------------------------------------------------ clock and triggers

function renderClock(s: PreviewState): void {
  const {now, scriptTimeZone, spreadsheetTimeZone} = s.clock;
  byId('clock-now').textContent = formatInZone(now, spreadsheetTimeZone);
  byId('clock-zones').textContent =
    scriptTimeZone === spreadsheetTimeZone
      ? `Spreadsheet and script time zone: ${spreadsheetTimeZone}`
      : `Spreadsheet time zone ${spreadsheetTimeZone}; the script's zone (${scriptTimeZone}) reads ${formatInZone(now, scriptTimeZone)}`;
  byId('clock-zone-label').textContent = `(${spreadsheetTimeZone})`;
  const input = byId<HTMLInputElement>('clock-input');
  if (document.activeElement !== input && !input.dataset.touched)
    input.value = localInput(now, spreadsheetTimeZone);
  const list = byId('triggers');
  list.replaceChildren(
    ...(s.triggers.length
      ? s.triggers.map(t =>
          el(
            'li',
            {},
            el('code', {}, t.handler),
            ' ',
            el('span', {}, t.description),
            el(
              'div',
              {class: 'muted small'},
              t.nextRun
                ? `Next run ${formatInZone(t.nextRun, t.timeZone)} · as ${t.owner}`
                : `Will not run again · as ${t.owner}`,
            ),
          ),
        )
      : [el('li', {class: 'muted'}, 'None installed.')]),
  );
}

async function setClock(fire: boolean): Promise<void> {
  const input = byId<HTMLInputElement>('clock-input');
  delete input.dataset.touched;
  try {
    const result = await api<{fired: Execution[]; effects: Effects}>(
      '/api/clock',
      {local: input.value, fire},
    );
    if (fire)
      toast(
        result.fired.length
          ? `Fired ${result.fired.map(f => `${f.name}${f.ok ? '' : ' (failed)'}`).join(', ')}`
          : 'No trigger was due.',
        result.fired.some(f => !f.ok) ? 'error' : 'info',
      );
    await refresh();
    await showEffects(result.effects);
  } catch (e) {
    toast((e as Error).message, 'error');
    await refresh();
  }
}

function nextFridayEvening(s: PreviewState): string {
  const local = localInput(s.clock.now, s.clock.spreadsheetTimeZone);
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  const ahead = (5 - day.getUTCDay() + 7) % 7;
  const afterFive = local.slice(11) >= '17:00';
  day.setUTCDate(day.getUTCDate() + (ahead === 0 && afterFive ? 7 : ahead));
  return `${day.toISOString().slice(0, 10)}T17:00`;
}

// ------------------------------------------------------------------ outbox

function renderOutbox(s: PreviewState): void {
  byId('outbox-count').textContent = String(s.outbox.length);
  const list = byId('outbox');
  if (s.outbox.length === 0) {
    list.replaceChildren(el('li', {class: 'muted'}, 'No mail sent yet.'));
    return;
  }
  list.replaceChildren(
    ...[...s.outbox].reverse().map(m => {
      const open = el(
        'button',
        {type: 'button', class: 'message', 'data-message': String(m.index)},
        el('span', {class: 'subject'}, m.subject || '(no subject)'),
        el(
          'span',
          {class: 'muted'},
          `To ${m.to}${m.sentAt ? ` · ${formatInZone(m.sentAt, s.clock.spreadsheetTimeZone, false)}` : ''}`,
        ),
        m.attachments.length
          ? el(
              'span',
              {class: 'clip'},
              icon('clip'),
              String(m.attachments.length),
            )
          : null,
      );
      open.addEventListener('click', () => showMessage(m, s));
      return el('li', {}, open);
    }),
  );
}

/** The message as its recipient would see it: headers, the HTML (or text) body, the attachments. */
function showMessage(m: MessageView, s: PreviewState): void {
  byId('mail-subject').textContent = m.subject || '(no subject)';
  const meta = byId('mail-meta');
  const rows: Array<[string, string]> = [
    ['From', m.from],
    ['To', m.to],
    ['Cc', m.cc],
    ['Bcc', m.bcc],
    ['Reply-To', m.replyTo],
    [
      'Date',
      m.sentAt ? formatInZone(m.sentAt, s.clock.spreadsheetTimeZone) : '',
    ],
  ];
  meta.replaceChildren(
    ...rows
      .filter(([, v]) => v)
      .flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]),
  );
  const body = byId<HTMLIFrameElement>('mail-body');
  // A mail client shows HTML without running scripts: the frame's sandbox has no allow-scripts.
  body.srcdoc = m.html
    ? m.html
    : `<!doctype html><meta charset="utf-8"><pre style="font:14px/1.5 system-ui,sans-serif;white-space:pre-wrap;margin:16px">${escapeHtml(m.text)}</pre>`;
  const attachments = byId('mail-attachments');
  attachments.replaceChildren(
    ...m.attachments.map(a =>
      el(
        'li',
        {},
        el(
          'a',
          {
            href: `/api/outbox/${m.index}/attachments/${a.index}`,
            download: a.name,
          },
          icon('clip'),
          el('span', {}, a.name),
          el(
            'span',
            {class: 'muted'},
            ` ${a.contentType} · ${sizeText(a.size)}`,
          ),
        ),
      ),
    ),
  );
  byId<HTMLDialogElement>('mail-dialog').showModal();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`);
}

// ------------------------------------------------------------------ activity

function renderActivity(s: PreviewState): void {
  const list = byId('executions');
  list.replaceChildren(
    ...(s.executions.length
      ? [...s.executions]
          .reverse()
          .map(x =>
            el(
              'li',
              {class: x.ok ? 'ok' : 'failed', title: x.error ?? ''},
              el(
                'span',
                {class: 'when'},
                formatInZone(x.at, s.clock.spreadsheetTimeZone, false),
              ),
              el('span', {class: `via via-${x.via}`}, x.via),
              el('code', {}, x.name),
              x.ok
                ? null
                : el('span', {class: 'error-text'}, x.error ?? 'failed'),
            ),
          )
      : [el('li', {class: 'muted'}, 'Nothing has run yet.')]),
  );
  byId('logs').textContent = s.logs.length
    ? s.logs.join('\n')
    : 'No log lines.';
}

// ------------------------------------------------------------------ toasts

function toast(text: string, kind: 'info' | 'error'): HTMLElement {
  const box = el(
    'div',
    {class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status'},
    text,
  );
  box.title = 'Click to dismiss';
  box.addEventListener('click', () => box.remove());
  byId('toasts').append(box);
  setTimeout(() => box.remove(), kind === 'error' ? 9000 : 4000);
  return box;
}

// ------------------------------------------------------------------ refresh

async function refresh(): Promise<void> {
  try {
    state = await api<PreviewState>('/api/state');
  } catch (e) {
    toast(
      `The preview server did not answer: ${(e as Error).message}`,
      'error',
    );
    return;
  }
  const s = state;
  byId('doc-name').textContent = s.document.name;
  byId('user').textContent = `Acting as ${s.document.user}`;
  document.title = `${s.document.name} · Trust Rebuild preview`;
  renderMenus(s);
  renderHint(s);
  renderPeople(s);
  renderTabs(s);
  renderClock(s);
  renderOutbox(s);
  renderActivity(s);
  if (shownSidebar >= 0 && !s.sidebar) closeSidebar();
  await loadSheet();
  document.body.dataset.ready = 'true';
}

document.addEventListener('click', closeMenus);
byId('grid').addEventListener('dblclick', event => {
  const td = cellAt(event.target);
  if (td && !td.classList.contains('k-checkbox')) editCell(td);
});
// A checkbox cell toggles on one click, as in Sheets.
byId('grid').addEventListener('click', event => {
  const td = cellAt(event.target);
  if (!td || !td.classList.contains('k-checkbox')) return;
  const checked = td.querySelector('.checkbox.checked') !== null;
  void writeCell(Number(td.dataset.row), Number(td.dataset.col), !checked);
});
document.addEventListener('keydown', event => {
  if (event.key === 'Escape') closeMenus();
});
byId('sidebar-close').addEventListener('click', closeSidebar);
byId('clock-input').addEventListener('input', () => {
  byId('clock-input').dataset.touched = 'true';
});
byId('clock-form').addEventListener('submit', event => {
  event.preventDefault();
  void setClock(true);
});
byId('user-form').addEventListener('submit', event => {
  event.preventDefault();
  const email = byId<HTMLInputElement>('user-input').value;
  void postAndRefresh('/api/user', {email}, `Acting as ${email}`);
});
byId('zone-form').addEventListener('submit', event => {
  event.preventDefault();
  const timeZone = byId<HTMLInputElement>('zone-input').value;
  void postAndRefresh(
    '/api/zone',
    {timeZone},
    `The spreadsheet's time zone is ${timeZone}`,
  );
});
byId('clock-set').addEventListener('click', () => void setClock(false));
byId('clock-friday').addEventListener('click', () => {
  if (!state) return;
  const input = byId<HTMLInputElement>('clock-input');
  input.value = nextFridayEvening(state);
  input.dataset.touched = 'true';
});

void refresh();

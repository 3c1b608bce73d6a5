/**
 * The CRO's sidebar: loads everything in one server call, then shows the
 * Grade, Signals and Scorecard views as keyboard-operable tabs.
 */
import {App, type ViewName} from './app';
import {h, replace} from './dom';
import {renderGradeView} from './grade-view';
import {clearMessages, wireDismiss} from './messages';
import {refreshRecordStatus, renderScorecardView} from './scorecard-view';
import {failureMessage, server} from './server';
import {renderSignalsView} from './signals-view';

const VIEWS: ReadonlyArray<{
  name: ViewName;
  label: string;
  render: (app: App) => HTMLElement;
}> = [
  {name: 'grade', label: 'Grade', render: renderGradeView},
  {name: 'signals', label: 'Signals', render: renderSignalsView},
  {name: 'scorecard', label: 'Scorecard', render: renderScorecardView},
];

const main = document.getElementById('main') as HTMLElement;
const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
let app: App | undefined;
let current: ViewName = 'grade';

function panel(name: ViewName): HTMLElement {
  return document.getElementById(`panel-${name}`) as HTMLElement;
}

/** Re-renders one view, keeping keyboard focus on the same control when it still exists. */
function render(name: ViewName): void {
  if (!app) return;
  const view = VIEWS.find(v => v.name === name)!;
  const target = panel(name);
  const focused = document.activeElement;
  const key =
    focused instanceof HTMLElement && target.contains(focused)
      ? focused.dataset.key
      : undefined;
  replace(target, view.render(app));
  if (key) {
    // The control may be gone (a save-play form once executed): keep focus in the view.
    const again = target.querySelector<HTMLElement>(`[data-key="${key}"]`);
    (again ?? target).focus();
  }
}

function select(name: ViewName, focus = false): void {
  current = name;
  // The last message belongs to the view it was made in.
  clearMessages();
  for (const tab of tabs) {
    const on = tab.dataset.view === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
  }
  for (const v of VIEWS) panel(v.name).hidden = v.name !== name;
  askRecordStatus();
}

/** The Scorecard view asks whether this week is recorded and emailed the first time it is shown. */
function askRecordStatus(): void {
  if (app && current === 'scorecard' && app.recordStatus.state === 'unasked')
    refreshRecordStatus(app);
}

// Tabs: click or arrows/Home/End, as the ARIA tabs pattern has it.
for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab.dataset.view as ViewName));
  tab.addEventListener('keydown', e => {
    const i = tabs.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    select(tabs[next].dataset.view as ViewName, true);
  });
}

async function load(): Promise<void> {
  main.setAttribute('aria-busy', 'true');
  for (const v of VIEWS)
    replace(
      panel(v.name),
      h(
        'p',
        {class: 'muted loading'},
        h('span', {class: 'spinner', 'aria-hidden': 'true'}),
        'Loading…',
      ),
    );
  try {
    const data = await server.loadSidebar();
    app = new App(data);
    // Every view shows numbers that a save in another view changes.
    app.onChange(() => {
      for (const v of VIEWS) render(v.name);
    });
    for (const v of VIEWS) render(v.name);
    askRecordStatus();
    const who = document.getElementById('who');
    if (who) who.textContent = data.user;
  } catch (error) {
    const retry = h(
      'button',
      {type: 'button', 'data-key': 'retry'},
      'Try again',
    );
    retry.addEventListener('click', () => void load());
    replace(
      panel(current),
      h(
        'div',
        {class: 'card'},
        h('p', {class: 'error', role: 'alert'}, failureMessage(error)),
        retry,
      ),
    );
  } finally {
    main.removeAttribute('aria-busy');
  }
}

wireDismiss();
select('grade');
void load();

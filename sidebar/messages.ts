/**
 * The sidebar's one message banner, under the tabs: a short sentence, any
 * details folded away, a Dismiss button, and never more than a quarter of
 * the panel (sidebar.css). A new message replaces the old one: showing one
 * (or starting a new action) clears the banner and every error still shown.
 * The live region stays in the page, empty, so screen readers announce what
 * is put in it; the Dismiss button sits outside it, so it is not read out.
 */
import {h, replace, showError} from './dom';

const byId = (id: string) => document.getElementById(id);

/** Hides the banner and every field or form error on the page. */
export function clearMessages(): void {
  byId('message')?.replaceChildren();
  byId('message-bar')?.classList.remove('shown');
  const dismiss = byId('dismiss');
  if (dismiss) dismiss.hidden = true;
  for (const el of document.querySelectorAll<HTMLElement>('.error')) {
    showError(el, '');
  }
}

/** Shows one message in the banner (a sentence; details fold into a disclosure). */
export function notify(text: string, details: readonly string[] = []): void {
  clearMessages();
  const region = byId('message');
  if (!region) return;
  replace(
    region,
    h('p', {id: 'announcer', class: 'message-text'}, text),
    details.length > 0 &&
      h(
        'details',
        {class: 'message-details'},
        h('summary', {}, 'Details'),
        h('ul', {}, ...details.map(d => h('li', {}, d))),
      ),
  );
  byId('message-bar')?.classList.add('shown');
  const dismiss = byId('dismiss');
  if (dismiss) dismiss.hidden = false;
}

/** Wires the Dismiss button once: it clears the message and returns focus to the view. */
export function wireDismiss(): void {
  byId('dismiss')?.addEventListener('click', () => {
    clearMessages();
    document
      .querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')
      ?.focus();
  });
}

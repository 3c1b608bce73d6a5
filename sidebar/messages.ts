/**
 * The sidebar's one message banner, under the tabs: a short sentence, any
 * details folded away, a Dismiss button, and never more than a quarter of
 * the panel (sidebar.css). A new message replaces the old one: showing one
 * (or starting a new action) clears the banner and every error still shown.
 */
import {h, replace, showError} from './dom';

function region(): HTMLElement | null {
  return document.getElementById('message');
}

/** Hides the banner and every field or form error on the page. */
export function clearMessages(): void {
  const banner = region();
  banner?.replaceChildren();
  for (const el of document.querySelectorAll<HTMLElement>('.error')) {
    showError(el, '');
  }
}

/** Shows one message in the banner (a sentence; details fold into a disclosure). */
export function notify(text: string, details: readonly string[] = []): void {
  clearMessages();
  const banner = region();
  if (!banner) return;
  const dismiss = h(
    'button',
    {type: 'button', class: 'dismiss', 'aria-label': 'Dismiss message'},
    '×',
  );
  dismiss.addEventListener('click', () => {
    clearMessages();
    document
      .querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])')
      ?.focus();
  });
  replace(
    banner,
    h(
      'div',
      {class: 'message-body'},
      h('p', {id: 'announcer', class: 'message-text'}, text),
      details.length > 0 &&
        h(
          'details',
          {class: 'message-details'},
          h('summary', {}, 'Details'),
          h('ul', {}, ...details.map(d => h('li', {}, d))),
        ),
    ),
    dismiss,
  );
}

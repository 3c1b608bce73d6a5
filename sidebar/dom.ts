/**
 * Building the sidebar's DOM. User text only ever becomes a text node (never
 * markup), so a commitment such as `<img src=x onerror=…>` shows as the text
 * it is.
 */

export type Child = Node | string | number | null | undefined | false;

type Handlers = Partial<{
  [K in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[K]) => void;
}>;
type AttrValue = string | number | boolean | null | undefined;

interface Attrs {
  on?: Handlers;
  [name: string]: AttrValue | Handlers;
}

/** An element with attributes (false/null/undefined leave one out) and children (strings as text). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'on' || typeof value === 'object') continue;
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(attrs.on ?? {})) {
    el.addEventListener(type, listener as EventListener);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let ids = 0;
/** A fresh id for label/aria wiring (commitment ids may hold any character). */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * Runs one server call from a button: shows progress on the button, refuses a
 * second press until it settles (the button stays focusable for keyboard
 * users, so aria-disabled rather than disabled), then restores it.
 */
export async function withProgress<T>(
  button: HTMLButtonElement,
  busyLabel: string,
  run: () => Promise<T>,
): Promise<T | undefined> {
  if (button.getAttribute('aria-busy') === 'true') return undefined;
  const label = button.textContent ?? '';
  button.setAttribute('aria-busy', 'true');
  button.setAttribute('aria-disabled', 'true');
  button.classList.add('busy');
  button.replaceChildren(
    h('span', {class: 'spinner', 'aria-hidden': 'true'}),
    busyLabel,
  );
  try {
    return await run();
  } finally {
    button.removeAttribute('aria-busy');
    button.removeAttribute('aria-disabled');
    button.classList.remove('busy');
    button.textContent = label;
  }
}

/** Shows (or clears) an error in the element reserved next to its field. */
export function showError(el: HTMLElement | undefined, message: string): void {
  if (!el) return;
  el.textContent = message;
  el.hidden = message === '';
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A character counter under a text field ("12 / 2,000"). The field has no
 * maxlength: a browser would cut pasted text silently, so the text is kept
 * whole, the counter turns red past the limit, and the save is refused with
 * a message (lengthProblem) instead.
 */
export function counter(
  field: HTMLInputElement | HTMLTextAreaElement,
  max: number,
): HTMLElement {
  const el = h('span', {class: 'counter', id: uid('count')});
  const update = () => {
    const n = field.value.length;
    el.textContent = `${count(n)} / ${count(max)}`;
    el.classList.toggle('over', n > max);
  };
  field.addEventListener('input', update);
  update();
  const described = field.getAttribute('aria-describedby');
  field.setAttribute(
    'aria-describedby',
    described ? `${described} ${el.id}` : el.id,
  );
  return el;
}

/** Why a field's text is too long to save ('' when it fits). */
export function lengthProblem(
  label: string,
  text: string,
  max: number,
): string {
  const over = text.length - max;
  return over > 0
    ? `${label} is ${count(text.length)} characters; the limit is ${count(max)}. Shorten it by ${count(over)}.`
    : '';
}

/**
 * SpreadsheetApp.getUi(): menus are recorded so tests and the preview can
 * read them; alerts are recorded and answered; no Ui exists outside a user
 * context (a time-driven trigger), where Apps Script throws.
 */
import type {EmulatorContext} from './context';
import {expose} from './instrument';

export interface MenuRecord {
  title: string;
  items: Array<{label: string; handler: string} | 'separator'>;
}

/** How the person answers the next alert or prompt (tests queue these). */
export interface UiReply {
  button: keyof typeof Button;
  text?: string;
}

export interface UiState {
  menus: MenuRecord[];
  alerts: string[];
  prompts: string[];
  sidebars: Array<{title: string; html: string}>;
  dialogs: Array<{title: string; html: string}>;
  /** Answers for the next alerts and prompts, oldest first; without one the person says OK (or YES). */
  replies: UiReply[];
  /** Alerts that offered a choice (YES_NO, OK_CANCEL, …), as recorded in `alerts`, with their button set: the preview asks the person these. */
  questions?: Array<{text: string; buttons: string}>;
}

export function emptyUiState(): UiState {
  return {
    menus: [],
    alerts: [],
    prompts: [],
    sidebars: [],
    dialogs: [],
    replies: [],
  };
}

export class FakeMenu {
  private readonly record: MenuRecord;

  constructor(
    private readonly ui: UiState,
    title: string,
  ) {
    this.record = {title, items: []};
  }

  addItem(caption: string, functionName: string) {
    this.record.items.push({label: caption, handler: functionName});
    return this;
  }

  addSeparator() {
    this.record.items.push('separator');
    return this;
  }

  addToUi(): void {
    const existing = this.ui.menus.findIndex(
      m => m.title === this.record.title,
    );
    if (existing >= 0) this.ui.menus.splice(existing, 1, this.record);
    else this.ui.menus.push(this.record);
  }
}

export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;
export const Button = {
  OK: 'OK',
  CANCEL: 'CANCEL',
  YES: 'YES',
  NO: 'NO',
  CLOSE: 'CLOSE',
} as const;

export class FakeUi {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly state: UiState,
  ) {}

  readonly ButtonSet = ButtonSet;
  readonly Button = Button;

  /** The add-on's menu is titled by the add-on's name; here "Trust Rebuild". */
  createAddonMenu() {
    return expose(
      new FakeMenu(this.state, 'Extensions › Trust Rebuild'),
      'Menu',
      this.ctx,
    );
  }

  createMenu(caption: string) {
    return expose(new FakeMenu(this.state, caption), 'Menu', this.ctx);
  }

  /** Records the message; answers with the next queued reply, else OK (or YES) as the person would to go on. */
  alert(
    titleOrPrompt: string,
    prompt?: string | unknown,
    buttons?: unknown,
  ): string {
    // alert(title, prompt, buttons) has three arguments; alert(prompt, buttons) two.
    const titled = buttons !== undefined;
    const text = titled
      ? `${titleOrPrompt}\n\n${String(prompt)}`
      : titleOrPrompt;
    this.state.alerts.push(text);
    const set = titled ? buttons : prompt;
    if (typeof set === 'string' && set.includes('_'))
      (this.state.questions ??= []).push({text, buttons: set});
    return this.answer(set).button;
  }

  /** Records the question; the reply's text (default "") and button come from the queue. */
  prompt(titleOrPrompt: string, prompt?: string | unknown, buttons?: unknown) {
    const titled = buttons !== undefined;
    const text = titled
      ? `${titleOrPrompt}\n\n${String(prompt)}`
      : titleOrPrompt;
    this.state.prompts.push(text);
    const reply = this.answer(titled ? buttons : prompt);
    return expose(
      {
        getResponseText: () => reply.text ?? '',
        getSelectedButton: () => reply.button,
      },
      'PromptResponse',
      this.ctx,
    );
  }

  /**
   * The person can only press a button the dialog shows: those of its
   * ButtonSet (OK without one) or the title bar's close button, which "is not
   * explicitly added to a dialog, and it cannot be removed" (Enum Button,
   * developers.google.com/apps-script/reference/base/button). A queued reply
   * naming another button is a broken test: refused.
   */
  private answer(buttons: unknown): {button: string; text?: string} {
    const set = typeof buttons === 'string' ? buttons : ButtonSet.OK;
    const shown = set.split('_').filter(b => b in Button);
    const queued = this.state.replies.shift();
    if (queued) {
      if (queued.button !== 'CLOSE' && !shown.includes(queued.button))
        throw new Error(
          `Emulator: a ${set} dialog has no ${queued.button} button (it shows ${shown.join(', ')} and CLOSE).`,
        );
      return {button: Button[queued.button], text: queued.text};
    }
    return {button: shown.includes('YES') ? Button.YES : Button.OK};
  }

  showSidebar(userInterface: {getTitle(): string; getContent(): string}): void {
    this.state.sidebars.push({
      title: userInterface.getTitle(),
      html: userInterface.getContent(),
    });
  }

  showModalDialog(userInterface: {getContent(): string}, title: string): void {
    this.state.dialogs.push({title, html: userInterface.getContent()});
  }

  showModelessDialog(
    userInterface: {getContent(): string},
    title: string,
  ): void {
    this.state.dialogs.push({title, html: userInterface.getContent()});
  }
}

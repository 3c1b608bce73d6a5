/**
 * Server-side HtmlService templates (src/templates/): the prose of emails and
 * questions lives there, read only when one is sent or asked, not parsed
 * before every custom-function call as Code.js is. `vars` become the
 * template's globals.
 */
export function render(file: string, vars: object): string {
  const template = HtmlService.createTemplateFromFile(file);
  Object.assign(template, vars);
  return template.evaluate().getContent();
}

/**
 * A plain-text note from the add-on (a failure, the readiness note, the
 * early warning, a given-up delivery): its body from a template, to each
 * address once whatever its case. Throws as MailApp does.
 */
export function sendNote(
  to: readonly string[],
  subject: string,
  template: string,
  vars: object,
  name = 'Trust Rebuild',
  attachments?: GoogleAppsScript.Base.BlobSource[],
): void {
  MailApp.sendEmail({
    to: [...new Set(to.filter(e => e).map(e => e.toLowerCase()))].join(','),
    subject,
    body: render(template, vars).trim(),
    name,
    ...(attachments ? {attachments} : {}),
  });
}

/** A template printed as a PDF (the CFO handout, the post-mortem draft): HtmlService's conversion of the HTML. */
export const pdf = (template: string, vars: object, name: string) =>
  Utilities.newBlob(render(template, vars), 'text/html')
    .getAs('application/pdf')
    .setName(name);

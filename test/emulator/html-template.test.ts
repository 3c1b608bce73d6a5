/** HtmlService templates as Apps Script evaluates them (HTML Service: Templated HTML). */
import {createEmulator} from '../../emulator';
import {
  compileTemplate,
  escapeTemplateValue,
} from '../../emulator/html-template';

describe('HtmlService templates', () => {
  const run = (source: string, scope: object) =>
    compileTemplate(source)(scope, escapeTemplateValue);

  it("<?= ?> prints with HTML escaping, as Apps Script's contextual escaping does in HTML", () => {
    expect(
      run('<p><?= name ?></p>', {name: '<img src=x onerror=alert(1)>'}),
    ).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });

  it('<?!= ?> prints as is (force-printing scriptlet)', () => {
    expect(run('<?!= html ?>', {html: '<b>x</b>'})).toBe('<b>x</b>');
  });

  it('<? ?> runs code: loops and conditions over the variables set on the template', () => {
    expect(
      run('<? for (const i of items) { ?><li><?= i ?></li><? } ?>', {
        items: [1, 2],
      }),
    ).toBe('<li>1</li><li>2</li>');
  });

  it('createTemplateFromFile reads dist/NAME.html and evaluate() gives an HtmlOutput', () => {
    const emulator = createEmulator();
    const html = emulator.globals
      .HtmlService as GoogleAppsScript.HTML.HtmlService;
    const template = html.createTemplateFromFile(
      'cfo-email',
    ) as GoogleAppsScript.HTML.HtmlTemplate & Record<string, unknown>;
    expect(template.getRawContent()).toContain('<?= view.title ?>');
    expect(emulator.ctx.calls.count('HtmlService.createTemplateFromFile')).toBe(
      1,
    );
  });

  it('a missing file throws', () => {
    const html = createEmulator().globals
      .HtmlService as GoogleAppsScript.HTML.HtmlService;
    expect(() => html.createTemplateFromFile('nope')).toThrow(
      'No HTML file named nope was found.',
    );
  });
});

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

  describe('<?= ?> escapes by context (Printing scriptlets: "inside an HTML attribute, inside a client-side script tag, or anywhere else")', () => {
    const hostile = '"\'><img src=x onerror=alert(1)>&';

    it('an attribute value: HTML entities, so a quote cannot close it', () => {
      expect(run('<p title="<?= t ?>">', {t: hostile})).toBe(
        '<p title="&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;">',
      );
    });

    it('an unquoted attribute value: spaces, = and backticks too', () => {
      expect(run('<p title=<?= t ?>>', {t: 'a b=c`'})).toBe(
        '<p title=a&#32;b&#61;c&#96;>',
      );
    });

    it('a URL attribute is not a text node: a javascript: URL becomes about:invalid#zSoyz', () => {
      for (const url of [
        'javascript:alert(1)',
        ' JavaScript:alert(1)',
        'data:text/html,x',
        'vbscript:x',
      ])
        expect(run('<a href="<?= u ?>">x</a>', {u: url})).toBe(
          '<a href="about:invalid#zSoyz">x</a>',
        );
    });

    it('a URL attribute keeps http, https, mailto and relative URLs, percent-normalised and entity-escaped', () => {
      expect(
        run('<a href="<?= u ?>">x</a>', {
          u: 'https://docs.google.com/spreadsheets/d/x/edit?a=1&b="2"',
        }),
      ).toBe(
        '<a href="https://docs.google.com/spreadsheets/d/x/edit?a=1&amp;b=%222%22">x</a>',
      );
      expect(run('<a href="<?= u ?>">', {u: 'mailto:cfo@acme.example'})).toBe(
        '<a href="mailto:cfo@acme.example">',
      );
      expect(run("<img src='<?= u ?>'>", {u: '/logo.png'})).toBe(
        "<img src='/logo.png'>",
      );
    });

    it('later in a URL the value is one percent-encoded component', () => {
      expect(
        run('<a href="https://x.example/?q=<?= q ?>">', {
          q: 'a&b=javascript:c d',
        }),
      ).toBe('<a href="https://x.example/?q=a%26b%3Djavascript%3Ac%20d">');
    });

    it('CSS: a plain word, colour, number or length passes; anything else becomes zSoyz', () => {
      const css = (v: string) => run('<b style="color:<?= v ?>">', {v});
      expect(css('#1a73e8')).toBe('<b style="color:#1a73e8">');
      expect(css('12px')).toBe('<b style="color:12px">');
      expect(css('red;background:url(x)')).toBe('<b style="color:zSoyz">');
      expect(css('expression(alert(1))')).toBe('<b style="color:zSoyz">');
      expect(run('<style>p{color:<?= v ?>}</style>', {v: '</style>'})).toBe(
        '<style>p{color:zSoyz}</style>',
      );
    });

    it('JavaScript: a quoted literal in <script>, escaped text inside a string the template opened', () => {
      expect(run('<script>var s = <?= s ?>;</script>', {s: "</script>'"})).toBe(
        "<script>var s = '\\u003c\\u002fscript\\u003e\\u0027';</script>",
      );
      expect(
        run('<script>var n = <?= n ?>, o = <?= o ?>;</script>', {
          n: 3,
          o: {a: '<b>'},
        }),
      ).toBe('<script>var n = 3, o = {"a":"\\u003cb\\u003e"};</script>');
      expect(
        run('<script>var s = "<?= s ?>";</script>', {s: '"; alert(1); "'}),
      ).toBe('<script>var s = "\\u0022; alert(1); \\u0022";</script>');
      expect(run('<button onclick="go(<?= s ?>)">', {s: "x'"})).toBe(
        '<button onclick="go(&#39;x\\u0027&#39;)">',
      );
    });

    it('text after a script or style element is HTML again', () => {
      expect(
        run('<script>var a = 1;</script><p><?= t ?></p>', {t: '<i>'}),
      ).toBe('<script>var a = 1;</script><p>&lt;i&gt;</p>');
    });

    it('is stricter where unsure: inside a tag or an HTML comment a printing scriptlet is refused', () => {
      expect(() => compileTemplate('<div <?= a ?>>')).toThrow(
        /inside <div> but outside an attribute value/,
      );
      expect(() => compileTemplate('<!-- <?= a ?> -->')).toThrow(
        /inside an HTML comment/,
      );
    });
  });

  it('HtmlService.createTemplate(text) evaluates with the same escaping', () => {
    const html = createEmulator().globals
      .HtmlService as GoogleAppsScript.HTML.HtmlService;
    const template = html.createTemplate('<a href="<?= u ?>"><?= u ?></a>');
    (template as unknown as Record<string, unknown>).u = 'javascript:x()';
    expect(template.evaluate().getContent()).toBe(
      '<a href="about:invalid#zSoyz">javascript:x()</a>',
    );
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

/**
 * Blob.getAs('application/pdf') on HTML. With a Chromium or Chrome installed
 * the page is printed by it (chromium-print.ts), so the handout looks like the
 * email, as Google's conversion does. Without one, a minimal PDF writer: the
 * page's visible text, in Helvetica, wrapped to the page, headings in bold;
 * enough for a person (or pdftotext) to read, without laying out CSS.
 * EMULATOR_PDF=text or =chromium picks one (the jest config picks text: a
 * print takes seconds; the PDF tests ask for Chromium).
 */
import {locateChromium} from './chromium';
import {printWithChromium} from './chromium-print';

export interface TextLine {
  text: string;
  bold: boolean;
  size: number;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  copy: '©',
  reg: '®',
  trade: '™',
  times: '×',
  minus: '−',
  le: '≤',
  ge: '≥',
  rarr: '→',
  larr: '←',
  deg: '°',
  plusmn: '±',
};

export function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi,
    (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    },
  );
}

const BLOCK =
  /^(p|div|section|article|header|footer|main|table|thead|tbody|tfoot|tr|ul|ol|li|h[1-6]|blockquote|pre|hr|dl|dt|dd|figure|caption|address|nav|aside|body|html)$/;
const HEADING_SIZE: Record<string, number> = {h1: 16, h2: 13, h3: 11.5};
const BODY_SIZE = 10;

/** The visible text of an HTML document, one entry per rendered line (before wrapping). */
export function htmlToLines(html: string): {title: string; lines: TextLine[]} {
  const titleMatch = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = titleMatch
    ? decodeEntities(titleMatch[1]).replace(/\s+/g, ' ').trim()
    : '';
  const visible = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '');
  const lines: TextLine[] = [];
  let current = '';
  let heading = '';
  let bold = 0;
  let cellInRow = 0;
  const flush = () => {
    const text = current.replace(/[ \t]+/g, ' ').trim();
    if (text) {
      lines.push({
        text,
        bold: Boolean(heading) || bold > 0,
        size: HEADING_SIZE[heading] ?? BODY_SIZE,
      });
    }
    current = '';
  };
  const blank = () => {
    flush();
    if (lines.length && lines[lines.length - 1].text !== '')
      lines.push({text: '', bold: false, size: BODY_SIZE});
  };
  for (const token of visible.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (!token.startsWith('<')) {
      current += decodeEntities(token.replace(/\s+/g, ' '));
      continue;
    }
    const m = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(token);
    if (!m) continue;
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'br') {
      flush();
    } else if (tag === 'td' || tag === 'th') {
      if (!closing) {
        if (cellInRow > 0) current += '   ';
        cellInRow++;
        if (tag === 'th') bold++;
      } else if (tag === 'th') bold = Math.max(0, bold - 1);
    } else if (tag === 'strong' || tag === 'b') {
      // Bold only shows when the whole line is bold; inline emphasis stays plain.
    } else if (BLOCK.test(tag)) {
      if (tag === 'tr') cellInRow = 0;
      if (/^h[1-6]$/.test(tag) || tag === 'p' || tag === 'table') {
        blank();
        heading = closing ? '' : /^h[1-6]$/.test(tag) ? tag : '';
      } else {
        flush();
      }
      if (tag === 'li' && !closing) current += '• ';
    }
  }
  flush();
  while (lines.length && lines[lines.length - 1].text === '') lines.pop();
  return {title, lines};
}

// Helvetica advance widths (1/1000 em) for ASCII 32..126, from the standard AFM.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
  278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584,
  584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556,
  833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
  278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222,
  500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
  500, 334, 260, 334, 584,
];

function textWidth(text: string, size: number, bold: boolean): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    units += code >= 32 && code <= 126 ? HELVETICA[code - 32] : 556;
  }
  // Helvetica-Bold runs about 8% wider; wrapping on the wide side keeps lines on the page.
  return (units * size * (bold ? 1.08 : 1)) / 1000;
}

function wrap(line: TextLine, maxWidth: number): TextLine[] {
  if (textWidth(line.text, line.size, line.bold) <= maxWidth) return [line];
  const out: TextLine[] = [];
  let currentText = '';
  for (const word of line.text.split(' ')) {
    const candidate = currentText ? `${currentText} ${word}` : word;
    if (currentText && textWidth(candidate, line.size, line.bold) > maxWidth) {
      out.push({...line, text: currentText});
      currentText = word;
    } else {
      currentText = candidate;
    }
  }
  if (currentText) out.push({...line, text: currentText});
  return out;
}

// WinAnsiEncoding codes for the typographic characters Latin-1 lacks.
const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '™': 0x99,
  '‹': 0x8b,
  '›': 0x9b,
  Œ: 0x8c,
  œ: 0x9c,
  Š: 0x8a,
  š: 0x9a,
  Ž: 0x8e,
  ž: 0x9e,
  Ÿ: 0x9f,
  ƒ: 0x83,
  '†': 0x86,
  '‡': 0x87,
  '‰': 0x89,
};
const FALLBACK: Record<string, string> = {
  '−': '-',
  '≤': '<=',
  '≥': '>=',
  '→': '->',
  '←': '<-',
  '✓': 'v',
};

/** A PDF string literal in WinAnsiEncoding; characters it cannot show become "?". */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const mapped = FALLBACK[ch];
    if (mapped) {
      out += mapped;
      continue;
    }
    let code = ch.codePointAt(0) ?? 63;
    if (WIN_ANSI[ch] !== undefined) code = WIN_ANSI[ch];
    else if (
      code > 255 ||
      (code < 32 && code !== 9) ||
      (code >= 127 && code < 160)
    )
      code = 63;
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code >= 128) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(code);
  }
  return `${out})`;
}

const PAGE_WIDTH = 612; // US Letter, points
const PAGE_HEIGHT = 792;
const MARGIN = 54;

/** Renders lines onto as many Letter pages as they need and returns the PDF file's bytes. */
export function linesToPdf(lines: TextLine[], title = ''): Uint8Array {
  const wrapped = lines.flatMap(l =>
    l.text === '' ? [l] : wrap(l, PAGE_WIDTH - 2 * MARGIN),
  );
  const pages: string[] = [];
  let ops: string[] = [];
  let y = PAGE_HEIGHT - MARGIN;
  for (const line of wrapped) {
    const leading = line.size * 1.3;
    if (y - leading < MARGIN && ops.length) {
      pages.push(ops.join('\n'));
      ops = [];
      y = PAGE_HEIGHT - MARGIN;
    }
    y -= leading;
    if (line.text === '') continue;
    ops.push(
      `BT /${line.bold ? 'F2' : 'F1'} ${line.size} Tf 1 0 0 1 ${MARGIN} ${y.toFixed(2)} Tm ${pdfString(line.text)} Tj ET`,
    );
  }
  pages.push(ops.join('\n'));

  // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then page + content pairs.
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map(id => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] =
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] =
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Producer (Apps Script emulator) /Title ${pdfString(title)} >>`;
  pages.forEach((content, i) => {
    const pageId = pageIds[i];
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] =
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });

  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++)
    body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

/** The browser that prints PDFs, or undefined for the text writer. */
export function pdfPrinter(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const mode = env.EMULATOR_PDF;
  if (mode === 'text') return undefined;
  const browser = locateChromium(env);
  if (!browser && mode === 'chromium')
    throw new Error(
      'EMULATOR_PDF=chromium, but no Chromium or Chrome is installed (or set CHROME_PATH)',
    );
  return browser;
}

/** The PDF Apps Script would make of an HTML blob: printed by Chromium when there is one, else its visible text. */
export function htmlToPdf(html: string): Uint8Array {
  const browser = pdfPrinter();
  if (browser) return printWithChromium(html, browser);
  const {title, lines} = htmlToLines(html);
  return linesToPdf(lines, title);
}

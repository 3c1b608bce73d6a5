/**
 * HTML → PDF the way Google's conversion looks: the page laid out by a real
 * browser engine (`chromium --headless --print-to-pdf`), CSS and @page rules
 * included. Synchronous, as Blob.getAs is in Apps Script. The page is loaded
 * from a temporary file with every network feature off, and the profile and
 * files are removed afterwards.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {CHROMIUM_ARGS} from './chromium';

/** Longest a print may take before the conversion fails (the machine may be busy). */
const PRINT_TIMEOUT_MS = 60000;

export function printWithChromium(html: string, browser: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-pdf-'));
  try {
    const page = join(dir, 'page.html');
    const out = join(dir, 'page.pdf');
    writeFileSync(page, html);
    execFileSync(
      browser,
      [
        '--headless',
        ...CHROMIUM_ARGS,
        `--user-data-dir=${join(dir, 'profile')}`,
        // Nothing leaves the machine: a page that asks for a URL gets no answer.
        '--proxy-server=127.0.0.1:9',
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        pathToFileURL(page).href,
      ],
      {stdio: 'ignore', timeout: PRINT_TIMEOUT_MS},
    );
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

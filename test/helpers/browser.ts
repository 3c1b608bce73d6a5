/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven
 * by playwright-core (which cannot download a browser here), with a fresh
 * profile per launch and every network feature that would phone home off.
 */
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium, type BrowserContext, type Page} from 'playwright-core';
import {CHROMIUM_ARGS, findChromium} from '../../emulator/chromium';

/** Where the tests leave screenshots for a person to look at. */
export const TEST_OUTPUT = join(__dirname, '..', '..', 'test-output');

export {CHROMIUM_ARGS, findChromium} from '../../emulator/chromium';

export interface Browser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh user-data dir, removed again on close. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'preview-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: {width: 1440, height: 900},
  });
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, {recursive: true, force: true});
    },
  };
}

/** Path for a screenshot under test-output/, creating the folder. */
export function outputPath(name: string): string {
  mkdirSync(TEST_OUTPUT, {recursive: true});
  return join(TEST_OUTPUT, name);
}

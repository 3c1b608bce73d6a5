/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven
 * by playwright-core (which cannot download a browser here), with a fresh
 * profile per launch and every network feature that would phone home off.
 */
import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium, type BrowserContext, type Page} from 'playwright-core';

/** Where the tests leave screenshots for a person to look at. */
export const TEST_OUTPUT = join(__dirname, '..', '..', 'test-output');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The browser to drive: CHROME_PATH, else the usual install paths; a clear error when there is none. */
export function findChromium(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(
      `CHROME_PATH is set to ${fromEnv}, but no browser is there. Install Debian's chromium (apt-get install -y chromium) or point CHROME_PATH at a Chromium or Chrome binary.`,
    );
  }
  const found = USUAL_PATHS.find(p => exists(p));
  if (found) return found;
  throw new Error(
    `Chromium not found (looked in ${USUAL_PATHS.join(', ')}): install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH.`,
  );
}

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

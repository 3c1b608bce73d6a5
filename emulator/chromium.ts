/**
 * Where the dev tools find a Chromium or Chrome: CHROME_PATH, else the usual
 * install paths (Debian/Ubuntu packages, Google's .deb, macOS apps). Shared by
 * the browser tests (playwright-core drives it) and the emulator's HTML → PDF
 * conversion (chromium --headless --print-to-pdf).
 */
import {existsSync} from 'node:fs';

/** Flags for a quiet headless run: no sandbox in containers, nothing that phones home. */
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
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** How to get a browser, for every message that lacks one. */
export const INSTALL_HINT =
  'install one: on Debian/Ubuntu `sudo apt-get install -y chromium`; on macOS install Google Chrome or Chromium in /Applications; or set CHROME_PATH to a Chromium or Chrome binary';

/** The browser to use, or undefined when none is installed (CHROME_PATH set to a missing file throws). */
export function locateChromium(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    if (exists(fromEnv)) return fromEnv;
    throw new Error(
      `CHROME_PATH is set to ${fromEnv}, but no browser is there: ${INSTALL_HINT}.`,
    );
  }
  return USUAL_PATHS.find(p => exists(p));
}

/** The browser to drive; a clear error saying how to get one when there is none. */
export function findChromium(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const found = locateChromium(env, exists);
  if (found) return found;
  throw new Error(
    `No Chromium or Chrome found (looked in ${USUAL_PATHS.join(', ')}): ${INSTALL_HINT}.`,
  );
}

// Builds dist/ once before the suites, so every bundle test runs the code that would be pushed.
import {INSTALL_HINT, locateChromium} from '../emulator/chromium';
import {build} from '../scripts/build';

export default async function globalSetup(): Promise<void> {
  await build({quiet: true});
  // The browser suites (preview, sidebar, PDF) need one; say how to get it before they fail.
  let browser: string | undefined;
  try {
    browser = locateChromium();
  } catch (e) {
    console.warn(`\n${(e as Error).message}\n`);
    return;
  }
  if (!browser)
    console.warn(
      `\nThe browser tests need Chromium or Chrome, and none was found: ${INSTALL_HINT}.\n`,
    );
}

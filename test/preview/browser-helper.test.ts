/**
 * Finding the browser for the browser tests: CHROME_PATH first, then the
 * usual install paths, and a message that says how to fix it when there is
 * none (the machines here cannot download one).
 */
import {CHROMIUM_ARGS, findChromium} from '../helpers/browser';

const present =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('findChromium', () => {
  it('takes CHROME_PATH when it points at a file', () => {
    expect(
      findChromium(
        {CHROME_PATH: '/opt/chrome/chrome'},
        present('/opt/chrome/chrome', '/usr/bin/chromium'),
      ),
    ).toBe('/opt/chrome/chrome');
  });

  it('says CHROME_PATH is wrong rather than quietly using another browser', () => {
    expect(() =>
      findChromium(
        {CHROME_PATH: '/nowhere/chrome'},
        present('/usr/bin/chromium'),
      ),
    ).toThrow('CHROME_PATH is set to /nowhere/chrome, but no browser is there');
  });

  it('finds Chrome or Chromium where macOS installs them', () => {
    expect(
      findChromium(
        {},
        present('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'),
      ),
    ).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('falls back to Debian’s chromium, then the other usual paths', () => {
    expect(
      findChromium({}, present('/usr/bin/chromium', '/usr/bin/google-chrome')),
    ).toBe('/usr/bin/chromium');
    expect(findChromium({}, present('/usr/bin/google-chrome'))).toBe(
      '/usr/bin/google-chrome',
    );
  });

  it('fails with a message naming the fix when no browser is installed', () => {
    expect(() => findChromium({}, present())).toThrow(
      /No Chromium or Chrome found .*sudo apt-get install -y chromium.*macOS.*\/Applications.*CHROME_PATH/,
    );
  });

  it('launches with the flags a machine without network or sandbox needs', () => {
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining([
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ]),
    );
  });
});

import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Debian's chromium: Playwright cannot download its own browser here, so the tests drive this one. */
export const chromiumPath = '/usr/bin/chromium';

/** Flags for a headless chromium on a machine with no network (background fetches would be refused, one by one). */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Debian's chromium, or fails with how to install it. */
export async function launchChromium(what: string): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `${chromiumPath} is missing: these tests open ${what} in Debian's chromium; install it with \`apt-get install chromium\``,
    );
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** How to start the system's Chromium: shared by the browser tests and `npm run screenshots`. */

/** Where Chromium is: CHROMIUM_PATH, else Debian's. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Flags for a headless Chromium that may run as root (containers, CI), with nothing running in
 * the background: no GPU, no QUIC, no first-run pages, component updates, sync or network
 * chatter. Playwright gives every launch a fresh user data directory.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// web-test-runner commands the standard set lacks, through the Chromium page (puppeteer-core).

/** `executeServerCommand('set-offline', { offline })` and `('emulate-media', { forcedColors })`. */
export function browserCommands() {
  return {
    name: 'doorstep-browser-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-offline' && command !== 'emulate-media') return undefined;
      const page = session.browser.getPage(session.id);
      if (command === 'set-offline') {
        await page.setOfflineMode(Boolean(payload.offline));
        return true;
      }
      await page.emulateMediaFeatures([
        { name: 'forced-colors', value: payload.forcedColors ? 'active' : 'none' },
      ]);
      return true;
    },
  };
}

// @doorstep/widgets as an app installs it from npm: imported through its package.json `exports`,
// bundled by the app's own bundler (esbuild here), and run in Chromium.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './doorstep.js';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});
afterAll(() => browser?.close());

describe('@doorstep/widgets from npm', () => {
  it('registers both elements from its concern-form.js export and exposes the classes from its index', async () => {
    const app = await build({
      stdin: {
        contents: `
          import '@doorstep/widgets/concern-form.js';
          import { SgConcernForm, SgProvider, SgConcernSubmittedEvent } from '@doorstep/widgets';
          window.checks = {
            form: customElements.get('sg-concern-form') === SgConcernForm,
            provider: customElements.get('sg-provider') === SgProvider,
            event: new SgConcernSubmittedEvent('SG-1', undefined, 'k').composed,
          };`,
        resolveDir: import.meta.dirname,
        loader: 'js',
      },
      bundle: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent(
      '<main lang="cy"><sg-provider><sg-concern-form></sg-concern-form></sg-provider></main>',
    );
    await page.addScriptTag({ content: app.outputFiles[0]!.text, type: 'module' });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { checks?: object }).checks))
      .toEqual({
        form: true,
        provider: true,
        event: true,
      });
    const heading = page.locator('sg-concern-form .step-heading');
    await expect.poll(() => heading.textContent()).toContain('Pa mor frys yw hyn?');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ships its Custom Elements Manifest', async () => {
    const require = createRequire(import.meta.url);
    const manifest = JSON.parse(
      await readFile(require.resolve('@doorstep/widgets/custom-elements.json'), 'utf8'),
    );
    const pkg = JSON.parse(await readFile(require.resolve('@doorstep/widgets/package.json'), 'utf8'));
    expect(pkg.customElements).toBe('custom-elements.json');
    const tags = manifest.modules.flatMap((m: { declarations?: { tagName?: string }[] }) =>
      (m.declarations ?? []).map((d) => d.tagName).filter(Boolean),
    );
    expect(tags.sort()).toEqual([
      'sg-chronology',
      'sg-concern-form',
      'sg-dashboard',
      'sg-feedback',
      'sg-household-view',
      'sg-provider',
      'sg-referral-tracker',
      'sg-self-assessment',
      'sg-work-queue',
    ]);
  });
});

// The concern form against the real gateway and database: a concern sent while offline, or whose
// answer was lost, arrives exactly once; the public form; a draft kept across a real reload; forced
// colours (Windows high contrast).
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, sendAnonymousPublicConcern, startDoorstep } from './doorstep.js';

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  doorstep = await startDoorstep();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await doorstep?.stop();
});

beforeEach(async () => {
  problems = [];
  context = await browser.newContext(); // a fresh browser profile: no drafts, no outbox
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
});

afterEach(async () => {
  await context?.close();
});

const reference = (form: Locator) => form.locator('[part~="reference"]');

/** Signs in as the demo housing officer (the full staff form) and fills every step to "check". */
async function staffFormToCheck(whatHappened: string) {
  await page.goto(doorstep.base + '/');
  const picker = page.getByLabel('Demo user');
  await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
  await picker.selectOption({ label: 'Tom Evans (housing officer)' });
  const form = page.locator('sg-concern-form');
  await expect.poll(() => form.getAttribute('mode')).toBe('staff');
  const next = () => form.getByRole('button', { name: 'Continue' }).click();
  await form.locator('input[name="urgency"][value="ROUTINE"]').check();
  await next();
  await form.locator('input[name="subjectDescription"]').fill('Man in flat 7');
  await form.locator('input[name="location"]').fill('7 Offline Row');
  await next();
  await form.locator('textarea[name="whatHappened"]').fill(whatHappened);
  await next();
  await form.locator('input[name="personViews.status"][value="ASKED_NONE_EXPRESSED"]').check();
  await form.locator('input[name="consent.status"][value="GIVEN"]').check();
  await next();
  await expect.poll(() => form.getByRole('heading', { name: 'Check your answers' }).count()).toBe(1);
  return form;
}

const concernsWith = (whatHappened: string) =>
  doorstep.sql<{ reference: string; reporter_kind: string }>(
    'select reference, reporter_kind from concern where what_happened = $1',
    [whatHappened],
  );

describe('the concern form and the real gateway', () => {
  it('queues a concern sent offline, sends it when the connection returns, and stores it once', async () => {
    const text = `E2E offline ${Date.now()}`;
    const form = await staffFormToCheck(text);
    await context.setOffline(true);
    await form.getByRole('button', { name: 'Send concern' }).click();
    const queued = form.locator('[part~="queued"]');
    await expect.poll(() => queued.textContent()).toContain('Saved on this device');
    expect(await queued.textContent()).toContain('It will be sent when you are back online.');
    expect(await concernsWith(text)).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => reference(form).textContent(), { timeout: 15_000 }).toMatch(/SG-\d{4}-\d{6}/);
    const rows = await concernsWith(text);
    expect(rows).toEqual([
      { reference: (await reference(form).textContent())!.trim(), reporter_kind: 'STAFF' },
    ]);
    expect(problems).toEqual([]);
  });

  it('stores a concern once when the gateway received it but the answer was lost', async () => {
    const text = `E2E lost answer ${Date.now()}`;
    const form = await staffFormToCheck(text);
    let lost = 0;
    await page.route('**/graphql', async (route) => {
      if (lost === 0 && route.request().postData()?.includes('RaiseConcern')) {
        lost++;
        await route.fetch(); // the gateway gets it and stores it…
        return route.abort('connectionreset'); // …and the answer never reaches the browser
      }
      return route.continue();
    });
    await form.getByRole('button', { name: 'Send concern' }).click();
    await expect.poll(() => form.locator('[part~="queued"]').count()).toBe(1);
    expect(await concernsWith(text)).toHaveLength(1);

    // The backoff timer sends it again (5 s) with the same idempotency key.
    await expect.poll(() => reference(form).textContent(), { timeout: 15_000 }).toMatch(/SG-\d{4}-\d{6}/);
    const rows = await concernsWith(text);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reference).toBe((await reference(form).textContent())!.trim());
    expect(lost).toBe(1);
  });

  it('sends a concern queued in one tab once, with two tabs open when the connection returns', async () => {
    const text = `E2E two tabs ${Date.now()}`;
    // A second tab of the same browser, signed in as the same person.
    const second = await context.newPage();
    await second.goto(doorstep.base + '/');
    const picker = second.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption({ label: 'Tom Evans (housing officer)' });
    const secondStatus = second.locator('sg-concern-form [part~="status"]');

    const form = await staffFormToCheck(text);
    await context.setOffline(true);
    await form.getByRole('button', { name: 'Send concern' }).click();
    await expect.poll(() => form.locator('[part~="queued"]').count()).toBe(1);
    // The other tab hears of it (BroadcastChannel) and counts it.
    await expect.poll(() => secondStatus.textContent()).toContain('1 concern waiting to send');

    // Both tabs hear `online` at once and both flush: the lock lets only one send it. (The gateway's
    // idempotency would also keep it to one row, so count what reaches the gateway.)
    const delivered: string[] = [];
    context.on('requestfinished', (request) => {
      if (request.postData()?.includes('RaiseConcern'))
        delivered.push(request.frame().page() === page ? 'first' : 'second');
    });
    await context.setOffline(false);
    await expect.poll(() => reference(form).textContent(), { timeout: 15_000 }).toMatch(/SG-\d{4}-\d{6}/);
    await expect.poll(() => secondStatus.textContent()).not.toContain('waiting to send');
    await page.waitForTimeout(500);
    expect(delivered).toHaveLength(1);
    expect(await concernsWith(text)).toHaveLength(1);
  });

  it('keeps a draft across a real reload, encrypted in IndexedDB', async () => {
    await staffFormToCheck('E2E draft, never sent');
    const form = page.locator('sg-concern-form');
    await form.getByRole('button', { name: 'Change Where? Address or place' }).click();
    await form.locator('input[name="location"]').fill('12 Reload Street');
    await page.waitForTimeout(600); // the draft is saved 300 ms after typing stops
    const raw = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('doorstep');
          open.onsuccess = () => {
            const req = open.result.transaction('drafts').objectStore('drafts').getAll();
            req.onsuccess = () =>
              resolve(
                (req.result as { data: ArrayBuffer }[])
                  .map((r) => JSON.stringify(r) + new TextDecoder('latin1').decode(r.data))
                  .join(),
              );
          };
        }),
    );
    expect(raw.length).toBeGreaterThan(0);
    expect(raw).not.toContain('Reload Street');
    await page.reload();
    await expect
      .poll(
        () =>
          form
            .locator('input[name="location"]')
            .inputValue()
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toBe('12 Reload Street');
    expect(await form.locator('.notice').textContent()).toContain('We kept the answers you started');
  });

  it('takes an anonymous concern from the public form, in Welsh', async () => {
    const text = `E2E public ${Date.now()}`;
    await page.goto(doorstep.base + '/report.html');
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    const form = page.locator('sg-concern-form');
    await sendAnonymousPublicConcern(
      form,
      { subject: 'Y bachgen drws nesaf', location: '12 Stryd yr Eglwys', whatHappened: text },
      { next: 'Parhau', send: 'Anfon pryder' },
    );
    await expect.poll(() => reference(form).textContent(), { timeout: 15_000 }).toMatch(/SG-\d{4}-\d{6}/);
    expect(await form.locator('[part~="confirmation-title"]').textContent()).toContain('Pryder wedi’i anfon');
    expect(await concernsWith(text)).toEqual([
      { reference: (await reference(form).textContent())!.trim(), reporter_kind: 'ANONYMOUS_PUBLIC' },
    ]);
    expect(problems).toEqual([]);
  });

  it('keeps borders and a visible focus indicator in forced colours (high contrast)', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(doorstep.base + '/report.html');
    const form = page.locator('sg-concern-form');
    const styles = await form.evaluate((el) => {
      const root = el.shadowRoot!;
      const button = getComputedStyle(root.querySelector('button[type="submit"]')!);
      const radio = root.querySelector<HTMLInputElement>('input[type="radio"]')!;
      radio.focus();
      const ring = getComputedStyle(radio.nextElementSibling!, '::before');
      return {
        forced: matchMedia('(forced-colors: active)').matches,
        button: [button.borderTopStyle, button.borderTopWidth, button.borderTopColor],
        ring: [ring.outlineStyle, ring.outlineWidth, ring.outlineColor],
      };
    });
    expect(styles.forced).toBe(true);
    expect(styles.button.slice(0, 2)).toEqual(['solid', '2px']);
    expect(styles.button[2]).not.toBe('rgba(0, 0, 0, 0)');
    expect(styles.ring.slice(0, 2)).toEqual(['solid', '3px']);
    expect(styles.ring[2]).not.toBe('rgba(0, 0, 0, 0)');
  });
});

import type { Locator, Page } from 'playwright-core';
export { startDoorstep } from '@doorstep/testkit';

export const chromiumPath = () => process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Collects what goes wrong in a page into `problems`: errors it logs (a CSP violation, a failed
 * script or request) and errors it throws. A test then expects the list empty.
 */
export function collectPageErrors(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  // Chromium's console line for a refused request names no address: this one says which request
  // it was and whether it carried a token, so a failure explains itself.
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    const operation = /"operationName":"(\w+)"|^\s*(?:query|mutation)\s+(\w+)/.exec(request.postData() ?? '');
    const token = request.headers()['authorization'] ? 'with a token' : 'without a token';
    problems.push(
      `${response.status()} for ${request.method()} ${new URL(response.url()).pathname}` +
        ` ${operation?.[1] ?? operation?.[2] ?? ''} ${token}`,
    );
  });
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-extensions',
  '--no-first-run',
];

export const DEMO = {
  lead: '00000000-0000-4000-8000-000000000101',
  frontline: '00000000-0000-4000-8000-000000000102',
  contractor: '00000000-0000-4000-8000-000000000103',
  manager: '00000000-0000-4000-8000-000000000104',
};

/**
 * Fills the public concern form (`mode="public"`) with a low-level concern about someone else,
 * no contact details (so anonymous), and sends it. `words` are its buttons in the page's language.
 */
export async function sendAnonymousPublicConcern(
  form: Locator,
  answers: { subject: string; location: string; whatHappened: string },
  words = { next: 'Continue', send: 'Send concern' },
) {
  const next = () => form.getByRole('button', { name: words.next }).click();
  await form.locator('input[name="urgency"][value="LOW_LEVEL"]').check();
  await next();
  await form.locator('input[name="aboutSelf"][value="no"]').check();
  await form.locator('input[name="subjectDescription"]').fill(answers.subject);
  await form.locator('input[name="location"]').fill(answers.location);
  await next();
  await form.locator('textarea[name="whatHappened"]').fill(answers.whatHappened);
  await next();
  await next(); // contact details: none, so anonymous
  await form.getByRole('button', { name: words.send }).click();
}

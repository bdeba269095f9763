import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { DEMO, doorstepReady, GATEWAY, graphql, sql, tokenFor } from '../test-support/doorstep.js';
import { find, focused, get, text, until } from '../test-support/dom.js';
import { PAGE_SIZE, type SgChronology } from './chronology.js';
import type { SgOpenEvent } from '../events/open.js';
import './define.js';

const ORGANISATION = '00000000-0000-4000-8000-000000000001';
/** Sophie Hart: restricted, seen only by Priya (the lead). */
const RESTRICTED = '00000000-0000-4000-8000-000000000508';
const HOUSEHOLD = '00000000-0000-4000-8000-000000000401';

let lead: string;
let manager: string;
let champion: string;
/** A person made for these tests, whose chronology holds only what each test puts in it. */
let person: string;

before(async function () {
  this.timeout(90_000);
  // The virtualiser measures entries with a ResizeObserver; when a measurement changes the layout in
  // the same frame, Chromium reports "ResizeObserver loop completed with undelivered notifications"
  // as a window error (the notifications come in the next frame: nothing is lost). Not a failure.
  const previous = window.onerror;
  window.onerror = (message, ...rest) =>
    /ResizeObserver loop/.test(String(message)) ? true : previous?.call(window, message, ...rest);
  await doorstepReady();
  lead = await tokenFor(DEMO.lead);
  manager = await tokenFor(DEMO.manager);
  champion = await tokenFor(DEMO.champion);
  const created = await graphql<{ createPerson: { person: { id: string } } }>(
    `
      mutation ($input: CreatePersonInput!, $key: String!) {
        createPerson(input: $input, idempotencyKey: $key) {
          person {
            id
          }
        }
      }
    `,
    { input: { person: { givenName: 'Chrono', familyName: 'Testperson' } }, key: crypto.randomUUID() },
    lead,
  );
  person = created.createPerson.person.id;
});

beforeEach(async () => {
  await sql(`delete from chronology_entry where organisation_id = $1 and $2 = any(person_ids)`, [
    ORGANISATION,
    person,
  ]);
  await setViewport({ width: 1024, height: 768 });
});

/**
 * Puts `count` entries naming the test person (and `also`) in the chronology, an hour apart from
 * 1 January 2020, numbered from 1, each kind from `kinds` in turn.
 */
async function addEntries(
  count: number,
  options: { kinds?: string[]; also?: string[]; summary?: string; start?: string } = {},
) {
  const kinds = options.kinds ?? ['CONCERN_RAISED'];
  await sql(
    `insert into chronology_entry (organisation_id, id, kind, occurred_at, recorded_at, person_ids, source_type, source_id, summary, detail, pinned)
     select $1, gen_random_uuid(), ($2::text[])[1 + (i - 1) % array_length($2::text[], 1)],
            $6::timestamptz + (i || ' hours')::interval, now(), $3::uuid[], 'Concern', gen_random_uuid(),
            coalesce($5, 'Entry ' || i), '{}', false
       from generate_series(1, $4::int) i`,
    [
      ORGANISATION,
      kinds,
      [person, ...(options.also ?? [])],
      count,
      options.summary ?? null,
      options.start ?? '2020-01-01T00:00:00Z',
    ],
  );
}

async function newChronology(
  options: { lang?: string; token?: string; personId?: string; householdId?: string; wait?: boolean } = {},
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en-GB'}>
      <sg-chronology
        endpoint=${GATEWAY}
        .token=${options.token ?? lead}
        person-id=${options.householdId ? '' : (options.personId ?? person)}
        household-id=${options.householdId ?? ''}
      ></sg-chronology>
    </div>`,
  );
  const el = wrapper.querySelector('sg-chronology')!;
  if (options.wait !== false) {
    await until(() => !!find(el, '.list, .notice, .error-summary'), 10_000, 'the chronology');
    // The virtualiser renders only what is in the window: the reader scrolls the page to the list.
    find(el, '.list')?.scrollIntoView();
    if (find(el, '.list')) await until(() => !!find(el, '.list [role="listitem"]'), 5000, 'the entries');
    await el.updateComplete;
  }
  return el;
}

/** The entries rendered now (the virtualiser renders those in view and a few around them). */
const rendered = (el: SgChronology) =>
  [...el.shadowRoot!.querySelectorAll('.list [role="listitem"]')].map((e) =>
    text(e.querySelector('.entry__summary')),
  );

/** Scrolls the list a screenful at a time, as a reader does, until `done` (at most 200 screens). */
async function scrollUntil(el: SgChronology, done: () => boolean, what: string) {
  const list = get(el, '.list');
  list.scrollIntoView();
  for (let i = 0; i < 200 && !done(); i++) {
    list.scrollTop += list.clientHeight;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  await until(done, 5000, what);
}

/** Waits until the rendered entries start with `summaries`. */
const shown = (el: SgChronology, summaries: string[]) => {
  // The virtualiser renders what is in view: the reader scrolls the page to the list.
  find(el, '.list')?.scrollIntoView();
  return until(
    () => JSON.stringify(rendered(el).slice(0, summaries.length)) === JSON.stringify(summaries),
    5000,
    summaries.join(', '),
  );
};

async function applyFilter(el: SgChronology, fill: (form: HTMLFormElement) => void) {
  get<HTMLDetailsElement>(el, '.filters').open = true;
  const form = get<HTMLFormElement>(el, '.filters form');
  fill(form);
  get<HTMLButtonElement>(el, '.filters button[type="submit"]').click();
  await el.updateComplete;
}

describe('<sg-chronology>', () => {
  it('is accessible while loading, and shows the entries oldest first, each in a list with its place', async () => {
    await addEntries(5, { kinds: ['CONCERN_RAISED', 'WARNING_ADDED'] });
    const el = await newChronology({ wait: false });
    expect(text(find(el, '[role="status"]'))).to.contain('Loading');
    await expect(el).to.be.accessible();
    await until(() => !!find(el, '.entry'), 10_000, 'entries');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(rendered(el)).to.deep.equal(['Entry 1', 'Entry 2', 'Entry 3', 'Entry 4', 'Entry 5']);
    const first = get(el, '.list [role="listitem"]');
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(first.getAttribute('aria-setsize')).to.equal('5');
    expect(text(first)).to.contain('Concern raised');
    expect(text(el.shadowRoot!.querySelectorAll('.list [role="listitem"]')[1])).to.contain('Warning added');
    expect(text(get(el, '.count'))).to.equal('Showing 5 of 5 entries');
  });

  it('says plainly when there is nothing yet, accessibly', async () => {
    const el = await newChronology();
    expect(text(get(el, '.notice'))).to.equal('There is nothing in this chronology yet.');
    await expect(el).to.be.accessible();
  });

  it('filters by kind and by dates, says when nothing matches, and refuses a range the wrong way round', async () => {
    await addEntries(48, { kinds: ['CONCERN_RAISED', 'WARNING_ADDED', 'CONCERN_CLOSED'] }); // 2 days
    const el = await newChronology();
    await applyFilter(el, (form) => {
      (form.querySelector('[name="kinds"][value="WARNING_ADDED"]') as HTMLInputElement).checked = true;
    });
    await until(() => text(find(el, '.count')).startsWith('Showing 16 of 16'), 10_000, 'the warnings');
    await shown(el, ['Entry 2', 'Entry 5', 'Entry 8']);

    await applyFilter(el, (form) => {
      (form.querySelector('[name="from"]') as HTMLInputElement).value = '2020-01-02';
      (form.querySelector('[name="to"]') as HTMLInputElement).value = '2020-01-02';
    });
    // Entries 24 to 47 fall on 2 January (an hour apart from midnight on the 1st); of those, the warnings.
    await until(
      () => text(find(el, '.count')).startsWith('Showing 8 of 8'),
      10_000,
      'the warnings of the 2nd',
    );
    await shown(el, ['Entry 26']);

    await applyFilter(el, (form) => {
      (form.querySelector('[name="from"]') as HTMLInputElement).value = '2021-01-01';
      (form.querySelector('[name="to"]') as HTMLInputElement).value = '2021-01-31';
    });
    await until(() => text(find(el, '.notice')) === 'No entries match these filters.', 10_000, 'no match');
    await expect(el).to.be.accessible();

    await applyFilter(el, (form) => {
      (form.querySelector('[name="from"]') as HTMLInputElement).value = '2020-03-02';
      (form.querySelector('[name="to"]') as HTMLInputElement).value = '2020-03-01';
    });
    await until(() => focused(el).includes('error-summary'), 2000, 'focus on the error summary');
    expect(text(get(el, '.error-summary'))).to.contain(
      'The "to" date must be the same as or after the "from" date',
    );
    expect(get(el, '#to').getAttribute('aria-invalid')).to.equal('true');
    // The last good filter's result is still shown, and the widget is still accessible.
    expect(text(get(el, '.notice'))).to.equal('No entries match these filters.');
    await expect(el).to.be.accessible();

    get<HTMLButtonElement>(el, '.filters .button--secondary').click();
    await until(() => text(find(el, '.count')).startsWith('Showing 48 of 48'), 10_000, 'all again');
  });

  it('renders only the entries in view, and fetches the next page as the reader scrolls', async function () {
    this.timeout(30_000);
    await addEntries(250);
    const el = await newChronology();
    expect(text(get(el, '.count'))).to.equal(`Showing ${PAGE_SIZE} of 250 entries`);
    expect(rendered(el).length).to.be.below(60);
    const count = () => text(find(el, '.count'));
    await scrollUntil(el, () => count() === 'Showing 200 of 250 entries', 'the second page');
    await scrollUntil(el, () => count() === 'Showing 250 of 250 entries', 'the last page');
    await scrollUntil(el, () => rendered(el).includes('Entry 250'), 'the last entry');
    expect(rendered(el).length).to.be.below(60);
    expect(rendered(el)).not.to.include('Entry 1');
  });

  it('marks an entry as a key event through the gateway, and shows it marked', async () => {
    await addEntries(2);
    const el = await newChronology();
    const pin = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.entry__actions button')].find(
      (b) => text(b) === 'Mark as key event',
    )!;
    pin.click();
    await until(() => !!find(el, '.tag'), 10_000, 'the key event tag');
    const [row] = await sql<{ pinned: boolean; summary: string }>(
      `select pinned, summary from chronology_entry where $1 = any(person_ids) and summary = 'Entry 1'`,
      [person],
    );
    expect(row!.pinned).to.equal(true);
    expect(text(get(el, '.entry--key .entry__summary'))).to.equal('Entry 1');
    expect(text(get(el, '.visually-hidden[role="status"]'))).to.equal('Marked as a key event.');
    await applyFilter(el, (form) => {
      (form.querySelector('[name="pinnedOnly"]') as HTMLInputElement).checked = true;
    });
    await until(() => text(find(el, '.count')) === 'Showing 1 of 1 entry', 10_000, 'key events only');
  });

  it('exports the filtered chronology through the gateway as CSV safe in a spreadsheet, and as JSON', async () => {
    await addEntries(3);
    await addEntries(1, {
      summary: '=HYPERLINK("http://evil.example","click") "quoted"',
      start: '2020-02-01T00:00:00Z',
    });
    const el = await newChronology();
    get<HTMLButtonElement>(el, '.export__csv').click();
    await until(() => !!find(el, '.export__file'), 10_000, 'the CSV file');
    const link = get<HTMLAnchorElement>(el, '.export__file');
    expect(focused(el)).to.contain('export__file');
    expect(link.download).to.equal(`chronology-person-${person}.csv`);
    expect(text(link)).to.equal('Save the CSV file (4 entries)');
    const csv = await (await fetch(link.href)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).to.have.length(5);
    expect(lines[4]).to.contain(`"'=HYPERLINK(""http://evil.example"",""click"") ""quoted"""`);
    const [audit] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_event where action = 'EXPORT' and entity_type = 'PersonChronology' and entity_id = $1`,
      [person],
    );
    expect(audit!.n).to.be.at.least(1);

    await applyFilter(el, (form) => {
      (form.querySelector('[name="to"]') as HTMLInputElement).value = '2020-01-31';
    });
    await until(() => text(find(el, '.count')) === 'Showing 3 of 3 entries', 10_000, 'January');
    get<HTMLButtonElement>(el, '.export__json').click();
    await until(() => !!find(el, '.export__file'), 10_000, 'the JSON file');
    const json = JSON.parse(await (await fetch(get<HTMLAnchorElement>(el, '.export__file').href)).text());
    const entries = Array.isArray(json) ? json : json.entries;
    expect(entries.map((e: { summary: string }) => e.summary)).to.deep.equal([
      'Entry 1',
      'Entry 2',
      'Entry 3',
    ]);
    await expect(el).to.be.accessible();
  });

  it('is "not available" to a viewer who may not see the person, and never shows entries naming someone hidden from them', async function () {
    this.timeout(30_000);
    const hidden = await newChronology({ token: champion, personId: RESTRICTED });
    expect(text(get(hidden, '.notice'))).to.equal(
      'This chronology is not available. You may not have access to it, or it may not exist.',
    );
    expect(find(hidden, '.entry')).to.equal(null);
    await expect(hidden).to.be.accessible();

    // Only safeguarding leads and champions read chronologies: not a contractor, a housing officer or a manager.
    for (const token of [await tokenFor(DEMO.contractor), await tokenFor(DEMO.frontline), manager]) {
      const refused = await newChronology({ token });
      expect(text(get(refused, '.notice'))).to.contain('not available');
    }

    await addEntries(1, { summary: 'About both of them', also: [RESTRICTED] });
    await addEntries(1, { summary: 'Only the test person', start: '2020-03-01T00:00:00Z' });
    const el = await newChronology({ token: champion });
    await shown(el, ['Only the test person']);
    expect(rendered(el)).to.have.length(1);
    const asLead = await newChronology({ token: lead });
    await shown(asLead, ['About both of them', 'Only the test person']);
    // Someone else signs in on the same page: what the lead saw goes, and the gateway decides again.
    asLead.token = manager;
    await until(() => text(find(asLead, '.notice')).includes('not available'), 10_000, 'not available');
    expect(find(asLead, '.entry')).to.equal(null);
  });

  it('shows a request that failed with a way to try again, accessibly', async () => {
    const el = await newChronology({ personId: 'not-a-uuid' });
    // A person id that is no id is simply not there.
    expect(text(get(el, '.notice'))).to.contain('not available');
    const failing = await fixture<SgChronology>(
      html`<sg-chronology endpoint="/doorstep/nowhere" .token=${lead} person-id=${person}></sg-chronology>`,
    );
    await until(() => !!find(failing, '.error-summary'), 10_000, 'the failure');
    expect(text(get(failing, '.error-summary'))).to.contain('could not be loaded');
    await expect(failing).to.be.accessible();
  });

  it('can be used with the keyboard alone: Tab reaches each entry’s buttons, Enter opens the record behind it', async () => {
    await addEntries(3);
    const el = await newChronology();
    get<HTMLElement>(el, '.filters__summary').focus();
    const open = get<HTMLButtonElement>(el, '.list .entry__actions button');
    for (let i = 0; i < 40 && el.shadowRoot!.activeElement !== open; i++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(open);
    expect(text(open)).to.equal('Open the concern');
    const [entry] = await sql<{ source_id: string }>(
      `select source_id from chronology_entry where $1 = any(person_ids) and summary = 'Entry 1'`,
      [person],
    );
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const opened = (await oneEvent(el, 'sg-open')) as unknown as SgOpenEvent;
    expect([opened.kind, opened.id]).to.deep.equal(['Concern', entry!.source_id]);
    await sendKeys({ press: 'Tab' });
    expect(text(el.shadowRoot!.activeElement)).to.equal('Mark as key event');
  });

  it('lets the keyboard go on past the entries drawn at first: the list scrolls and draws the next ones', async function () {
    this.timeout(30_000);
    await addEntries(60);
    const el = await newChronology();
    const drawn = el.shadowRoot!.querySelectorAll('.list [role="listitem"]').length;
    expect(drawn).to.be.below(40);
    get<HTMLButtonElement>(el, '.list .entry__actions button').focus();
    // Two buttons an entry: Tab on to the 45th entry's second button.
    for (let i = 0; i < 89; i++) await sendKeys({ press: 'Tab' });
    const entry = el.shadowRoot!.activeElement?.closest('[role="listitem"]');
    expect(entry?.getAttribute('aria-posinset')).to.equal('45');
    expect(text(entry?.querySelector('.entry__summary'))).to.equal('Entry 45');
    const box = entry!.getBoundingClientRect();
    const list = get(el, '.list').getBoundingClientRect();
    expect(box.top >= list.top - 1 && box.bottom <= list.bottom + 1, 'the focused entry is in view').to.equal(
      true,
    );
  });

  it('prints every loaded entry as a plain list, and loads all of them for printing when asked', async function () {
    this.timeout(30_000);
    await addEntries(150);
    const el = await newChronology();
    expect(text(get(el, '.print__status'))).to.equal(
      '100 of 150 entries loaded. Printing shows the 100 loaded.',
    );
    window.dispatchEvent(new Event('beforeprint'));
    // Rendered in the same turn, before the browser lays the page out for print.
    expect(el.shadowRoot!.querySelectorAll('.print-list li')).to.have.length(100);
    expect(find(el, '.list')).to.equal(null);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(find(el, '.print-list')).to.equal(null);
    get<HTMLButtonElement>(el, '.load-all').click();
    await until(
      () => text(find(el, '.print__status')) === 'All 150 entries loaded. Printing shows them all.',
      10_000,
      'all loaded',
    );
    window.dispatchEvent(new Event('beforeprint'));
    expect(el.shadowRoot!.querySelectorAll('.print-list li')).to.have.length(150);
    window.dispatchEvent(new Event('afterprint'));
  });

  it('reads a household’s chronology, with its members’ entries', async () => {
    const el = await newChronology({ householdId: HOUSEHOLD });
    expect(rendered(el).length).to.be.above(0);
    expect(text(get(el, '.count'))).to.match(/^Showing \d+ of \d+ entr/);
  });

  it('speaks Welsh', async () => {
    await addEntries(3);
    const el = await newChronology({ lang: 'cy' });
    expect(text(get(el, '.title'))).to.equal('Cronoleg');
    expect(text(get(el, '.count'))).to.equal('Yn dangos 3 o 3 o gofnodion');
    expect(text(get(el, '.entry__kind'))).to.equal('Pryder wedi’i godi');
    await expect(el).to.be.accessible();
  });

  it('fits 320 px and 200% zoom (640 CSS px, twice the text size) without scrolling sideways', async function () {
    this.timeout(20_000);
    await addEntries(3, { summary: 'A long summary without spaces: ' + 'x'.repeat(120) });
    for (const [width, fontSize] of [
      [320, ''],
      [640, '2.375em'],
    ] as const) {
      await setViewport({ width, height: 640 });
      const el = await newChronology();
      el.style.setProperty('--sg-font-size', fontSize);
      get<HTMLDetailsElement>(el, '.filters').open = true;
      await el.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(document.documentElement.scrollWidth, `page at ${width}px`).to.be.at.most(width);
      // Nor inside the list, which scrolls by itself (a long word must wrap, not scroll sideways).
      const list = get(el, '.list');
      expect(list.scrollWidth, `the list at ${width}px`).to.be.at.most(list.clientWidth);
      for (const element of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
        if (!element.checkVisibility()) continue;
        const box = element.getBoundingClientRect();
        expect(box.right, `${element.localName}.${element.className} at ${width}px`).to.be.at.most(
          width + 0.5,
        );
      }
    }
  });
});

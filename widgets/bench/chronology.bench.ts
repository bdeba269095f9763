// The chronology with 5,000 entries: first paint, loading them all, and a scroll from the first to
// the last, in Chromium, with the shipped bundle (dist/sg-chronology.bundle.js: minified, Lit in
// production mode) against the real gateway. Prints the long tasks (over 50 ms) seen in each phase;
// docs/performance.md keeps the figures. Run: pnpm --filter @doorstep/widgets bench.
import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { DEMO, doorstepReady, GATEWAY, graphql, sql, tokenFor } from '../src/test-support/doorstep.js';

const ORGANISATION = '00000000-0000-4000-8000-000000000001';
const ENTRIES = 5000;

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const root = (el: Element) => el.shadowRoot!;

/** Long tasks as the browser reports them (PerformanceObserver 'longtask'), from `mark` on. */
const longTasks: PerformanceEntry[] = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: true,
});
/** Long animation frames, with the scripts that ran in them: what the long tasks were. */
interface Script {
  invoker: string;
  sourceFunctionName: string;
  duration: number;
}
const longFrames: (PerformanceEntry & { scripts: Script[] })[] = [];
new PerformanceObserver((list) =>
  longFrames.push(...(list.getEntries() as (PerformanceEntry & { scripts: Script[] })[])),
).observe({ type: 'long-animation-frame', buffered: true });
const since = (start: number) => longTasks.filter((t) => t.startTime >= start);
/** Prints a phase's long tasks, once the observer has had them (it hears of them a little later). */
const report = async (phase: string, start: number, end = performance.now()) => {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const tasks = since(start).filter((t) => t.startTime <= end);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(
    `${phase}: ${(end - start).toFixed(0)} ms, ${tasks.length} long task(s) over 50 ms, longest ${longest.toFixed(0)} ms`,
  );
  for (const frame of longFrames.filter((f) => f.startTime >= start && f.startTime <= end)) {
    const scripts = frame.scripts
      .filter((script) => script.duration >= 10)
      .map((script) => `${script.invoker} ${script.sourceFunctionName} ${script.duration.toFixed(0)} ms`);
    console.log(
      `  a frame of ${frame.duration.toFixed(0)} ms: ${scripts.join('; ') || 'style, layout and paint'}`,
    );
  }
};

it(`renders a chronology of ${ENTRIES.toLocaleString('en-GB')} entries`, async () => {
  // The virtualiser's ResizeObserver may report a loop (its notifications come a frame later): not an
  // error. The test runner's own handler takes ~100 ms to log one, which is not the widget's time.
  window.onerror = (message) => /ResizeObserver loop/.test(String(message));
  await doorstepReady();
  await import('/widgets/dist/sg-chronology.bundle.js' as string);
  await setViewport({ width: 1280, height: 800 });
  const lead = await tokenFor(DEMO.lead);
  const { createPerson } = await graphql<{ createPerson: { person: { id: string } } }>(
    `
      mutation ($input: CreatePersonInput!, $key: String!) {
        createPerson(input: $input, idempotencyKey: $key) {
          person {
            id
          }
        }
      }
    `,
    { input: { person: { givenName: 'Bench', familyName: 'Chronology' } }, key: crypto.randomUUID() },
    lead,
  );
  const person = createPerson.person.id;
  await sql(
    `insert into chronology_entry (organisation_id, id, kind, occurred_at, recorded_at, person_ids, source_type, source_id, summary, detail, pinned)
     select $1, gen_random_uuid(), (array['CONCERN_RAISED','CONCERN_TRIAGED','WARNING_ADDED','REFERRAL_SENT'])[1 + i % 4],
            '2010-01-01'::timestamptz + (i || ' hours')::interval, now(), array[$2]::uuid[], 'Concern', gen_random_uuid(),
            'Concern raised about the household: ' || repeat('noise and shouting reported by a neighbour ', 1 + i % 3), '{}', i % 50 = 0
       from generate_series(1, $3::int) i`,
    [ORGANISATION, person, ENTRIES],
  );
  try {
    // First paint: from the element on the page to its first entries drawn.
    let start = performance.now();
    const el = await fixture<HTMLElement>(
      html`<sg-chronology endpoint=${GATEWAY} .token=${lead} person-id=${person}></sg-chronology>`,
    );
    while (!root(el).querySelector('.list [role="listitem"]')) await frame();
    await frame();
    await report('first paint (100 entries loaded)', start);

    // Every entry loaded (50 pages), as "load all for printing" does.
    start = performance.now();
    root(el).querySelector<HTMLButtonElement>('.load-all')!.click();
    while (!root(el).querySelector('.print__status')?.textContent?.includes('All ')) await frame();
    await report(`all ${ENTRIES} loaded`, start);

    // A scroll from the first entry to the last, a screenful a frame.
    const list = root(el).querySelector<HTMLElement>('.list')!;
    list.scrollIntoView();
    start = performance.now();
    let frames = 0;
    let rendered = 0;
    while (list.scrollTop + list.clientHeight < list.scrollHeight - 1) {
      list.scrollTop += list.clientHeight;
      await frame();
      frames++;
      rendered = Math.max(rendered, root(el).querySelectorAll('.list [role="listitem"]').length);
    }
    await report(`scroll to the end (${frames} frames, at most ${rendered} entries in the DOM)`, start);
    const last = [...root(el).querySelectorAll('.list [role="listitem"]')]
      .at(-1)
      ?.getAttribute('aria-posinset');
    console.log(`last entry shown: ${last}`);

    // The same scroll over an empty box of the same height: what this machine's load alone gives.
    const box = await fixture<HTMLDivElement>(
      html`<div style="height: ${list.clientHeight}px; overflow: auto">
        <div style="height: ${list.scrollHeight}px"></div>
      </div>`,
    );
    box.scrollIntoView();
    start = performance.now();
    for (let i = 0; i < frames; i++) {
      box.scrollTop += box.clientHeight;
      await frame();
    }
    await report(`control: the same scroll over an empty box (${frames} frames)`, start);

    // Printing: every loaded entry in a plain list, rendered in the same turn.
    start = performance.now();
    window.dispatchEvent(new Event('beforeprint'));
    const printed = root(el).querySelectorAll('.print-list li').length;
    await frame();
    await report(`print list (${printed} entries)`, start);
    window.dispatchEvent(new Event('afterprint'));
  } finally {
    await sql('delete from chronology_entry where organisation_id = $1 and $2 = any(person_ids)', [
      ORGANISATION,
      person,
    ]);
  }
});

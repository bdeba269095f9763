import type { Concern, PatchHousehold } from './patch.js';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const words = (code: string) => {
  const text = code.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

const STYLE = `
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1b; }
  a { color: #0b4f8a; }
  a:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
  section { border-top: 1px solid #8a8a8a; margin-top: 1.5rem; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
  th, td { text-align: left; padding: 0.25rem 0.5rem 0.25rem 0; border-bottom: 1px solid #d0d0d0; vertical-align: top; }
  .urgent { font-weight: 700; color: #a00000; }`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Doorstep</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

function concernTable(concerns: Concern[], caption: string, headingId: string): string {
  const rows = concerns
    .map(
      (c) => `<tr>
  <th scope="row">${escape(c.reference)}</th>
  <td${c.urgency === 'URGENT' ? ' class="urgent"' : ''}>${escape(words(c.urgency))}</td>
  <td>${escape(c.categories.map(words).join(', ') || 'Not yet set')}</td>
  <td><time datetime="${escape(c.raisedAt)}">${escape(day(c.raisedAt))}</time></td>
</tr>`,
    )
    .join('\n');
  return `<div class="scroll" role="region" aria-labelledby="${headingId}" tabindex="0">
<table>
<caption>${escape(caption)}</caption>
<thead><tr><th scope="col">Reference</th><th scope="col">Urgency</th><th scope="col">Categories</th><th scope="col">Raised</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}

/** A household's concerns: a table, or a sentence when there are none or the caller may not see them. */
function concernsBlock({ concerns }: PatchHousehold, includeClosed: boolean, headingId: string): string {
  const kind = includeClosed ? 'concern' : 'open concern';
  if (concerns === null) return '<p>Concerns are shown to safeguarding leads and champions.</p>';
  if (concerns.length === 0) return `<p>No ${kind}s.</p>`;
  return concernTable(concerns, `${concerns.length} ${kind}${concerns.length === 1 ? '' : 's'}`, headingId);
}

/** The "my patch" page: every household the officer works with, and its open concerns. */
export function patchPage(patch: PatchHousehold[]): string {
  const intro =
    patch.length === 0
      ? '<p>You are not working with any households today.</p>'
      : `<p>The ${patch.length === 1 ? 'household' : `${patch.length} households`} you work with today, with their open concerns.</p>`;
  const sections = patch.map((entry) => {
    const { id, address, tenancyReference } = entry.household;
    const headingId = `household-${id}`;
    return `<section aria-labelledby="${headingId}">
<h2 id="${headingId}"><a href="/households/${encodeURIComponent(id)}">${escape(address)}</a></h2>
<p>Tenancy reference ${escape(tenancyReference)}</p>
${concernsBlock(entry, false, headingId)}
</section>`;
  });
  return page('My patch', ['<h1>My patch</h1>', intro, ...sections].join('\n'));
}

/** One household of the patch, with all its concerns, open and closed. */
export function householdPage(entry: PatchHousehold): string {
  const { address, tenancyReference } = entry.household;
  return page(
    address,
    [
      '<p><a href="/">Back to my patch</a></p>',
      `<h1 id="household">${escape(address)}</h1>`,
      `<p>Tenancy reference ${escape(tenancyReference)}</p>`,
      concernsBlock(entry, true, 'household'),
    ].join('\n'),
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escape(title)}</h1>\n<p>${escape(message)}</p>`);
}

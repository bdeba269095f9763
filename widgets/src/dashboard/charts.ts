import { html, nothing, svg, type TemplateResult } from 'lit';
import type { DashboardTranslation } from '../i18n/translation.js';
import { bands, countAxis, path, share } from './scale.js';

/*
 * The dashboard's charts as templates of plain data. Every chart is drawn for the eye only
 * (`aria-hidden`): its text summary and its data table, always in the page (visually hidden until
 * "Show as a table"), are what a screen reader reads. Nothing is told by colour alone: every bar
 * has its label and count in words, and the monthly chart's two series differ in shape (bars, a
 * line with square markers) as well as colour, with a legend saying which is which.
 */

type Words = DashboardTranslation['dashboard'];

/** One count of a chart: `value` null when withheld (fewer than 5 in a shared report). */
export interface Row {
  key: string;
  label: string;
  value: number | null;
}

/** Rows under a heading of their own (Making Safeguarding Personal: outcomes, then risk). */
export interface Group {
  label?: string;
  rows: Row[];
}

/** A month of the monthly chart: `YYYY-MM` and its counts. */
export interface Month {
  month: string;
  raised: number | null;
  openConcerns: number | null;
  openCases: number | null;
}

/** A count in words: the locale's digits, or "fewer than 5". */
export const shownCount = (value: number | null, locale: string, suppressed: string): string =>
  value === null ? suppressed : value.toLocaleString(locale);

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** `2026-04` → "April 2026" (`long`) or "Apr" (`short`). */
export function monthName(month: string, locale: string, form: 'long' | 'short'): string {
  const key = `${locale}:${form}`;
  let format = monthFormats.get(key);
  if (!format) {
    format =
      form === 'long'
        ? new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })
        : new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    monthFormats.set(key, format);
  }
  const [y, m] = month.split('-').map(Number) as [number, number];
  return format.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The rows ranked by count, highest first, withheld counts last: for a summary's "most were …". */
export const ranked = (rows: Row[]): Row[] =>
  rows.filter((r) => r.value !== 0).sort((a, b) => (b.value ?? 0.5) - (a.value ?? 0.5));

/**
 * A chart with its title, its summary, the "Show as a table" switch, and the CSV download. The
 * table stays in the page either way, for screen readers; the chart is for the eye.
 */
export function figure(options: {
  id: string;
  title: string;
  summary: string;
  words: Words;
  asTable: boolean;
  onToggle: () => void;
  visual: TemplateResult;
  table: TemplateResult;
  download?: TemplateResult | typeof nothing;
}): TemplateResult {
  const { id, words } = options;
  return html`<section class="chart" part="chart" aria-labelledby="${id}-title" data-chart=${id}>
    <h3 class="heading" id="${id}-title">${options.title}</h3>
    <p class="summary" id="${id}-summary">${options.summary}</p>
    <button
      type="button"
      class="link toggle"
      part="button"
      aria-expanded=${options.asTable ? 'true' : 'false'}
      aria-controls="${id}-table"
      @click=${options.onToggle}
    >
      ${options.asTable ? words.chart.showChart : words.chart.showTable}<span class="visually-hidden"
        >: ${options.title}</span
      >
    </button>
    <div class="visual" aria-hidden="true" ?hidden=${options.asTable}>${options.visual}</div>
    <div id="${id}-table" class=${options.asTable ? 'table-box' : 'visually-hidden'}>${options.table}</div>
    ${options.download ?? nothing}
  </section>`;
}

/** Horizontal bars, one labelled row per count, lengths relative to the largest of all groups. */
export function barChart(groups: Group[], locale: string, words: Words): TemplateResult {
  const max = Math.max(0, ...groups.flatMap((g) => g.rows.map((r) => r.value ?? 0)));
  return html`${groups.map(
    (group) =>
      html`${group.label ? html`<p class="bars__group">${group.label}</p>` : nothing}
        <ul class="bars" part="bars">
          ${group.rows.map(
            (row) =>
              html`<li class="bars__row" data-key=${row.key}>
                <span class="bars__label">${row.label}</span>
                <span class="bars__track">
                  ${
                    row.value === null
                      ? nothing
                      : html`<svg class="bars__svg" viewBox="0 0 100 1" preserveAspectRatio="none">
                          <rect class="bar" part="bar" width=${share(row.value, max)} height="1"></rect>
                        </svg>`
                  }
                  <span class="bars__value ${row.value === null ? 'bars__value--withheld' : ''}"
                    >${shownCount(row.value, locale, words.suppressed)}</span
                  >
                </span>
              </li>`,
          )}
        </ul>`,
  )}`;
}

/** The data table of bars: one row per count, a group's rows under its own header row. */
export function barTable(
  caption: string,
  heads: [string, string],
  groups: Group[],
  locale: string,
  words: Words,
): TemplateResult {
  return html`<table class="table" part="table">
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">${heads[0]}</th>
        <th scope="col" class="num">${heads[1]}</th>
      </tr>
    </thead>
    ${groups.map(
      (group) =>
        html`<tbody>
          ${
            group.label
              ? html`<tr>
                  <th scope="colgroup" colspan="2">${group.label}</th>
                </tr>`
              : nothing
          }
          ${group.rows.map(
            (row) =>
              html`<tr data-key=${row.key}>
                <th scope="row">${row.label}</th>
                <td class="num">${shownCount(row.value, locale, words.suppressed)}</td>
              </tr>`,
          )}
        </tbody>`,
    )}
  </table>`;
}

/** The months as a table: concerns raised, and concerns and cases open at each month's end. */
export function monthTable(months: Month[], locale: string, words: Words): TemplateResult {
  const w = words.byMonth;
  const cell = (n: number | null) => html`<td class="num">${shownCount(n, locale, words.suppressed)}</td>`;
  return html`<table class="table" part="table">
    <caption>
      ${w.title}
    </caption>
    <thead>
      <tr>
        <th scope="col">${w.month}</th>
        <th scope="col" class="num">${w.raised}</th>
        <th scope="col" class="num">${w.openConcerns}</th>
        <th scope="col" class="num">${w.openCases}</th>
      </tr>
    </thead>
    <tbody>
      ${months.map(
        (m) =>
          html`<tr data-key=${m.month}>
            <th scope="row">${monthName(m.month, locale, 'long')}</th>
            ${cell(m.raised)} ${cell(m.openConcerns)} ${cell(m.openCases)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/**
 * Concerns raised each month as columns, and cases open at each month's end as a line with square
 * markers, in an SVG drawn at the size it is shown (`width` and the text size `em`, in pixels), so
 * its words are as large as the page's at any zoom. Month names are thinned out, and counts over
 * the columns left out, where they would not fit: the table has every figure.
 */
export function monthChart(
  months: Month[],
  size: { width: number; em: number },
  locale: string,
  words: Words,
): TemplateResult {
  const { width, em } = size;
  const values = months.flatMap((m) => [m.raised ?? 0, m.openCases ?? 0]);
  const height = Math.round(13 * em);
  const top = 1.6 * em;
  const bottom = height - 2.8 * em;
  const y = countAxis(Math.max(...values), bottom, top);
  const left = (String(y.ticks.at(-1) ?? 0).length * 0.62 + 0.8) * em;
  const x = bands(months.length, left, width - 0.5 * em);
  const every = Math.ceil((2.6 * em) / x.step); // a month name is about 2.6em wide
  const counts = x.step >= 2.2 * em;
  const mid = (i: number) => x.at(i) + x.width / 2;
  const line = path(months.map((m, i) => [mid(i), m.openCases === null ? null : y.at(m.openCases)]));
  const mark = 0.55 * em;
  return html`<ul class="legend">
      <li>
        <svg class="legend__key" viewBox="0 0 16 16">
          <rect class="bar" x="2" y="2" width="12" height="12"></rect></svg
        >${words.byMonth.raised}
      </li>
      <li>
        <svg class="legend__key legend__key--wide" viewBox="0 0 32 16">
          <path class="line" d="M0 8H32"></path>
          <rect class="marker" x="11" y="3" width="10" height="10"></rect>
        </svg>
        ${words.byMonth.openCases}
      </li>
    </ul>
    <svg class="months" part="months" width=${width} height=${height} viewBox="0 0 ${width} ${height}">
      ${y.ticks.map(
        (tick) => svg`<g class="tick">
          <line class="grid" x1=${left} x2=${width} y1=${y.at(tick)} y2=${y.at(tick)}></line>
          <text class="axis" x=${left - 0.4 * em} y=${y.at(tick)} dy="0.35em" text-anchor="end">${tick.toLocaleString(locale)}</text>
        </g>`,
      )}
      ${months.map((m, i) => {
        const x0 = x.at(i);
        const label = i % every === 0;
        const year = label && (i === 0 || m.month.endsWith('-01'));
        return svg`<g class="month" data-month=${m.month}>
          ${m.raised ? svg`<rect class="bar" x=${x0} y=${y.at(m.raised)} width=${x.width} height=${bottom - y.at(m.raised)}></rect>` : nothing}
          ${counts && m.raised !== 0 ? svg`<text class="count" x=${mid(i)} y=${(m.raised ? y.at(m.raised) : bottom) - 0.3 * em} text-anchor="middle">${m.raised === null ? words.suppressedShort : m.raised.toLocaleString(locale)}</text>` : nothing}
          ${label ? svg`<text class="axis" x=${mid(i)} y=${bottom + 1.2 * em} text-anchor="middle">${monthName(m.month, locale, 'short')}</text>` : nothing}
          ${year ? svg`<text class="axis" x=${mid(i)} y=${bottom + 2.4 * em} text-anchor="middle">${m.month.slice(0, 4)}</text>` : nothing}
        </g>`;
      })}
      <line class="baseline" x1=${left} x2=${width} y1=${bottom} y2=${bottom}></line>
      <path class="line" d=${line}></path>
      ${months.map((m, i) =>
        m.openCases === null
          ? nothing
          : svg`<rect class="marker" x=${mid(i) - mark / 2} y=${y.at(m.openCases) - mark / 2} width=${mark} height=${mark}></rect>`,
      )}
    </svg>`;
}

import { CHRONOLOGY_KINDS, chronologyFilterSchema, parseWith, type ChronologyKind } from '@doorstep/schema';

/** The filter as the form holds it: the dates as typed. */
export interface FilterForm {
  kinds: ChronologyKind[];
  from: string;
  to: string;
  pinnedOnly: boolean;
  newestFirst: boolean;
}

export const EMPTY_FILTER: FilterForm = {
  kinds: [],
  from: '',
  to: '',
  pinnedOnly: false,
  newestFirst: false,
};

/** The filter as the gateway takes it (`ChronologyFilterInput`): blanks left out. */
export interface Filter {
  kinds?: ChronologyKind[];
  from?: string;
  to?: string;
  pinnedOnly: boolean;
  newestFirst: boolean;
}

/** Why the form's filter cannot be used, by field: a date that is not one, or a range the wrong way round. */
export type FilterProblem = 'invalidDate' | 'reversed';

/** The form's fields, read from its `FormData`. */
export function filterFormOf(data: FormData): FilterForm {
  const kinds = data.getAll('kinds').map(String);
  return {
    kinds: CHRONOLOGY_KINDS.filter((kind) => kinds.includes(kind)),
    from: String(data.get('from') ?? '').trim(),
    to: String(data.get('to') ?? '').trim(),
    pinnedOnly: data.has('pinnedOnly'),
    newestFirst: data.has('newestFirst'),
  };
}

/**
 * Checks the form's filter with the gateway's own schema (`chronologyFilterSchema`): the filter to
 * send, or a problem per date field. A date that is a real date but before `from` is `reversed`.
 */
export function checkFilter(
  form: FilterForm,
): { ok: true; filter: Filter } | { ok: false; problems: Partial<Record<'from' | 'to', FilterProblem>> } {
  const filter: Filter = { pinnedOnly: form.pinnedOnly, newestFirst: form.newestFirst };
  if (form.kinds.length) filter.kinds = form.kinds;
  if (form.from) filter.from = form.from;
  if (form.to) filter.to = form.to;
  const result = parseWith(chronologyFilterSchema, filter);
  if (result.ok) return { ok: true, filter };
  const problems: Partial<Record<'from' | 'to', FilterProblem>> = {};
  const bad = new Set(result.errors.map((e) => e.field));
  if (bad.has('from')) problems.from = 'invalidDate';
  if (bad.has('to')) {
    // The date alone is fine: the message is the range's.
    const alone = parseWith(chronologyFilterSchema, { to: form.to });
    problems.to = alone.ok && !bad.has('from') ? 'reversed' : 'invalidDate';
  }
  return { ok: false, problems };
}

/** Whether a filter narrows anything (an empty result then says "no entries match"). */
export const narrows = (filter: Filter): boolean =>
  !!(filter.kinds?.length || filter.from || filter.to || filter.pinnedOnly);

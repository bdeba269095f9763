import { isoDate, londonDateOf, parseWith, reportPeriodSchema } from '@doorstep/schema';
import { PRESETS, presetPeriod, type Period, type Preset } from './periods.js';

/** The period as the picker holds it: the preset chosen (or `custom`) and the dates as typed. */
export interface PeriodForm {
  preset: Preset | 'custom';
  from: string;
  to: string;
  localAuthorityArea: string;
  teamId: string;
}

/** The fields a period can be refused for, by the picker or the gateway. */
export type PeriodField = 'from' | 'to' | 'localAuthorityArea' | 'teamId';

/** Why, in the words' keys (`t.dashboard.period.errors`). */
export type PeriodProblem = 'invalidDate' | 'reversed' | 'future' | 'tooLong' | 'unknownArea' | 'unknownTeam';

export type Problems = Partial<Record<PeriodField, PeriodProblem>>;

/** What the gateway takes (`ReportPeriodInput`): blanks left out. */
export interface PeriodInput extends Period {
  localAuthorityArea?: string;
  teamId?: string;
  shared?: boolean;
}

/** The picker on a preset, on `today` (UK). */
export function formFor(preset: Preset, today = londonDateOf()): PeriodForm {
  return { preset, ...presetPeriod(preset, today), localAuthorityArea: '', teamId: '' };
}

/** The preset named by the `period` attribute, or this financial year. */
export const presetNamed = (name: string | undefined): Preset =>
  PRESETS.find((p) => p === name) ?? 'thisYear';

const realDate = (value: string) => parseWith(isoDate(), value).ok;

/**
 * Why a field of the period was refused (by the schema here, or by the gateway): worked out from
 * the dates themselves, so the words do not depend on the schema's English messages.
 */
export function problemOf(field: string, form: PeriodForm): [PeriodField, PeriodProblem] | undefined {
  if (field === 'localAuthorityArea') return [field, 'unknownArea'];
  if (field === 'teamId') return [field, 'unknownTeam'];
  if (field === 'from') return [field, realDate(form.from) ? 'future' : 'invalidDate'];
  if (field === 'to') {
    if (!realDate(form.to)) return [field, 'invalidDate'];
    return [field, realDate(form.from) && form.to < form.from ? 'reversed' : 'tooLong'];
  }
  return undefined;
}

/** Problems by field, from the fields the schema or the gateway named. */
export function problemsOf(fields: string[], form: PeriodForm): Problems {
  const problems: Problems = {};
  for (const field of fields) {
    const problem = problemOf(field, form);
    if (problem) problems[problem[0]] ??= problem[1];
  }
  return problems;
}

/**
 * Checks the picker's period with the gateway's own schema (`reportPeriodSchema`): the input to
 * send, or a problem per field. Nothing that would be refused is sent.
 */
export function checkPeriod(
  form: PeriodForm,
  shared: boolean,
): { ok: true; input: PeriodInput } | { ok: false; problems: Problems } {
  const input: PeriodInput = { from: form.from.trim(), to: form.to.trim() };
  if (form.localAuthorityArea) input.localAuthorityArea = form.localAuthorityArea;
  if (form.teamId) input.teamId = form.teamId;
  if (shared) input.shared = true;
  const result = parseWith(reportPeriodSchema, input);
  if (result.ok) return { ok: true, input };
  return {
    ok: false,
    problems: problemsOf(
      result.errors.map((e) => e.field),
      { ...form, ...input },
    ),
  };
}

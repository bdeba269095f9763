import type { FieldError } from '@doorstep/schema';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import { listOf, textOf } from '../internal/answers.js';
import { errorSummary, summaryList, type SummaryRow } from '../internal/fields.js';
import { plural } from '../internal/localize.js';
import type { Receipt } from '../internal/outbox.js';
import { draftRestored, requestFailed } from '../internal/panels.js';
import type { Storage } from '../internal/submission.js';
import {
  NAMED,
  namedCount,
  namedField,
  fieldsOf,
  questionOf,
  readConcernInput,
  shownErrors,
  stepOf,
  stepsFor,
  type Answers,
  type Mode,
  type NamedDetail,
  type StepId,
} from './concern-input.js';
import type { HouseholdFinder } from './finder.js';
import { asked, FOLLOW_UPS, optionLabel, question, questions } from './questions.js';

// The concern form's steps and panels: pure functions of what the element holds (`StepContext`),
// so the element keeps only its state and what it does. The questions are in questions.ts.

export type Phase = 'form' | 'sending' | 'queued' | 'sent';
export type Notice = { type: 'sent'; reference: string } | { type: 'refused' };
/** The gateway's answer to raiseConcern / raisePublicConcern. */
export type ConcernReceipt = Receipt & { reference: string; receivedAt?: string | undefined };

/** Everything the templates read, and the element's handlers they call. */
export interface StepContext {
  t: Translation;
  locale: string;
  mode: Mode;
  answers: Answers;
  step: StepId;
  phase: Phase;
  /** Errors from the schema or the gateway. */
  errors: readonly FieldError[] | undefined;
  /** The code of a failed request other than invalid input. */
  failure: string | undefined;
  /** The answers came back from a draft. */
  restored: boolean;
  notices: readonly Notice[];
  waiting: number;
  storage: Storage;
  finder: HouseholdFinder;
  /** The element's shadow root. */
  root: ParentNode;
  goTo: (step: StepId, field?: string) => void;
  /** The control an error summary link for `field` moves focus to. */
  targetFor: (field: string) => string;
  /** Shows a question and focuses its control (an error summary link). */
  follow: (id: string) => void;
  onSubmit: (event: SubmitEvent) => void;
  onInput: (event: Event) => void;
  addPerson: () => void;
  removePerson: (index: number) => void;
  startAgain: () => void;
  another: () => void;
}

/** How many concerns wait to be sent, and which were sent: always in the page, so changes are announced. */
export function statusLine(ctx: StepContext): TemplateResult {
  const { t } = ctx;
  const q = t.concernForm.queued;
  return html`<div class="status" part="status" role="status">
    ${ctx.notices.map(
      (notice) =>
        html`<p class="status__line">${notice.type === 'sent' ? q.sent(notice.reference) : q.refused}</p>`,
    )}
    ${ctx.waiting > 0 ? html`<p class="status__line">${plural(q.waiting, ctx.waiting, t.$code)}</p>` : nothing}
  </div>`;
}

/** One step of the form: its questions (or "check your answers"), errors, notices and buttons. */
export function stepForm(ctx: StepContext): TemplateResult {
  const { t, locale } = ctx;
  const f = t.concernForm;
  const steps = stepsFor(ctx.mode, ctx.answers);
  const index = Math.max(0, steps.indexOf(ctx.step));
  const onCheck = ctx.step === 'check';
  const here = new Set(
    onCheck ? steps.flatMap((step) => fieldsOf(ctx.mode, step)) : fieldsOf(ctx.mode, ctx.step),
  );
  const shown = (ctx.errors ? shownErrors(ctx.errors, ctx.answers, t, locale, ctx.mode) : []).filter(
    (e) => !e.field || here.has(questionOf(e.field)),
  );
  const errorFor = (field: string) => (onCheck ? undefined : shown.find((e) => e.field === field)?.message);
  const danger = ctx.answers.urgency === 'IMMEDIATE_DANGER';
  const sending = ctx.phase === 'sending';

  return html`<form
    novalidate
    aria-busy=${sending ? 'true' : 'false'}
    @submit=${ctx.onSubmit}
    @input=${ctx.onInput}
    @change=${ctx.onInput}
  >
    <div class="warning ${danger ? 'warning--emphasised' : ''}" part="warning">
      <span class="warning__icon" aria-hidden="true">!</span>
      <strong class="warning__text">
        <span class="visually-hidden">${t.warningPrefix}</span> ${f.emergency.notice}
      </strong>
    </div>
    ${
      shown.length
        ? errorSummary({
            title: f.errorSummaryTitle,
            items: shown.map((e) => ({
              message: summaryMessage(ctx, e.field, e.message),
              target: e.field && ctx.targetFor(e.field),
            })),
            onFollow: (target) => ctx.follow(target),
          })
        : nothing
    }
    ${ctx.failure ? requestFailed(ctx.t.concernForm.requestFailed, ctx.failure) : nothing}
    ${ctx.restored ? draftRestored(f.draft, ctx.startAgain) : nothing}
    ${
      index > 0
        ? html`<button
            type="button"
            class="link back"
            part="back"
            @click=${() => ctx.goTo(steps[index - 1]!)}
          >
            ${f.back}
          </button>`
        : nothing
    }
    <p class="caption">${f.stepOf(index + 1, steps.length)}</p>
    ${
      ctx.step === 'urgency'
        ? nothing
        : html`<h2 class="step-heading" part="step-heading" tabindex="-1">${f.steps[ctx.step]}</h2>`
    }
    ${onCheck ? checkAnswers(ctx, steps) : questions(ctx, errorFor)}
    <button
      class="button"
      part="button"
      type="submit"
      ?disabled=${sending}
      aria-busy=${sending ? 'true' : 'false'}
    >
      ${onCheck ? (sending ? f.sending : f.submit) : f.continue}
    </button>
  </form>`;
}

/** In the error summary, a detail of someone added by name says which person it is about. */
export function summaryMessage(ctx: StepContext, field: string | undefined, message: string): string {
  const index = /^namedPeople\.(\d+)\./.exec(field ?? '')?.[1];
  if (index === undefined) return message;
  return `${ctx.t.concernForm.finder.named.person(Number(index) + 1)}: ${message}`;
}

/** "Check your answers": every question asked, its answer, and a way back to change it. */
export function checkAnswers(ctx: StepContext, steps: StepId[]): TemplateResult {
  const { t, locale } = ctx;
  const f = t.concernForm;
  const answer = (field: string): string => {
    if (field === 'mentalCapacityConcern') return listOf(ctx.answers, field).includes('true') ? t.yes : t.no;
    if (field === 'happenedAt') {
      const iso = readConcernInput(ctx.answers).happenedAt;
      const date = iso ? new Date(iso) : undefined;
      return date && !Number.isNaN(date.getTime())
        ? date.toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' })
        : '';
    }
    if (field === 'primaryCategory') {
      return optionLabel(
        ctx,
        'categories',
        textOf(ctx.answers, field) || listOf(ctx.answers, 'categories')[0]!,
      );
    }
    const values = [
      ...listOf(ctx.answers, field),
      ...(textOf(ctx.answers, field) ? [textOf(ctx.answers, field).trim()] : []),
    ];
    return question(ctx, field).options
      ? values.map((value) => optionLabel(ctx, field, value)).join(', ')
      : values.join(', ');
  };
  const rows: SummaryRow[] = steps
    .flatMap((step) => fieldsOf(ctx.mode, step))
    .filter((field) => asked(ctx.answers, field))
    .flatMap((field) =>
      field === NAMED
        ? namedRows(ctx)
        : [
            {
              key: question(ctx, field).label,
              value: answer(field) || f.check.notGiven,
              change: f.check.change,
              onChange: () =>
                ctx.goTo(stepOf(ctx.mode, field)!, FOLLOW_UPS.includes(field) ? undefined : field),
            },
          ],
    );
  return html`<p>${f.check.intro}</p>
    ${summaryList(rows)}`;
}

/** "Check your answers": one row for each person added by name (none when nobody was added). */
export function namedRows(ctx: StepContext): SummaryRow[] {
  const { t, locale } = ctx;
  const n = t.concernForm.finder.named;
  return Array.from({ length: namedCount(ctx.answers) }, (_, index) => {
    const at = (detail: NamedDetail) => textOf(ctx.answers, namedField(index, detail)).trim();
    const role = at('role') as keyof typeof n.role.options;
    const born = at('dateOfBirth') && new Date(`${at('dateOfBirth')}T00:00:00Z`);
    const value = [
      at('name') || t.concernForm.check.notGiven,
      n.role.options[role]?.label,
      born && !Number.isNaN(born.getTime()) ? n.born(born, locale) : '',
      at('description'),
    ].filter(Boolean);
    return {
      key: n.person(index + 1),
      value: value.join('. '),
      change: t.concernForm.check.change,
      onChange: () => ctx.goTo('who', namedField(index, 'name')),
    };
  });
}

/** Shown when the concern could not be sent now and waits in the outbox. */
export function queuedPanel(ctx: StepContext): TemplateResult {
  const { t } = ctx;
  const q = t.concernForm.queued;
  const device = ctx.storage === 'device';
  // Not the connection: the page is not one the organisation lists, so it waits for them to add it.
  const body = ctx.failure === 'FORBIDDEN_ORIGIN' ? q.pageNotSetUp : device ? q.deviceBody : q.memoryBody;
  return html`<div class="queued" part="queued">
    <h2 class="queued__title" tabindex="-1">${device ? q.deviceTitle : q.memoryTitle}</h2>
    ${body.map((line) => html`<p>${line}</p>`)}
    <button class="button button--secondary" type="button" @click=${ctx.another}>
      ${t.concernForm.confirmation.another}
    </button>
  </div>`;
}

/** Shown once the gateway has the concern: its reference and what happens next. */
export function confirmationPanel(ctx: StepContext, received: ConcernReceipt): TemplateResult {
  const { t, locale } = ctx;
  const c = t.concernForm.confirmation;
  const at = received.receivedAt ? new Date(received.receivedAt) : undefined;
  return html`<div class="confirmation" part="confirmation">
    <div class="confirmation__panel">
      <h2 class="confirmation__title" part="confirmation-title" tabindex="-1">${c.title}</h2>
      <span class="confirmation__reference-label">${c.referenceLabel}</span>
      <strong class="confirmation__reference" part="reference">${received.reference}</strong>
    </div>
    ${at && !Number.isNaN(at.getTime()) ? html`<p>${c.receivedAt(at, locale)}</p>` : nothing}
    <h3>${c.nextStepsTitle}</h3>
    ${(ctx.mode === 'public' ? t.concernForm.public.nextSteps : c.nextSteps).map((step) => html`<p>${step}</p>`)}
    <button class="button button--secondary" type="button" @click=${ctx.another}>${c.another}</button>
  </div>`;
}

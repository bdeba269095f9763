import type { SelfAssessmentRoundComparisonQuery } from '@doorstep/client';
import {
  selfAssessmentMovement,
  type SelfAssessmentQuestionId,
  type SelfAssessmentStatus,
} from '@doorstep/schema';
import { html, nothing, type TemplateResult } from 'lit';
import type { SelfAssessmentTranslation } from '../i18n/translation.js';
import { textInput } from '../internal/fields.js';
import { plural } from '../internal/localize.js';

/** The round shown: the open one, else the newest (signed off); null: the organisation has none. */
export type RoundView = SelfAssessmentRoundComparisonQuery['selfAssessmentRoundComparison'];
type Round = NonNullable<RoundView>['round'];

/** Where the lead is in opening or signing off a round, and what the gateway said. */
export interface RoundStep {
  step: 'idle' | 'confirm' | 'busy';
  name: string;
  nameError?: string | undefined;
  /** An error code from opening or signing off. */
  failure?: string | undefined;
  /** The questions the gateway said are not answered, when it refused the sign-off. */
  refused?: readonly string[] | undefined;
  /** What was just done, said once. */
  done?: string | undefined;
}

export interface RoundPanel {
  t: SelfAssessmentTranslation;
  locale: string;
  view: RoundView;
  step: RoundStep;
  readOnly: boolean;
  /** The questions without an answer saved in the open round. */
  unanswered: readonly SelfAssessmentQuestionId[];
  onOpen: (event: Event) => void;
  onSignOff: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onGoTo: (id: string) => void;
}

/** The round open now, if one is. */
export const openRound = (view: RoundView): Round | undefined =>
  view && !view.round.signedOffAt ? view.round : undefined;

const questionList = (ids: readonly string[], p: RoundPanel) =>
  html`<ul class="round__questions">
    ${ids.map(
      (id) =>
        html`<li>
          <button type="button" class="link" @click=${() => p.onGoTo(id)}>
            ${p.t.selfAssessment.rounds.question(id)}
          </button>
        </li>`,
    )}
  </ul>`;

/** The round: the open one with its sign-off step, or the offer to open one. */
export function roundPanel(p: RoundPanel): TemplateResult {
  const r = p.t.selfAssessment.rounds;
  const open = openRound(p.view);
  const { step } = p;
  const failure = step.failure ? (r.failed[step.failure] ?? r.failed.other) : undefined;
  return html`<section class="round" part="round" aria-labelledby="round-title">
    <h3 class="round__title" id="round-title">${r.title}</h3>
    ${step.done ? html`<p class="notice" role="status">${step.done}</p>` : nothing}
    ${failure ? html`<p class="error-message" role="alert" part="error">${failure}</p>` : nothing}
    ${open ? openPanel(p, open) : closedPanel(p)}
  </section>`;
}

function openPanel(p: RoundPanel, open: Round): TemplateResult {
  const r = p.t.selfAssessment.rounds;
  const previous = p.view?.previousRound;
  const { step } = p;
  return html`<p>${r.open(open.name, new Date(open.openedAt), open.openedBy, p.locale)}</p>
    <p>
      ${
        previous?.signedOffAt
          ? r.comparedWith(previous.name, new Date(previous.signedOffAt), p.locale)
          : r.firstRound
      }
    </p>
    ${
      p.unanswered.length
        ? html`<p>${plural(r.unanswered, p.unanswered.length, p.locale)}</p>
            ${questionList(p.unanswered, p)}`
        : html`<p>${r.allAnswered}</p>`
    }
    ${
      step.refused
        ? html`<div class="round__refused" role="alert" tabindex="-1">
            <p><strong>${r.refused}</strong></p>
            ${questionList(step.refused, p)}
          </div>`
        : nothing
    }
    ${
      p.readOnly
        ? nothing
        : step.step === 'idle'
          ? html`<button type="button" class="button" part="button" @click=${p.onSignOff}>
              ${r.signOff}
            </button>`
          : html`<div class="round__confirm" role="group" aria-labelledby="confirm-title" tabindex="-1">
              <h4 class="round__title" id="confirm-title">${r.confirmTitle(open.name)}</h4>
              <p>${r.confirmBody}</p>
              <div class="compare__actions">
                <button
                  type="button"
                  class="button"
                  part="button"
                  ?disabled=${step.step === 'busy'}
                  @click=${p.onConfirm}
                >
                  ${r.confirm}
                </button>
                <button type="button" class="button button--secondary" part="button" @click=${p.onCancel}>
                  ${r.cancel}
                </button>
              </div>
            </div>`
    }`;
}

function closedPanel(p: RoundPanel): TemplateResult {
  const { t, locale, step } = p;
  const r = t.selfAssessment.rounds;
  const last = p.view?.round;
  return html`<p>${r.noneOpen}</p>
    ${
      last?.signedOffAt
        ? html`<p>${r.lastSignedOff(last.name, new Date(last.signedOffAt), last.signedOffBy, locale)}</p>`
        : nothing
    }
    ${
      p.readOnly
        ? nothing
        : html`<form class="round__open" novalidate @submit=${p.onOpen}>
            ${textInput({
              name: 'roundName',
              label: r.name.label,
              hint: r.name.hint,
              error: step.nameError,
              value: step.name,
              errorPrefix: t.errorPrefix,
            })}
            <button class="button" part="button" type="submit" ?disabled=${step.step === 'busy'}>
              ${r.openButton}
            </button>
          </form>`
    }`;
}

/**
 * Beside a question in an open round: the last round's answer and how this round's moved from it,
 * in words (never colour alone).
 */
export function lastRoundLine(
  t: SelfAssessmentTranslation,
  view: RoundView,
  id: string,
  now: SelfAssessmentStatus | undefined,
): TemplateResult | typeof nothing {
  const previousRound = view?.previousRound;
  if (!openRound(view) || !previousRound) return nothing;
  const s = t.selfAssessment;
  const then = view.rows.find((row) => row.question.id === id)?.previous;
  const movement = selfAssessmentMovement(now, then?.status);
  return html`<p class="movement" part="movement">
    <strong>${s.rounds.lastRound(previousRound.name)}:</strong>
    ${then ? s.status.options[then.status] : s.compare.notAnswered}.
    <span class="tag tag--${movement.toLowerCase()}">${s.rounds.movement[movement]}</span>
  </p>`;
}

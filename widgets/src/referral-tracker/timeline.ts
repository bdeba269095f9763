import type { TrackerReferralQuery } from '@doorstep/client';
import { html, nothing, type TemplateResult } from 'lit';
import type { ReferralTrackerTranslation } from '../i18n/translation.js';
import { formatMoment } from '../internal/datetime.js';

type Referral = TrackerReferralQuery['referral'];
type Move = Referral['moves'][number];
type Message = Referral['messages'][number];

/** One entry of a referral's timeline: its sending, a move, or a message. */
export type TimelineEntry =
  | { kind: 'sent'; at: string }
  | { kind: 'move'; at: string; move: Move }
  | { kind: 'message'; at: string; message: Message };

/**
 * A referral's timeline: its sending, then its moves and the messages of both sides interleaved in
 * the order they happened (the gateway gives moves and messages apart, each oldest first).
 */
export function timelineOf(referral: Referral): TimelineEntry[] {
  return [
    { kind: 'sent' as const, at: referral.sentAt },
    ...referral.moves.map((move) => ({ kind: 'move' as const, at: move.at, move })),
    ...referral.messages.map((message) => ({ kind: 'message' as const, at: message.sentAt, message })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The timeline as a list: when, then what and who (and from which side), with the reason or outcome. */
export function timelineTemplate(
  referral: Referral,
  t: ReferralTrackerTranslation['referralTracker'],
  locale: string,
): TemplateResult {
  const d = t.detail;
  const side = (byAgency: boolean) => (byAgency ? referral.recipient : referral.sender);
  const body = (entry: TimelineEntry) => {
    if (entry.kind === 'sent') return html`<p class="entry__what">${d.sentBy(referral.sender)}</p>`;
    if (entry.kind === 'message') {
      const m = entry.message;
      return html`<p class="entry__what">${d.message(m.byName, side(m.byAgency))}</p>
        <p class="pre">${m.body}</p>`;
    }
    const m = entry.move;
    return html`<p class="entry__what">${d.moved(t.statuses[m.to], m.byName, side(m.byAgency))}</p>
      ${m.reason ? html`<p><span class="entry__label">${d.reasonLabel}:</span> ${m.reason}</p>` : nothing}
      ${
        m.outcome
          ? html`<p>
              <span class="entry__label">${d.outcomeLabel}:</span>
              ${d.outcomes[m.outcome]}${m.outcomeDetail ? html` — ${m.outcomeDetail}` : nothing}
            </p>`
          : nothing
      }`;
  };
  return html`<ol class="list" part="timeline">
    ${timelineOf(referral).map(
      (entry) =>
        html`<li class="entry entry--${entry.kind}" part="entry">
          <p class="secondary">
            <time datetime=${entry.at}>${formatMoment(new Date(entry.at), locale)}</time>
          </p>
          ${body(entry)}
        </li>`,
    )}
  </ol>`;
}

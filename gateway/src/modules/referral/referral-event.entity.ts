import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { REFERRAL_STATUSES, type ReferralStatus } from '@doorstep/schema';
import { Organisation } from '../organisation/organisation.entity.js';
import { Referral } from './referral.entity.js';

export const REFERRAL_EVENT_KINDS = ['SENT', 'MOVED', 'MESSAGE'] as const;
/** SENT: a new referral reached the agency; MOVED: it moved through its lifecycle; MESSAGE: a new message. */
export type ReferralEventKind = (typeof REFERRAL_EVENT_KINDS)[number];

/**
 * The log of what happened to referrals, one row per change, written in the change's own
 * transaction (referral-events.ts). Ids and states only, never what was shared or written: whoever
 * hears of an event reads the referral through the API, under their own access. `id` is the
 * position in the log, numbered in commit order, so "every event after the last one I saw" misses
 * nothing: live subscriptions resume from it and webhooks deliver from it. Kept with the referral
 * (the sender's organisation); both organisations read it.
 */
/** The agency reads its events after a position (the sender reads by the primary key). */
@Index({ properties: ['recipientOrganisation', 'id'] })
@Entity({ tableName: 'referral_event' })
export class ReferralEvent {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'at';

  /** The sending organisation (the referral's). */
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  /** The position in the log (a bigint, as a string), given by the database at insert. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Referral, { fieldNames: ['organisation_id', 'referral_id'] })
  referral!: Rel<Referral>;

  /** The agency the referral was sent to: its officers hear of the event too. */
  @ManyToOne(() => Organisation)
  recipientOrganisation!: Rel<Organisation>;

  @Enum({ items: () => [...REFERRAL_EVENT_KINDS] })
  kind!: ReferralEventKind;

  /** The referral's status and version after the change. */
  @Enum({ items: () => [...REFERRAL_STATUSES] })
  status!: ReferralStatus;

  @Property({ type: 'integer' })
  version!: number;

  /** The organisation of whoever made the change. */
  @ManyToOne(() => Organisation)
  byOrganisation!: Rel<Organisation>;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();
}

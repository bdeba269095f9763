import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Organisation } from '../organisation/organisation.entity.js';

/**
 * Where an organisation's systems want to hear of its referral events (webhooks.ts): an address
 * and the secret each delivery is signed with. The secret is made by Doorstep and shown once; the
 * application's database role may write it but never read it back (the migration grants it the
 * other columns only), so only the dispatcher, on the owner's connection, signs with it.
 */
@ObjectType({ description: 'An address your systems receive signed referral events at (a webhook)' })
@Access(Permission.WebhookAdminister)
@Entity({ tableName: 'webhook_endpoint' })
export class WebhookEndpoint {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'rotatedAt' | 'previousSecretUntil' | 'removedAt';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'The https address events are POSTed to' })
  @Property({ type: 'text' })
  url!: string;

  /** Never read by the application role (lazy: not selected); written by SQL in webhooks.ts. */
  @Property({ type: 'text', nullable: true, lazy: true })
  secret?: string | null;

  /** After a rotation, the secret before it, still signed with until `previousSecretUntil`. */
  @Property({ type: 'text', nullable: true, lazy: true })
  previousSecret?: string | null;

  @Field(() => Date, {
    name: 'previousSecretValidUntil',
    nullable: true,
    description: 'After a rotation: until when deliveries carry a signature with the old secret too',
  })
  @Property({ type: 'timestamptz', nullable: true })
  previousSecretUntil?: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When its secret was last replaced' })
  @Property({ type: 'timestamptz', nullable: true })
  rotatedAt?: Date | null = null;

  /** Removed endpoints are kept for their delivery log; nothing more is sent to them. */
  @Property({ type: 'timestamptz', nullable: true })
  removedAt?: Date | null = null;
}

export const WEBHOOK_DELIVERY_STATES = ['PENDING', 'DELIVERED', 'FAILED', 'CANCELLED'] as const;
/**
 * PENDING: to be sent (again) at `nextAttemptAt`; DELIVERED: a 2xx answer; FAILED: given up after
 * the last attempt; CANCELLED: its endpoint was removed first.
 */
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/**
 * The transactional outbox: one row per referral event and endpoint, written in the event's own
 * transaction by `doorstep_queue_webhooks` (the migration's security definer function), so an event
 * is queued exactly when it commits. Kept in the endpoint's organisation's rows. `payload` is the
 * JSON body: ids and states only. A dispatcher claims a row by setting `leaseUntil`: another takes
 * it only once the lease has run out (its claimant was killed mid-delivery).
 */
@Index({
  name: 'webhook_delivery_due_index',
  expression:
    'create index "webhook_delivery_due_index" on "webhook_delivery" ("next_attempt_at") where "state" = \'PENDING\'',
})
@Unique({ properties: ['organisation', 'endpoint', 'eventId'] })
@Entity({ tableName: 'webhook_delivery' })
export class WebhookDelivery {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'attempts' | 'state' | 'leaseUntil' | 'deliveredAt';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WebhookEndpoint, { fieldNames: ['organisation_id', 'endpoint_id'] })
  endpoint!: Rel<WebhookEndpoint>;

  /** The referral event's position (`referral_event.id`): `Doorstep-Event-Id`. */
  @Property({ type: 'bigint' })
  eventId!: string;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Enum({ items: () => [...WEBHOOK_DELIVERY_STATES] })
  state: WebhookDeliveryState = 'PENDING';

  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  leaseUntil?: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null = null;
}

/**
 * The delivery log: one row per attempt to deliver an event to an endpoint. Ids, codes, times and
 * durations only.
 */
@ObjectType({ description: 'One attempt to deliver an event to one of your webhook endpoints' })
@Access(Permission.WebhookAdminister)
@Index({ properties: ['organisation', 'endpoint', 'id'] })
@Entity({ tableName: 'webhook_attempt' })
export class WebhookAttempt {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'at';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  /** Numbered by the database, in the order attempts end: the log's cursor. */
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => WebhookDelivery, { fieldNames: ['organisation_id', 'delivery_id'] })
  delivery!: Rel<WebhookDelivery>;

  @ManyToOne(() => WebhookEndpoint, { fieldNames: ['organisation_id', 'endpoint_id'] })
  endpoint!: Rel<WebhookEndpoint>;

  @Field(() => ID, { description: 'The endpoint it was sent to' })
  get endpointId(): string {
    return this.endpoint.id;
  }

  @Field(() => ID, { description: 'The event (its Doorstep-Event-Id)' })
  @Property({ type: 'bigint' })
  eventId!: string;

  @Field({ description: 'e.g. referral.sent, referral.moved, referral.message' })
  @Property({ type: 'text' })
  eventType!: string;

  @Field(() => Int, { description: '1 for the first attempt at this event, 2 for the first retry…' })
  @Property({ type: 'integer' })
  attempt!: number;

  @Field(() => Date, { description: 'When the attempt started' })
  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Field(() => Int, { nullable: true, description: 'The HTTP status your endpoint answered with' })
  @Property({ type: 'integer', nullable: true })
  httpStatus?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why no answer was read: TIMEOUT, REFUSED_ADDRESS, or a network error code (ECONNREFUSED…)',
  })
  @Property({ type: 'text', nullable: true })
  errorCode?: string | null;

  @Field(() => Int, { description: 'How long it took, in milliseconds' })
  @Property({ type: 'integer' })
  durationMs!: number;

  @Field({ description: 'True if your endpoint answered 2xx: the event was delivered' })
  @Property({ type: 'boolean' })
  ok!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'When it will be tried again (none: delivered, or given up after the last attempt)',
  })
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;
}

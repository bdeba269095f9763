import {
  ArrayType,
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
import { CHRONOLOGY_KINDS, type ChronologyKind } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ChronologyKindEnum } from '../../common/enums.js';
import { Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';

/**
 * One event in the chronology of the people (`personIds`) and the household it concerns: a concern
 * raised, a triage decision, a warning change, and (later) referral transitions, case notes and
 * contacts. Written by the service that makes the event, in the same transaction, through
 * `recordChronology`; `sourceType`/`sourceId` name the record behind it. A person's chronology is
 * every entry naming them; a household's is every entry naming it, and every entry naming someone
 * while they lived there (Think Family).
 */
@ObjectType({ description: 'One event in a person’s or household’s chronology' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'chronology_entry' })
@Index({ properties: ['household', 'occurredAt', 'id'] })
@Index({ properties: ['sourceType', 'sourceId'] })
@Index({
  name: 'chronology_entry_person_ids_gin',
  expression: 'create index "chronology_entry_person_ids_gin" on "chronology_entry" using gin ("person_ids")',
})
export class ChronologyEntry {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'recordedAt' | 'pinned' | 'personIds' | 'detail' | 'householdId';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ChronologyKindEnum)
  @Enum({ items: () => [...CHRONOLOGY_KINDS] })
  kind!: ChronologyKind;

  @Field(() => Date, { description: 'When it happened' })
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Field(() => Date, { description: 'When it was recorded' })
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();

  @ManyToOne(() => Household, {
    fieldNames: ['organisation_id', 'household_id'],
    nullable: true,
    deleteRule: 'set null (household_id)',
  })
  household?: Rel<Household> | null = null;

  /** The people the event is about. */
  @Field(() => [ID])
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  personIds: string[] = [];

  @Field({ description: 'The kind of record behind the entry (Concern, Warning, …)' })
  @Property({ type: 'text' })
  sourceType!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  sourceId!: string;

  @Field({ description: 'One line: what happened' })
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => GraphQLJSONObject, { description: 'The event’s particulars (decision, reasons, levels …)' })
  @Property({ type: 'jsonb' })
  detail: Record<string, unknown> = {};

  @ManyToOne(() => User, { nullable: true })
  recordedBy?: Rel<User> | null = null;

  @Field({ description: 'A key event' })
  @Property({ type: 'boolean' })
  pinned: boolean = false;

  @ManyToOne(() => User, { nullable: true })
  pinnedBy?: Rel<User> | null = null;

  @Field(() => ID, { nullable: true })
  get householdId(): string | null {
    return this.household?.id ?? null;
  }
}

import type { HouseholdRole, RelationshipType, VulnerabilityFactor } from '@doorstep/schema';
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { HouseholdRoleEnum, RelationshipTypeEnum, VulnerabilityFactorEnum } from '../../common/enums.js';
import { Person } from './person.entity.js';

/** Rules in `personInputSchema` (@doorstep/schema). No "child" field: it is derived from the date of birth. */
@InputType()
export class PersonInput {
  @Field()
  givenName!: string;

  @Field()
  familyName!: string;

  @Field(() => [String], { nullable: true })
  otherNames?: string[] | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true })
  pronouns?: string | null;

  @Field(() => String, { nullable: true })
  preferredLanguage?: string | null;

  @Field(() => String, { nullable: true })
  communicationNeeds?: string | null;

  @Field(() => Boolean, { nullable: true })
  interpreterNeeded?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Needed when an interpreter is (else the preferred language); ignored when interpreterNeeded is false, as a form ignores a hidden follow-up',
  })
  interpreterLanguage?: string | null;

  @Field(() => [VulnerabilityFactorEnum], { nullable: true })
  vulnerabilityFactors?: VulnerabilityFactor[] | null;

  @Field(() => String, { nullable: true })
  advocate?: string | null;
}

@InputType({ description: 'Put a new person straight into a household' })
export class JoinHouseholdInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => HouseholdRoleEnum)
  role!: HouseholdRole;

  @Field({ description: 'YYYY-MM-DD' })
  joinedOn!: string;
}

@InputType()
export class CreatePersonInput {
  @Field(() => PersonInput)
  person!: PersonInput;

  @Field(() => JoinHouseholdInput, { nullable: true })
  household?: JoinHouseholdInput | null;
}

/** `type` is what the related person is to the person: {A, B, CHILD} = B is A's child. */
@InputType()
export class RelationshipInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  relatedPersonId!: string;

  @Field(() => RelationshipTypeEnum, { description: 'What the related person is to the person' })
  type!: RelationshipType;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ReasonInput {
  @Field()
  reason!: string;
}

@InputType()
export class MergePeopleInput {
  @Field(() => ID, { description: 'The record to keep' })
  survivorId!: string;

  @Field(() => ID, { description: 'The record merged into it, kept as a tombstone' })
  mergedId!: string;

  @Field({ description: 'Why these are the same person' })
  reason!: string;
}

@ObjectType({ description: 'Someone who may be the same person, with a score from 0 to 1' })
@Access(Permission.Envelope)
export class DuplicateCandidate {
  @Field(() => Person)
  person!: Person;

  @Field(() => Float)
  score!: number;

  @Field(() => [String], { description: 'NAME_SIMILAR, SAME_DATE_OF_BIRTH, SAME_HOUSEHOLD' })
  reasons!: string[];
}

@ObjectType({ description: 'The new person, and people already known who may be the same' })
@Access(Permission.Envelope)
export class CreatePersonResult {
  @Field(() => Person)
  person!: Person;

  @Field(() => [DuplicateCandidate])
  possibleDuplicates!: DuplicateCandidate[];
}

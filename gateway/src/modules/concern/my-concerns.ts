import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ChildrenPresentEnum, ConcernUrgencyEnum, SelfConsentEnum } from '../../common/enums.js';
import { Connection, newestFirst, type ConnectionShape } from '../../common/pagination.js';
import type { Caller } from '../../context.js';
import { audit } from '../audit/audit.service.js';
import { Concern } from './concern.entity.js';

/**
 * A concern as the tenant who raised it sent it: their own words and answers, the reference and
 * when it was received. Nothing the safeguarding team added (triage, people, household, notes).
 */
@ObjectType({ description: 'A concern you sent, as you sent it' })
@Access(Permission.ConcernOwn)
export class SubmittedConcern {
  /** The organisation and the tenant's reference, for the access rule; not fields of the API. */
  organisationId!: string;
  reporterTenantRef!: string;

  @Field({ description: 'Your reference number, e.g. SG-2026-000123' })
  reference!: string;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => ConcernUrgencyEnum)
  urgency!: Concern['urgency'];

  @Field({ description: 'Whether it was about you' })
  aboutSelf!: boolean;

  @Field()
  subjectDescription!: string;

  @Field()
  location!: string;

  @Field()
  whatHappened!: string;

  @Field(() => Date, { nullable: true })
  happenedAt!: Date | null;

  @Field(() => ChildrenPresentEnum)
  childrenPresent!: Concern['childrenPresent'];

  @Field(() => String, { nullable: true, description: 'What you said you want to happen' })
  views!: string | null;

  @Field(() => SelfConsentEnum, { nullable: true, description: 'Whether you agreed to it being shared' })
  consent!: 'GIVEN' | 'REFUSED' | null;
}

@ObjectType()
@Access(Permission.Envelope)
export class SubmittedConcernConnection extends Connection(SubmittedConcern, 'SubmittedConcern') {}

const asSent = (c: Concern): SubmittedConcern => ({
  organisationId: c.organisation.id,
  reporterTenantRef: c.reporterTenantRef!,
  reference: c.reference,
  receivedAt: c.raisedAt,
  urgency: c.urgency,
  aboutSelf: c.aboutSelf,
  subjectDescription: c.subjectDescription,
  location: c.location,
  whatHappened: c.whatHappened,
  happenedAt: c.happenedAt ?? null,
  childrenPresent: c.childrenPresent,
  views: c.aboutSelf ? (c.views ?? null) : null,
  consent:
    c.aboutSelf && (c.consentStatus === 'GIVEN' || c.consentStatus === 'REFUSED') ? c.consentStatus : null,
});

/** The concerns the signed-in tenant sent through their landlord's tenant site, newest first. */
export async function listMyConcerns(
  em: EntityManager,
  caller: Caller,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<SubmittedConcern>> {
  const identity = caller.identity;
  if (identity.kind !== 'tenant')
    return { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
  const where = { organisation: identity.organisationId, reporterTenantRef: identity.tenantRef };
  const page = await newestFirst(em, Concern, where, 'raisedAt', args);
  if (page.edges.length) {
    audit(
      em,
      caller,
      'READ',
      'Concern',
      page.edges.map((e) => e.node.id),
    );
    await em.flush();
  }
  return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: asSent(e.node) })) };
}

import { Arg, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Connection } from '../../common/pagination.js';
import { callerOf, type Context } from '../../context.js';
import { AuditActionEnum, AuditEvent, type AuditAction } from './audit-event.entity.js';
import { listAuditEvents } from './audit.service.js';

@ObjectType()
@Access(Permission.Envelope)
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}

@InputType({ description: 'Narrow the audit trail. Every filter is optional.' })
export class AuditEventFilter {
  @Field(() => [AuditActionEnum], { nullable: true })
  actions?: AuditAction[] | null;

  @Field(() => String, { nullable: true, description: 'e.g. Concern, Person, Household' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true })
  entityId?: string | null;

  @Field(() => ID, { nullable: true })
  actorUserId?: string | null;

  @Field(() => String, { nullable: true })
  requestId?: string | null;

  @Field(() => Date, { nullable: true })
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  to?: Date | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Access(Permission.AuditRead)
  @Query(() => AuditEventConnection, {
    description:
      'Your organisation’s audit trail, newest first. For auditors; your own reading of it is audited too.',
  })
  auditEvents(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listAuditEvents(ctx.em, callerOf(ctx), filter ?? {}, {
      first: first ?? null,
      after: after ?? null,
    });
  }
}

import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Connection } from '../../common/pagination.js';
import { callerOf, type Context } from '../../context.js';
import {
  AccessGrant,
  GrantKindEnum,
  GrantSubjectEnum,
  type GrantKind,
  type GrantSubject,
} from './access-grant.entity.js';
import { breakGlass, grantAccess, listAccessGrants, revokeAccessGrant } from './access-grant.service.js';

@ObjectType()
@Access(Permission.Envelope)
export class AccessGrantConnection extends Connection(AccessGrant, 'AccessGrant') {}

@InputType()
export class BreakGlassInput {
  @Field(() => GrantSubjectEnum)
  subjectType!: GrantSubject;

  @Field(() => ID)
  subjectId!: string;

  @Field({ description: 'Why you need it now. Read by your safeguarding lead.' })
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'How long for: 15 to 240 minutes (default 60)' })
  minutes?: number | null;
}

@InputType()
export class GrantAccessInput {
  @Field(() => ID, { description: 'The member of staff to give access to' })
  userId!: string;

  @Field(() => GrantSubjectEnum)
  subjectType!: GrantSubject;

  @Field(() => ID)
  subjectId!: string;

  @Field()
  reason!: string;

  @Field(() => Int, { nullable: true, description: '1 to 90 days (default 30)' })
  days?: number | null;
}

@Resolver(() => AccessGrant)
export class AccessResolver {
  @Access(Permission.BreakGlass)
  @Mutation(() => AccessGrant, {
    description:
      'Emergency access to a person or household you would not otherwise see, for a short time. ' +
      'Needs a reason; your safeguarding leads are told at once and it is in the audit trail.',
  })
  breakGlass(@Arg('input', () => BreakGlassInput) input: BreakGlassInput, @Ctx() ctx: Context) {
    return breakGlass(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.GrantAccess)
  @Mutation(() => AccessGrant, { description: 'Give a member of staff access to a restricted record' })
  grantAccess(@Arg('input', () => GrantAccessInput) input: GrantAccessInput, @Ctx() ctx: Context) {
    return grantAccess(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.GrantAccess)
  @Mutation(() => AccessGrant, { description: 'End a grant or a break-glass now' })
  revokeAccessGrant(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return revokeAccessGrant(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.GrantAccess)
  @Query(() => AccessGrantConnection, {
    description: 'Your organisation’s access grants and break-glass uses, newest first',
  })
  accessGrants(
    @Ctx() ctx: Context,
    @Arg('kind', () => GrantKindEnum, { nullable: true }) kind?: GrantKind,
    @Arg('activeOnly', () => Boolean, { nullable: true }) activeOnly?: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listAccessGrants(ctx.em, callerOf(ctx), { kind, activeOnly, first, after });
  }
}

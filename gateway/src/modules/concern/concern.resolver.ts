import { Arg, Authorized, Ctx, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Permission } from '../../auth/permissions.js';
import { Connection } from '../../common/pagination.js';
import type { Context } from '../../context.js';
import { Concern } from './concern.entity.js';
import { RaiseConcernInput, RaiseConcernPayload } from './concern.inputs.js';
import { getConcern, listConcerns, raiseConcern } from './concern.service.js';

@ObjectType()
export class ConcernConnection extends Connection(Concern, 'Concern') {}

/** `@Authorized` guarantees an identity, so `ctx.identity!` below is safe. */
function caller(ctx: Context) {
  return { identity: ctx.identity!, requestId: ctx.requestId };
}

@Resolver(() => Concern)
export class ConcernResolver {
  @Authorized(Permission.ConcernRaise)
  @Mutation(() => RaiseConcernPayload, {
    description: 'Raise a safeguarding concern. Returns only its reference.',
  })
  raiseConcern(@Arg('input', () => RaiseConcernInput) input: RaiseConcernInput, @Ctx() ctx: Context) {
    return raiseConcern(ctx.em, caller(ctx), input);
  }

  @Authorized(Permission.ConcernRead)
  @Query(() => Concern, { description: 'One concern of your organisation' })
  concern(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getConcern(ctx.em, caller(ctx), id);
  }

  @Authorized(Permission.ConcernRead)
  @Query(() => ConcernConnection, { description: 'Your organisation’s concerns, newest first' })
  concerns(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listConcerns(ctx.em, caller(ctx), { first: first ?? null, after: after ?? null });
  }
}

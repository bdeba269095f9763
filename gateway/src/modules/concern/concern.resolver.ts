import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Connection } from '../../common/pagination.js';
import { callerOf, type Context } from '../../context.js';
import { Concern } from './concern.entity.js';
import { ConcernReceipt, PublicConcernInput, RaiseConcernInput } from './concern.inputs.js';
import { getConcern, listConcerns, raiseConcern, raisePublicConcern } from './concern.service.js';

@ObjectType()
@Access(Permission.Envelope)
export class ConcernConnection extends Connection(Concern, 'Concern') {}

@ObjectType({ description: 'Proof that a concern from a public or tenant form was received' })
@Access(Permission.Envelope)
export class PublicConcernReceipt {
  @Field({ description: 'Human-readable reference, e.g. SG-2026-000123' })
  reference!: string;
}

const KEY_HELP =
  'A key you generate for this submission (a UUID is good). Sending again with the same key and the ' +
  'same input returns the first answer and records nothing new, so retries after a lost answer are safe.';

@Resolver(() => Concern)
export class ConcernResolver {
  @Access(Permission.ConcernRaise)
  @Mutation(() => ConcernReceipt, {
    description: 'Raise a safeguarding concern as staff or a contractor. Returns only its reference.',
  })
  raiseConcern(
    @Arg('idempotencyKey', () => String, { description: KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => RaiseConcernInput) input: RaiseConcernInput,
    @Ctx() ctx: Context,
  ) {
    return raiseConcern(ctx.em, callerOf(ctx), idempotencyKey, input);
  }

  @Access(Permission.ConcernRaisePublic)
  @Mutation(() => PublicConcernReceipt, {
    description:
      'Raise a concern from a public form (public token) or a tenant site (tenant widget token). ' +
      'Rate-limited per token and per address.',
  })
  raisePublicConcern(
    @Arg('idempotencyKey', () => String, { description: KEY_HELP }) idempotencyKey: string,
    @Arg('input', () => PublicConcernInput) input: PublicConcernInput,
    @Ctx() ctx: Context,
  ) {
    return raisePublicConcern(
      ctx.em,
      callerOf(ctx),
      ctx.config.publicLimits,
      ctx.clientAddress,
      idempotencyKey,
      input,
    );
  }

  @Access(Permission.ConcernRead)
  @Query(() => Concern, { description: 'One concern of your organisation' })
  concern(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getConcern(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.ConcernRead)
  @Query(() => ConcernConnection, { description: 'Your organisation’s concerns, newest first' })
  concerns(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listConcerns(ctx.em, callerOf(ctx), { first: first ?? null, after: after ?? null });
  }
}

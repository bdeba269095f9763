import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Connection } from '../../common/pagination.js';
import { callerOf, type Context } from '../../context.js';
import { audit } from '../audit/audit.service.js';
import { WebhookAttempt, WebhookEndpoint } from './webhook.entity.js';
import {
  addWebhookEndpoint,
  listWebhookAttempts,
  listWebhookEndpoints,
  removeWebhookEndpoint,
  rotateWebhookSecret,
  type EndpointWithSecret,
} from './webhooks.service.js';

@ObjectType({ description: 'A webhook endpoint with its signing secret: the only time the secret is shown' })
@Access(Permission.Envelope)
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({
    description:
      'The secret deliveries are signed with (HMAC-SHA256). Keep it in your secret store: it is not shown again',
  })
  secret!: string;
}

@ObjectType()
@Access(Permission.Envelope)
export class WebhookAttemptConnection extends Connection(WebhookAttempt, 'WebhookAttempt') {}

@Resolver(() => WebhookEndpoint)
export class WebhookResolver {
  @Access(Permission.WebhookAdminister)
  @Query(() => [WebhookEndpoint], { description: 'Your organisation’s webhook endpoints (administrators)' })
  webhookEndpoints(@Ctx() ctx: Context) {
    return listWebhookEndpoints(ctx.em, callerOf(ctx).identity.organisationId);
  }

  @Access(Permission.WebhookAdminister)
  @Mutation(() => WebhookEndpointSecret, {
    description:
      'Add an https address to receive your referral events, signed; answers the new secret, once (administrators)',
  })
  async addWebhookEndpoint(@Arg('url', () => String) url: string, @Ctx() ctx: Context) {
    const caller = callerOf(ctx);
    const made = await addWebhookEndpoint(
      ctx.em,
      caller.identity.organisationId,
      url,
      !ctx.config.webhooks.allowLocalHttp,
    );
    return recorded(ctx, made, 'CREATE');
  }

  @Access(Permission.WebhookAdminister)
  @Mutation(() => WebhookEndpointSecret, {
    description:
      'Replace an endpoint’s secret; answers the new one, once. Deliveries carry a signature with the old one too for 24 hours',
  })
  async rotateWebhookSecret(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const made = await rotateWebhookSecret(ctx.em, callerOf(ctx).identity.organisationId, id);
    return recorded(ctx, made, 'UPDATE');
  }

  @Access(Permission.WebhookAdminister)
  @Mutation(() => WebhookEndpoint, {
    description: 'Stop sending events to an endpoint and forget its secret; its delivery log is kept',
  })
  async removeWebhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const caller = callerOf(ctx);
    const endpoint = await removeWebhookEndpoint(ctx.em, caller.identity.organisationId, id);
    audit(ctx.em, caller, 'UPDATE', 'WebhookEndpoint', [endpoint.id]);
    await ctx.em.flush();
    return endpoint;
  }

  @Access(Permission.WebhookAdminister)
  @Query(() => WebhookAttemptConnection, {
    description:
      'The webhook delivery log, newest attempt first: each attempt’s time, HTTP status or error code and duration (administrators)',
  })
  async webhookDeliveryLog(
    @Ctx() ctx: Context,
    @Arg('endpointId', () => ID, { nullable: true, description: 'Only attempts to this endpoint' })
    endpointId?: string,
    @Arg('failed', () => Boolean, {
      nullable: true,
      description: 'true: only failed attempts; false: only successful ones',
    })
    failed?: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    const caller = callerOf(ctx);
    const page = await listWebhookAttempts(
      ctx.em,
      caller.identity.organisationId,
      { endpointId: endpointId ?? null, failed: failed ?? null },
      { first: first ?? null, after: after ?? null },
    );
    audit(ctx.em, caller, 'READ', 'WebhookDeliveryLog', []);
    await ctx.em.flush();
    return page;
  }
}

async function recorded(ctx: Context, made: EndpointWithSecret, action: 'CREATE' | 'UPDATE') {
  audit(ctx.em, callerOf(ctx), action, 'WebhookEndpoint', [made.endpoint.id]);
  await ctx.em.flush();
  return made;
}

import { Arg, Ctx, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Connection } from '../../common/pagination.js';
import { callerOf, type Context } from '../../context.js';
import { Notification } from './notification.entity.js';
import { listNotifications, markRead } from './notification.service.js';

@ObjectType()
@Access(Permission.Envelope)
export class NotificationConnection extends Connection(Notification, 'Notification') {}

@Resolver(() => Notification)
export class NotificationResolver {
  @Access(Permission.NotificationRead)
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first' })
  notifications(
    @Ctx() ctx: Context,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return listNotifications(ctx.em, callerOf(ctx), { unreadOnly, first, after });
  }

  @Access(Permission.NotificationRead)
  @Mutation(() => Int, { description: 'Mark your notifications read. Returns how many changed.' })
  markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    return markRead(ctx.em, callerOf(ctx), ids);
  }
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One fixed window's count of requests for one key (see `rate-limit.ts`). Old windows are purged. */
@Entity({ tableName: 'rate_limit_window' })
export class RateLimitWindow {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @PrimaryKey({ type: 'timestamptz' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  hits!: number;
}

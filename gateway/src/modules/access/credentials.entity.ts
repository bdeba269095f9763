import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisation/organisation.entity.js';

/**
 * A housing provider's own OpenID Connect sign-in. Tokens whose `iss` is `issuer` are checked
 * against the keys at `jwksUri` and must name `audience`; their `sub` is matched to
 * `app_user.external_subject` in the provider's organisation.
 */
@Entity({ tableName: 'identity_provider' })
export class IdentityProvider {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  organisation!: Rel<Organisation>;

  @Property({ type: 'text', unique: true })
  issuer!: string;

  @Property({ type: 'text' })
  jwksUri!: string;

  @Property({ type: 'text' })
  audience!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

/**
 * A key a portal's back end uses to exchange its signed-in user for a short-lived widget token.
 * Only a SHA-256 digest of the secret part is kept; the key is shown once, when it is made.
 */
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  organisation!: Rel<Organisation>;

  /** The public first part of the key (`dsk_<prefix>_…`), to find it without a scan. */
  @Property({ type: 'text', unique: true })
  prefix!: string;

  @Property({ type: 'text' })
  secretHash!: string;

  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null = null;
}

/**
 * An organisation's public token: embedded in public pages (tenant feedback, public concern form),
 * it can submit those and nothing else. Revoked here, not by expiry.
 */
@Entity({ tableName: 'public_token' })
@Index({ properties: ['organisation'] })
export class PublicToken {
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  organisation!: Rel<Organisation>;

  @Property({ type: 'text' })
  label!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null = null;
}

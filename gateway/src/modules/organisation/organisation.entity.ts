import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { AGENCY_TYPES, ORGANISATION_KINDS, type AgencyType, type OrganisationKind } from '@doorstep/schema';

/** A housing provider or a partner agency. Every organisation-owned row points at one. */
@Entity({ tableName: 'organisation' })
export class Organisation {
  [OptionalProps]?: 'createdAt' | 'allowedOrigins';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => [...ORGANISATION_KINDS] })
  kind!: OrganisationKind;

  @Enum({ items: () => [...AGENCY_TYPES], nullable: true })
  agencyType?: AgencyType | null;

  /** Web origins (`https://portal.example.org`) whose pages may call the API with this organisation's tokens. */
  @Property({ type: 'text[]' })
  allowedOrigins: string[] = [];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

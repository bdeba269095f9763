import { IdempotencyRecord } from '../common/idempotency.entity.js';
import { RateLimitWindow } from '../common/rate-limit.entity.js';
import { AccessGrant } from '../modules/access/access-grant.entity.js';
import { ApiKey, IdentityProvider, PublicToken } from '../modules/access/credentials.entity.js';
import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { Notification } from '../modules/notification/notification.entity.js';
import { ConcernReferenceCounter } from '../modules/concern/concern-reference.entity.js';
import { Concern } from '../modules/concern/concern.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { User } from '../modules/organisation/user.entity.js';

/** Every entity, listed: no folder scanning, so the same code runs from tsc output and under vitest. */
export const entities = [
  Organisation,
  User,
  IdentityProvider,
  ApiKey,
  PublicToken,
  AccessGrant,
  Concern,
  ConcernReferenceCounter,
  AuditEvent,
  Notification,
  IdempotencyRecord,
  RateLimitWindow,
];

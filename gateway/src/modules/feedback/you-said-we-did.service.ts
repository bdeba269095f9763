import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { youSaidWeDidInputSchema } from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import { isUuid, newestFirst, type ConnectionShape } from '../../common/pagination.js';
import { staffOf, type Caller } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { YouSaidWeDid } from './feedback.entity.js';

/** Publishes a "you said, we did" answer for the organisation's tenants and the public. Audited. */
export async function publishYouSaidWeDid(
  em: EntityManager,
  caller: Caller,
  raw: unknown,
): Promise<YouSaidWeDid> {
  const input = parseInput(youSaidWeDidInputSchema, raw);
  const identity = staffOf(caller);
  return em.transactional(async (tx) => {
    const entry = tx.create(YouSaidWeDid, {
      organisation: tx.getReference(Organisation, identity.organisationId),
      youSaid: input.youSaid,
      weDid: input.weDid,
      principle: input.principle ?? null,
      publishedBy: tx.getReference(User, identity.userId),
    });
    audit(tx, caller, 'CREATE', 'YouSaidWeDid', [entry.id]);
    await tx.flush();
    return entry;
  });
}

/**
 * Withdraws a published answer: it is kept, and no longer shown. Withdrawing it again changes
 * nothing. Another organisation's, or no such answer, is "not found". Audited.
 */
export async function withdrawYouSaidWeDid(
  em: EntityManager,
  caller: Caller,
  id: string,
): Promise<YouSaidWeDid> {
  const identity = staffOf(caller);
  return em.transactional(async (tx) => {
    const entry = isUuid(id)
      ? await tx.findOne(
          YouSaidWeDid,
          { id, organisation: identity.organisationId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : null;
    if (!entry) throw new NotFoundError('You said, we did');
    if (!entry.withdrawnAt) {
      entry.withdrawnAt = new Date();
      entry.withdrawnBy = tx.getReference(User, identity.userId);
      audit(tx, caller, 'UPDATE', 'YouSaidWeDid', [entry.id]);
      await tx.flush();
    }
    return entry;
  });
}

/** The organisation's published answers (not withdrawn), newest first. Public: not audited. */
export function listYouSaidWeDid(
  em: EntityManager,
  caller: Caller,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<YouSaidWeDid>> {
  return newestFirst(
    em,
    YouSaidWeDid,
    { organisation: caller.identity.organisationId, withdrawnAt: null },
    'publishedAt',
    args,
  );
}

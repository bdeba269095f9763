import type { Role } from '@doorstep/schema';

/** Who is asking: taken from a verified token, never from the request body. */
export interface Identity {
  userId: string;
  organisationId: string;
  roles: readonly Role[];
}

import { z } from 'zod';

/** What an auditor may filter the audit trail by. Every filter is optional. */
export const auditFilterSchema = z
  .object({
    actions: z
      .array(z.enum(['READ', 'CREATE', 'UPDATE', 'SHARE', 'EXPORT', 'BREAK_GLASS', 'GRANT']))
      .max(7)
      .optional(),
    entityType: z.string().trim().min(1).max(100).optional(),
    entityId: z.uuid({ error: 'Must be a record id' }).optional(),
    actorUserId: z.uuid({ error: 'Must be a user id' }).optional(),
    requestId: z.string().trim().min(1).max(100).optional(),
    from: z.date().optional(),
    to: z.date().optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: 'From must be before to', path: ['from'] });

export type AuditFilter = z.input<typeof auditFilterSchema>;

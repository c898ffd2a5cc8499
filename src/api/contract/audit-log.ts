import { z } from 'zod';
import { defineOperation } from './define';

export const auditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number(), headHash: z.string() }),
  z.object({ ok: z.literal(false), rows: z.number(), brokenAt: z.number(), reason: z.string() }),
]);

export const auditLogOps = {
  'auditLog.list': defineOperation({
    summary: 'Audit log entries, newest first.',
    input: z.object({
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number(), entries: z.array(auditEntrySchema) }),
  }),
  'auditLog.verify': defineOperation({
    summary: 'Check the hash chain of the audit log.',
    input: z.object({}),
    output: auditVerificationSchema,
  }),
} as const;

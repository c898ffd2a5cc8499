import { listAudit, verifyAuditLog } from '../../workspace/audit-log';
import type { auditLogOps } from '../contract/audit-log';
import type { HandlersOf } from './types';

export const auditLogHandlers: HandlersOf<typeof auditLogOps> = {
  'auditLog.list': (input, session) => listAudit(session.requireWorkspace().db, input),
  'auditLog.verify': (_input, session) => verifyAuditLog(session.requireWorkspace().db),
};

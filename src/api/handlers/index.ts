import { assessHandlers } from './assess';
import { auditLogHandlers } from './audit-log';
import { controlHandlers } from './controls';
import { jobHandlers } from './jobs';
import { reportHandlers } from './report';
import { ruleHandlers } from './rules';
import { scopeHandlers } from './scope';
import { triageHandlers } from './triage';
import type { Handlers } from './types';
import { workspaceHandlers } from './workspace';

/** One table for every front door; the type makes a missing handler a compile error. */
export const handlers: Handlers = {
  ...workspaceHandlers,
  ...auditLogHandlers,
  ...jobHandlers,
  ...assessHandlers,
  ...reportHandlers,
  ...triageHandlers,
  ...controlHandlers,
  ...ruleHandlers,
  ...scopeHandlers,
};

import { readScope } from '../../assess/read-models/scope';
import type { scopeOps } from '../contract/scope';
import type { HandlersOf } from './types';

/** scope.get reads the scope read model the CLI summary and the report read too. */
export const scopeHandlers: HandlersOf<typeof scopeOps> = {
  'scope.get': (input, session) => readScope(session.requireWorkspace(), input.runId),
};

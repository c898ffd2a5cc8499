import { recordTriage, triageHistory } from '../../triage/triage';
import type { triageOps } from '../contract/triage';
import type { HandlersOf } from './types';

export const triageHandlers: HandlersOf<typeof triageOps> = {
  'finding.triage': (input, session) => recordTriage(session.requireWorkspace(), input),
  'finding.triageHistory': (input, session) => triageHistory(session.requireWorkspace(), input.findingKey),
};

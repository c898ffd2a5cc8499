import { ListGraphsCommand, ListInvitationsCommand } from '@aws-sdk/client-detective';
import { awsOperation } from '../../../kit';

/**
 * Detective's calls: the behavior graphs the account administers in the region (ListGraphs) and the
 * graphs it belongs to as a member (ListInvitations, whose Status ENABLED means its data flows into
 * the administrator's graph). No investigation, entity or indicator is read.
 */
export const ops = {
  listGraphs: awsOperation(ListGraphsCommand, 'detective:ListGraphs'),
  listInvitations: awsOperation(ListInvitationsCommand, 'detective:ListInvitations'),
};

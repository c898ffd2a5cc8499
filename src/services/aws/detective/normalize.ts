import type { MemberDetail } from '@aws-sdk/client-detective';
import type { DetectiveProperties } from './resource';

/**
 * Pure conversions from Detective answers (API reference "ListGraphs": GraphList [{ Arn, CreatedTime }];
 * "ListInvitations": Invitations [MemberDetail { GraphArn, AdministratorId, Status, … }]). Where
 * Detective is not enabled, ListGraphs answers an empty GraphList, not an error.
 */

export function behaviorGraphsArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:detective:${region}:${accountId}:behavior-graphs`;
}

export function regionName(region: string, accountId: string): string {
  return `${region} of account ${accountId}`;
}

type Membership = NonNullable<DetectiveProperties['memberships']>[number];

export function membershipFrom(detail: MemberDetail): Membership | null {
  if (!detail.GraphArn) return null;
  return {
    graphArn: detail.GraphArn,
    administratorId: detail.AdministratorId ?? detail.MasterId ?? null,
    status: detail.Status ?? 'UNKNOWN',
  };
}

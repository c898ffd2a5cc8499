import { DetectiveServiceException } from '@aws-sdk/client-detective';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * Detective in a scenario: per account, the behavior graphs it administers (one per region) and its
 * memberships in other accounts' graphs. Answers follow the API reference (REST-JSON):
 * ListGraphs and ListInvitations (POST, MaxResults 1–200, NextToken) answer GraphList [{ Arn,
 * CreatedTime }] and Invitations [{ AccountId, GraphArn, AdministratorId, MasterId, Status, InvitedTime,
 * UpdatedTime }]; where Detective is not enabled the lists are empty; a bad value is ValidationException.
 */

const graphId = z.string().regex(/^[a-f0-9]{32}$/, 'must be a behavior graph id: 32 hexadecimal digits');

const scenarioGraph = z.strictObject({
  region: awsRegion,
  graphId,
  createdAt: isoTime.default('2023-05-08T12:00:00Z'),
});

const scenarioMembership = z.strictObject({
  region: awsRegion,
  administratorAccountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  graphId,
  status: z
    .enum(['INVITED', 'VERIFICATION_IN_PROGRESS', 'VERIFICATION_FAILED', 'ENABLED', 'ACCEPTED_BUT_DISABLED'])
    .default('ENABLED'),
  invitedAt: isoTime.default('2023-05-09T09:00:00Z'),
});

const account = {
  detectiveGraphs: z.array(scenarioGraph).default([]),
  detectiveMemberships: z.array(scenarioMembership).default([]),
};
const organisation = {};

type ScenarioGraph = z.output<typeof scenarioGraph>;
type ScenarioMembership = z.output<typeof scenarioMembership>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const detectiveError = (name: string, status: number, message: string): Error =>
  awsServiceError(DetectiveServiceException, name, status, message);

const graphArn = (partition: string, region: string, accountId: string, id: string) =>
  `arn:${partition}:detective:${region}:${accountId}:graph:${id}`;

function pageOf<T>(call: Call, items: readonly T[]): { page: T[]; next: string | undefined } {
  const max = call.input.MaxResults ?? 200;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 200)
    throw detectiveError(
      'ValidationException',
      400,
      `1 validation error detected: Value '${String(max)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 200`,
    );
  return awsPage(items, call.input.NextToken, Math.min(max, call.pageSize), () =>
    detectiveError('ValidationException', 400, 'The provided NextToken is not valid.'),
  );
}

function listGraphs(call: Call): object {
  const { partition, accountId } = call.account;
  const graphs = call.account.detectiveGraphs.filter((each) => each.region === call.region);
  const { page, next } = pageOf(call, graphs);
  return {
    GraphList: page.map((graph) => ({
      Arn: graphArn(partition, graph.region, accountId, graph.graphId),
      CreatedTime: new Date(graph.createdAt),
    })),
    ...(next ? { NextToken: next } : {}),
  };
}

function listInvitations(call: Call): object {
  const { partition, accountId } = call.account;
  const memberships = call.account.detectiveMemberships.filter((each) => each.region === call.region);
  const { page, next } = pageOf(call, memberships);
  return {
    Invitations: page.map((membership) => ({
      AccountId: accountId,
      EmailAddress: `aws+${accountId}@example.invalid`,
      GraphArn: graphArn(partition, membership.region, membership.administratorAccountId, membership.graphId),
      AdministratorId: membership.administratorAccountId,
      MasterId: membership.administratorAccountId,
      Status: membership.status,
      InvitationType: 'INVITATION',
      InvitedTime: new Date(membership.invitedAt),
      UpdatedTime: new Date(membership.invitedAt),
    })),
    ...(next ? { NextToken: next } : {}),
  };
}

function checkDetective(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const regions = new Map<string, number>();
    (each.detectiveGraphs as ScenarioGraph[]).forEach((graph, g) => {
      const path = ['aws', 'accounts', a, 'detectiveGraphs', g, 'region'];
      if (!each.regions.includes(graph.region))
        issue(path, `${graph.region} is not one of the account's regions (${each.regions.join(', ')})`);
      const previous = regions.get(graph.region);
      if (previous !== undefined)
        issue(
          path,
          `an account administers one behavior graph per region: ${graph.region} is already detectiveGraphs[${previous}]`,
        );
      regions.set(graph.region, g);
    });
    (each.detectiveMemberships as ScenarioMembership[]).forEach((membership, m) => {
      const path = ['aws', 'accounts', a, 'detectiveMemberships', m];
      if (!each.regions.includes(membership.region))
        issue(
          [...path, 'region'],
          `${membership.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      if (membership.administratorAccountId === each.accountId)
        issue([...path, 'administratorAccountId'], 'an account is not a member of its own behavior graph');
    });
  });
}

export const detectiveSim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkDetective,
  error: detectiveError,
  faults: (operation) => ({
    access_denied: {
      name: 'AccessDeniedException',
      status: 403,
      message: `User is not authorized to perform: detective:${operation}`,
    },
  }),
  answers: { ListGraphs: listGraphs, ListInvitations: listInvitations },
  demo,
  generate({ regions, random }) {
    return {
      detectiveGraphs: regions
        .filter(() => random.chance(0.4))
        .map((region) => ({ region, graphId: `${random.hex(16)}${random.hex(16)}` })),
    };
  },
};

import { Macie2ServiceException } from '@aws-sdk/client-macie2';
import { z } from 'zod';
import {
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
 * Macie in a scenario: the regions where each account has a Macie session. GetMacieSession (GET
 * /macie, API reference "Macie session") answers createdAt, findingPublishingFrequency, serviceRole,
 * status (ENABLED | PAUSED) and updatedAt; where Macie is not enabled it answers
 * AccessDeniedException (403) "Macie is not enabled" — the code IAM refusals use too.
 */

const scenarioSession = z.strictObject({
  region: awsRegion,
  status: z.enum(['ENABLED', 'PAUSED']).default('ENABLED'),
  findingPublishingFrequency: z.enum(['FIFTEEN_MINUTES', 'ONE_HOUR', 'SIX_HOURS']).default('SIX_HOURS'),
  createdAt: isoTime.default('2023-09-04T08:00:00Z'),
});

const account = { macieSessions: z.array(scenarioSession).default([]) };
const organisation = {};

type ScenarioSession = z.output<typeof scenarioSession>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const macieError = (name: string, status: number, message: string): Error =>
  awsServiceError(Macie2ServiceException, name, status, message);

function getMacieSession(call: Call): object {
  const session = call.account.macieSessions.find((each) => each.region === call.region);
  if (!session) throw macieError('AccessDeniedException', 403, 'Macie is not enabled');
  const { partition, accountId } = call.account;
  return {
    createdAt: new Date(session.createdAt),
    findingPublishingFrequency: session.findingPublishingFrequency,
    serviceRole: `arn:${partition}:iam::${accountId}:role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie`,
    status: session.status,
    updatedAt: new Date('2026-10-20T07:45:00Z'),
  };
}

function checkSessions(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const seen = new Map<string, number>();
    (each.macieSessions as ScenarioSession[]).forEach((session, s) => {
      const path = ['aws', 'accounts', a, 'macieSessions', s, 'region'];
      if (!each.regions.includes(session.region))
        issue(path, `${session.region} is not one of the account's regions (${each.regions.join(', ')})`);
      const previous = seen.get(session.region);
      if (previous !== undefined)
        issue(
          path,
          `an account has one Macie session per region: ${session.region} is already macieSessions[${previous}]`,
        );
      seen.set(session.region, s);
    });
  });
}

export const macieSim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkSessions,
  error: macieError,
  faults: {
    access_denied: {
      name: 'AccessDeniedException',
      status: 403,
      message: 'User is not authorized to perform: macie2:GetMacieSession',
    },
  },
  answers: { GetMacieSession: getMacieSession },
  demo,
  generate({ regions, random }) {
    return {
      macieSessions: regions
        .filter(() => random.chance(0.5))
        .map((region) => ({ region, status: random.chance(0.9) ? 'ENABLED' : 'PAUSED' })),
    };
  },
};

import { SecurityHubServiceException } from '@aws-sdk/client-securityhub';
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
 * Security Hub in a scenario: the regions where each account is subscribed, with their standards.
 * Answers follow the API reference (REST-JSON):
 * - DescribeHub: { HubArn, SubscribedAt, AutoEnableControls, ControlFindingGenerator }; where the account
 *   is not subscribed, InvalidAccessException (HTTP 401) "Account <id> is not subscribed to AWS Security
 *   Hub"; a HubArn of another account or region is InvalidInputException.
 * - GetEnabledStandards: MaxResults 1–100, NextToken; { StandardsSubscriptions: [{ StandardsSubscriptionArn,
 *   StandardsArn, StandardsInput, StandardsStatus, StandardsControlsUpdatable }] }; not subscribed →
 *   InvalidAccessException as above.
 */

const standardIds = {
  fsbp: 'standards/aws-foundational-security-best-practices/v/1.0.0',
  'cis-1.4': 'standards/cis-aws-foundations-benchmark/v/1.4.0',
  'cis-1.2': 'ruleset/cis-aws-foundations-benchmark/v/1.2.0',
  'nist-800-53': 'standards/nist-800-53/v/5.0.0',
  'pci-dss': 'standards/pci-dss/v/3.2.1',
} as const;
type StandardKey = keyof typeof standardIds;

const scenarioHub = z.strictObject({
  region: awsRegion,
  subscribedAt: isoTime.default('2023-06-12T10:00:00Z'),
  autoEnableControls: z.boolean().default(true),
  controlFindingGenerator: z.enum(['SECURITY_CONTROL', 'STANDARD_CONTROL']).default('SECURITY_CONTROL'),
  standards: z
    .array(
      z.strictObject({
        standard: z.enum(Object.keys(standardIds) as [StandardKey, ...StandardKey[]]),
        status: z.enum(['PENDING', 'READY', 'FAILED', 'DELETING', 'INCOMPLETE']).default('READY'),
      }),
    )
    .default([]),
});

const account = { securityHubs: z.array(scenarioHub).default([]) };
const organisation = {};

type ScenarioHub = z.output<typeof scenarioHub>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const securityHubError = (name: string, status: number, message: string): Error =>
  awsServiceError(SecurityHubServiceException, name, status, message);

function hubHere(call: Call): ScenarioHub {
  const hub = call.account.securityHubs.find((each) => each.region === call.region);
  if (!hub)
    throw securityHubError(
      'InvalidAccessException',
      401,
      `Account ${call.account.accountId} is not subscribed to AWS Security Hub`,
    );
  return hub;
}

const hubArnOf = (call: Call) =>
  `arn:${call.account.partition}:securityhub:${call.region}:${call.account.accountId}:hub/default`;

function describeHub(call: Call): object {
  const asked = call.input.HubArn;
  if (asked !== undefined && asked !== hubArnOf(call))
    throw securityHubError('InvalidInputException', 400, `Invalid hub ARN ${String(asked)}`);
  const hub = hubHere(call);
  return {
    HubArn: hubArnOf(call),
    SubscribedAt: hub.subscribedAt,
    AutoEnableControls: hub.autoEnableControls,
    ControlFindingGenerator: hub.controlFindingGenerator,
  };
}

function getEnabledStandards(call: Call): object {
  const hub = hubHere(call);
  const max = call.input.MaxResults ?? 10;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100)
    throw securityHubError('InvalidInputException', 400, 'MaxResults must be between 1 and 100.');
  const { partition, accountId } = call.account;
  const { page, next } = awsPage(hub.standards, call.input.NextToken, Math.min(max, call.pageSize), () =>
    securityHubError('InvalidInputException', 400, 'The NextToken value is not valid.'),
  );
  return {
    StandardsSubscriptions: page.map(({ standard, status }) => {
      const id = standardIds[standard];
      const global = id.startsWith('ruleset/');
      const subscriptionPath = id.replace(/^ruleset\//, '').replace(/^standards\//, '');
      return {
        StandardsSubscriptionArn: `arn:${partition}:securityhub:${call.region}:${accountId}:subscription/${subscriptionPath}`,
        StandardsArn: `arn:${partition}:securityhub:${global ? '' : call.region}::${id}`,
        StandardsInput: {},
        StandardsStatus: status,
        StandardsControlsUpdatable: status === 'READY' ? 'READY_FOR_UPDATES' : 'NOT_READY_FOR_UPDATES',
      };
    }),
    ...(next ? { NextToken: next } : {}),
  };
}

function checkHubs(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const seen = new Map<string, number>();
    (each.securityHubs as ScenarioHub[]).forEach((hub, h) => {
      const path = ['aws', 'accounts', a, 'securityHubs', h];
      if (!each.regions.includes(hub.region))
        issue(
          [...path, 'region'],
          `${hub.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const previous = seen.get(hub.region);
      if (previous !== undefined)
        issue(
          [...path, 'region'],
          `an account has one hub per region: ${hub.region} is already securityHubs[${previous}]`,
        );
      seen.set(hub.region, h);
      const standards = hub.standards.map((each) => each.standard);
      if (new Set(standards).size !== standards.length)
        issue([...path, 'standards'], 'each standard is enabled at most once');
    });
  });
}

export const securityHubSim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkHubs,
  error: securityHubError,
  faults: {
    access_denied: {
      name: 'AccessDeniedException',
      status: 403,
      message: 'User is not authorized to perform: securityhub:DescribeHub',
    },
  },
  answers: { DescribeHub: describeHub, GetEnabledStandards: getEnabledStandards },
  demo,
  generate({ regions, random }) {
    const { chance } = random;
    return {
      securityHubs: regions
        .filter(() => chance(0.6))
        .map((region) => ({
          region,
          standards: [
            { standard: 'fsbp' },
            ...(chance(0.4) ? [{ standard: 'nist-800-53' }] : []),
            ...(chance(0.3) ? [{ standard: 'cis-1.4' }] : []),
          ],
        })),
    };
  },
};

import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { notSubscribed } from './normalize';
import type { SecurityHubProperties } from './resource';

/** Security Hub region resources as the collector hands them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const NAME = `${REGION} of account ${ACCOUNT}`;

interface Options {
  properties?: Partial<Record<keyof SecurityHubProperties, unknown>>;
  missing?: (keyof SecurityHubProperties)[];
}

export function hubResource(options: Options = {}): NormalizedResource {
  const properties: Record<string, unknown> = {
    accountId: ACCOUNT,
    hub: {
      enabled: true,
      subscribedAt: '2023-06-12T10:00:00.000Z',
      autoEnableControls: true,
      controlFindingGenerator: 'SECURITY_CONTROL',
    },
    standards: [
      {
        standardsArn: `arn:aws:securityhub:${REGION}::standards/aws-foundational-security-best-practices/v/1.0.0`,
        name: 'AWS Foundational Security Best Practices v1.0.0',
        status: 'READY',
      },
    ],
    ...options.properties,
  };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.securityhub.hub',
    nativeId: `arn:aws:securityhub:${REGION}:${ACCOUNT}:hub/default`,
    name: NAME,
    scopeId: ACCOUNT,
    region: REGION,
    tags: {},
    properties,
    phi: false,
    phiReason: null,
    evidenceIds: [1],
  };
}

export const securityHubFixtures: ServiceFixtures = {
  'aws.securityhub.enabled': {
    pass: [
      {
        name: 'subscribed',
        resource: hubResource(),
        detail: `Security Hub is enabled in ${NAME} since 2023-06-12; the rule aws.securityhub.standards reports its standards.`,
      },
    ],
    fail: [
      {
        name: 'not subscribed in the region',
        resource: hubResource({ properties: { hub: notSubscribed }, missing: ['standards'] }),
        detail: `Security Hub is not enabled in ${NAME}: DescribeHub answered that the account is not subscribed there.`,
      },
    ],
    notApplicable: [
      {
        name: 'DescribeHub refused',
        resource: hubResource({ missing: ['hub', 'standards'] }),
        detail: /^Not assessed: whether Security Hub is enabled in us-east-1 of account 111122223333/,
      },
    ],
  },
  'aws.securityhub.standards': {
    pass: [
      {
        name: 'a READY standard',
        resource: hubResource(),
        detail: `Security Hub in ${NAME} runs AWS Foundational Security Best Practices v1.0.0.`,
      },
    ],
    fail: [
      {
        name: 'no standard enabled',
        resource: hubResource({ properties: { standards: [] } }),
        detail: 'has no standard enabled: it collects integrated findings but runs no control checks.',
      },
      {
        name: 'the only standard is INCOMPLETE',
        resource: hubResource({
          properties: {
            standards: [
              {
                standardsArn: 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0',
                name: 'CIS AWS Foundations Benchmark v1.2.0',
                status: 'INCOMPLETE',
              },
            ],
          },
        }),
        detail: 'has no standard READY: CIS AWS Foundations Benchmark v1.2.0 (INCOMPLETE).',
      },
    ],
    notApplicable: [
      {
        name: 'not subscribed: the enabled rule reports it',
        resource: hubResource({ properties: { hub: notSubscribed }, missing: ['standards'] }),
        detail: 'the rule aws.securityhub.enabled reports it',
      },
      {
        name: 'GetEnabledStandards refused',
        resource: hubResource({ missing: ['standards'] }),
        detail: /^Not assessed: the standards of Security Hub in us-east-1 of account 111122223333/,
      },
      {
        name: 'DescribeHub refused',
        resource: hubResource({ missing: ['hub', 'standards'] }),
        detail: /^Not assessed: whether Security Hub is enabled/,
      },
    ],
  },
};

import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { ConfigRecorder, ConfigRegionProperties, ConformancePack } from './resource';

/** AWS Config region resources as the collector hands them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const NAME = `${REGION} of account ${ACCOUNT}`;

function recorder(overrides: Partial<ConfigRecorder> = {}): ConfigRecorder {
  return {
    name: 'default',
    allSupported: true,
    strategy: 'ALL_SUPPORTED_RESOURCE_TYPES',
    recording: true,
    lastStatus: 'Success',
    lastStopTime: null,
    ...overrides,
  };
}

function pack(overrides: Partial<ConformancePack> = {}): ConformancePack {
  return {
    name: 'Operational-Best-Practices-for-HIPAA-Security',
    arn: `arn:aws:config:${REGION}:${ACCOUNT}:conformance-pack/Operational-Best-Practices-for-HIPAA-Security/conformance-pack-abc`,
    hipaa: true,
    compliance: { rules: 40, nonCompliant: ['s3-bucket-logging-enabled', 'vpc-flow-logs-enabled'] },
    ...overrides,
  };
}

export function configResource(
  properties: Partial<ConfigRegionProperties> = {},
  missing: (keyof ConfigRegionProperties)[] = [],
): NormalizedResource {
  const all: Record<string, unknown> = {
    accountId: ACCOUNT,
    recorders: [recorder()],
    conformancePacks: [pack()],
    ...properties,
  };
  for (const key of missing) delete all[key];
  return {
    provider: 'aws',
    type: 'aws.config.region',
    nativeId: `arn:aws:config:${REGION}:${ACCOUNT}:configuration-recorders`,
    name: NAME,
    scopeId: ACCOUNT,
    region: REGION,
    tags: {},
    properties: all,
    phi: false,
    phiReason: null,
    evidenceIds: [1, 2, 3],
  };
}

export const configFixtures: ServiceFixtures = {
  'aws.config.recorder-recording': {
    pass: [
      {
        name: 'recording every supported type',
        resource: configResource(),
        detail: `AWS Config recorder default in ${NAME} is recording every supported resource type.`,
      },
      {
        name: 'recording an inclusion list names it',
        resource: configResource({
          recorders: [recorder({ allSupported: false, strategy: 'INCLUSION_BY_RESOURCE_TYPES' })],
        }),
        detail: 'is recording, but only some resource types (INCLUSION_BY_RESOURCE_TYPES)',
      },
    ],
    fail: [
      {
        name: 'no recorder',
        resource: configResource({ recorders: [] }),
        detail: `AWS Config has no configuration recorder in ${NAME}: configuration changes there are not recorded.`,
      },
      {
        name: 'a stopped recorder',
        resource: configResource({
          recorders: [recorder({ recording: false, lastStopTime: '2025-08-19T23:41:00.000Z' })],
        }),
        detail: `AWS Config recorder default (stopped 2025-08-19) in ${NAME} is not recording`,
      },
    ],
    notApplicable: [
      {
        name: 'DescribeConfigurationRecorders refused',
        resource: configResource({}, ['recorders']),
        detail: /^Not assessed: the AWS Config recorders of us-east-1 of account 111122223333/,
      },
      {
        name: 'recorder status refused',
        resource: configResource({ recorders: [recorder({ recording: null, lastStatus: null })] }),
        detail:
          /^Not assessed: whether the AWS Config recorder of .* is recording \(DescribeConfigurationRecorderStatus\)/,
      },
    ],
  },
  'aws.config.hipaa-conformance-pack': {
    pass: [
      {
        name: 'the HIPAA pack with its non-compliant rules counted',
        resource: configResource(),
        detail: `The HIPAA conformance pack runs in ${NAME}: Operational-Best-Practices-for-HIPAA-Security: 2 of 40 rules NON_COMPLIANT (s3-bucket-logging-enabled, vpc-flow-logs-enabled).`,
      },
    ],
    fail: [
      {
        name: 'no pack at all',
        resource: configResource({ conformancePacks: [] }),
        detail: `No HIPAA conformance pack is deployed in ${NAME}.`,
      },
      {
        name: 'only another pack',
        resource: configResource({ conformancePacks: [pack({ name: 'baseline', hipaa: false })] }),
        detail: `No HIPAA conformance pack is deployed in ${NAME} (packs: baseline).`,
      },
    ],
    notApplicable: [
      {
        name: 'no recorder recording',
        resource: configResource({ recorders: [recorder({ recording: false })] }),
        detail: 'aws.config.recorder-recording reports it',
      },
      {
        name: 'DescribeConformancePacks refused',
        resource: configResource({}, ['conformancePacks']),
        detail: /^Not assessed: the conformance packs of us-east-1 of account 111122223333/,
      },
      {
        name: 'pack compliance refused',
        resource: configResource({ conformancePacks: [pack({ compliance: null })] }),
        detail:
          /^Not assessed: the rule compliance of conformance pack Operational-Best-Practices-for-HIPAA-Security/,
      },
    ],
  },
};

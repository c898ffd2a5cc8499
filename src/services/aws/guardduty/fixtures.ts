import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { FindingRoute, GuardDutyRegionProperties } from './resource';

/** GuardDuty region resources as the collector hands them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const DETECTOR = '12abc34d567e8fa901bc2d34e56789f0';
const NAME = `${REGION} of account ${ACCOUNT}`;

type Detector = NonNullable<GuardDutyRegionProperties['detector']>;

function detector(overrides: Partial<Detector> = {}): Detector {
  return {
    detectorId: DETECTOR,
    detectorArn: `arn:aws:guardduty:${REGION}:${ACCOUNT}:detector/${DETECTOR}`,
    status: 'ENABLED',
    features: {
      CLOUD_TRAIL: 'ENABLED',
      DNS_LOGS: 'ENABLED',
      FLOW_LOGS: 'ENABLED',
      S3_DATA_EVENTS: 'ENABLED',
    },
    s3Protection: true,
    findingPublishingFrequency: 'FIFTEEN_MINUTES',
    createdAt: '2023-03-01T09:00:00.000Z',
    ...overrides,
  };
}

function route(overrides: Partial<FindingRoute> = {}): FindingRoute {
  return {
    ruleName: 'northwind-guardduty-findings',
    ruleArn: `arn:aws:events:${REGION}:${ACCOUNT}:rule/northwind-guardduty-findings`,
    state: 'ENABLED',
    via: 'guardduty',
    filtered: false,
    targets: [{ id: 'oncall', arn: `arn:aws:sns:${REGION}:${ACCOUNT}:security-alerts`, kind: 'sns' }],
    ...overrides,
  };
}

interface Options {
  properties?: Partial<Record<keyof GuardDutyRegionProperties, unknown>>;
  missing?: (keyof GuardDutyRegionProperties)[];
}

export function guardDutyRegionResource(options: Options = {}): NormalizedResource {
  const properties: Record<string, unknown> = {
    accountId: ACCOUNT,
    detectorIds: [DETECTOR],
    detector: detector(),
    findingRoutes: [route()],
    rulesListed: 3,
    ...options.properties,
  };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.guardduty.region',
    nativeId: `arn:aws:guardduty:${REGION}:${ACCOUNT}:detectors`,
    name: NAME,
    scopeId: ACCOUNT,
    region: REGION,
    tags: {},
    properties,
    phi: false,
    phiReason: null,
    evidenceIds: [1, 2],
  };
}

const noDetector = guardDutyRegionResource({
  properties: { detectorIds: [] },
  missing: ['detector', 'findingRoutes'],
});
const suspended = guardDutyRegionResource({ properties: { detector: detector({ status: 'DISABLED' }) } });

function phiBucket(name: string, region = REGION, scopeId = ACCOUNT): NormalizedResource {
  return {
    provider: 'aws',
    type: 'aws.s3.bucket',
    nativeId: `arn:aws:s3:::${name}`,
    name,
    scopeId,
    region,
    tags: { phi: 'true' },
    properties: {},
    phi: true,
    phiReason: 'tag phi=true',
    evidenceIds: [9],
  };
}

export const guardDutyFixtures: ServiceFixtures = {
  'aws.guardduty.enabled': {
    pass: [
      {
        name: 'an enabled detector',
        resource: guardDutyRegionResource(),
        detail: `GuardDuty is enabled in ${NAME} (detector ${DETECTOR}, Status ENABLED, findings updated every fifteen minutes).`,
      },
    ],
    fail: [
      {
        name: 'no detector in the region',
        resource: noDetector,
        detail: `GuardDuty is not enabled in ${NAME}: ListDetectors answered no detector.`,
      },
      {
        name: 'a suspended detector',
        resource: suspended,
        detail: 'its Status is DISABLED: it is suspended and watches nothing',
      },
    ],
    notApplicable: [
      {
        name: 'ListDetectors refused',
        resource: guardDutyRegionResource({ missing: ['detectorIds', 'detector', 'findingRoutes'] }),
        detail:
          /^Not assessed: the GuardDuty detectors of us-east-1 of account 111122223333 could not be listed/,
      },
      {
        name: 'GetDetector refused',
        resource: guardDutyRegionResource({ missing: ['detector'] }),
        detail: /^Not assessed: the status of GuardDuty detector 12abc34d/,
      },
    ],
  },
  'aws.guardduty.s3-protection': {
    pass: [
      {
        name: 'S3_DATA_EVENTS enabled',
        resource: guardDutyRegionResource(),
        detail: 'has S3 protection on (S3_DATA_EVENTS ENABLED)',
      },
    ],
    fail: [
      {
        name: 'S3 protection off, no PHI bucket seen',
        resource: guardDutyRegionResource({ properties: { detector: detector({ s3Protection: false }) } }),
        detail: /S3 protection off \(S3_DATA_EVENTS DISABLED\): reads of S3 objects are not analysed\.$/,
      },
      {
        name: 'S3 protection off where the run saw PHI buckets (other accounts and regions left out)',
        resource: guardDutyRegionResource({ properties: { detector: detector({ s3Protection: false }) } }),
        context: {
          resources: [
            phiBucket('nwv-patient-exports'),
            phiBucket('nwv-intake-forms'),
            phiBucket('nwv-telemetry-usw2', 'us-west-2'),
            phiBucket('other-account-phi', REGION, '444455556666'),
          ],
        },
        detail: '2 PHI-classified bucket(s) this run assessed: nwv-intake-forms, nwv-patient-exports.',
      },
    ],
    notApplicable: [
      {
        name: 'no detector: the enabled rule reports it',
        resource: noDetector,
        detail:
          'GuardDuty has no detector in us-east-1 of account 111122223333; the rule aws.guardduty.enabled reports it.',
      },
      {
        name: 'suspended detector',
        resource: suspended,
        detail: 'is DISABLED; the rule aws.guardduty.enabled reports it',
      },
      {
        name: 'neither feature nor data source answered',
        resource: guardDutyRegionResource({ properties: { detector: detector({ s3Protection: null }) } }),
        detail: /^Not assessed: GetDetector of GuardDuty detector .* answered neither/,
      },
      {
        name: 'GetDetector refused',
        resource: guardDutyRegionResource({ missing: ['detector'] }),
        detail: /^Not assessed: the GuardDuty detector 12abc34d.* could not be read/,
      },
    ],
  },
  'aws.guardduty.findings-routed': {
    pass: [
      {
        name: 'a rule to an SNS topic',
        resource: guardDutyRegionResource(),
        detail: `GuardDuty findings in ${NAME} are routed: EventBridge rule northwind-guardduty-findings to SNS topic security-alerts.`,
      },
      {
        name: 'Security Hub imported findings, filtered, to an API destination',
        resource: guardDutyRegionResource({
          properties: {
            findingRoutes: [
              route({
                ruleName: 'securityhub-to-jira',
                via: 'securityhub',
                filtered: true,
                targets: [
                  {
                    id: 'jira',
                    arn: `arn:aws:events:${REGION}:${ACCOUNT}:api-destination/jira-security/0a1b2c3d`,
                    kind: 'api-destination',
                  },
                ],
              }),
            ],
          },
        }),
        detail:
          'EventBridge rule securityhub-to-jira (Security Hub imported findings) to API destination jira-security, filtered on finding details.',
      },
    ],
    fail: [
      {
        name: 'no rule matches GuardDuty findings',
        resource: guardDutyRegionResource({ properties: { findingRoutes: [], rulesListed: 4 } }),
        detail: `GuardDuty findings in ${NAME} are not routed to any notification or ticketing target: none of the 4 rule(s) of the default event bus matches GuardDuty findings.`,
      },
      {
        name: 'the only matching rule is disabled',
        resource: guardDutyRegionResource({ properties: { findingRoutes: [route({ state: 'DISABLED' })] } }),
        detail: 'rule(s) northwind-guardduty-findings match them but are DISABLED',
      },
      {
        name: 'a matching rule without targets, another only to CloudWatch Logs',
        resource: guardDutyRegionResource({
          properties: {
            findingRoutes: [
              route({ ruleName: 'empty', targets: [] }),
              route({
                ruleName: 'archive',
                targets: [
                  {
                    id: 'logs',
                    arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/events/guardduty:*`,
                    kind: 'logs',
                  },
                ],
              }),
            ],
          },
        }),
        detail:
          'rule(s) empty match them but have no target; EventBridge rule archive to CloudWatch Logs group /aws/events/guardduty only stores them in CloudWatch Logs, which alerts no one.',
      },
    ],
    notApplicable: [
      {
        name: 'ListRules refused',
        resource: guardDutyRegionResource({ missing: ['findingRoutes'] }),
        detail:
          /^Not assessed: the EventBridge rules of us-east-1 of account 111122223333 could not be listed/,
      },
      {
        name: 'targets of the matching rule refused',
        resource: guardDutyRegionResource({ properties: { findingRoutes: [route({ targets: null })] } }),
        detail: /^Not assessed: the targets of EventBridge rule\(s\) northwind-guardduty-findings/,
      },
      {
        name: 'no detector',
        resource: noDetector,
        detail: 'the rule aws.guardduty.enabled reports it',
      },
    ],
  },
};

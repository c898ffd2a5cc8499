import { ConfigServiceServiceException } from '@aws-sdk/client-config-service';
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
 * AWS Config in a scenario: each account's recorders and conformance packs, per region. Answers follow
 * the API reference (JSON 1.1, StarlingDoveService): DescribeConfigurationRecorders answers
 * ConfigurationRecorders (empty where none; no paging); DescribeConfigurationRecorderStatus
 * ConfigurationRecordersStatus with recording, lastStatus, lastStartTime/lastStopTime (Dates);
 * DescribeConformancePacks ConformancePackDetails, Limit 0–20, NextToken; DescribeConformancePackCompliance
 * ConformancePackRuleComplianceList, Limit 0–1000, NextToken, NoSuchConformancePackException for an unknown pack.
 */

const scenarioRecorder = z.strictObject({
  region: awsRegion,
  name: z.string().min(1).max(256).default('default'),
  allSupported: z.boolean().default(true),
  recording: z.boolean().default(true),
  lastStopTime: isoTime.optional(),
});

const scenarioPack = z.strictObject({
  region: awsRegion,
  name: z
    .string()
    .regex(
      /^[a-zA-Z][-a-zA-Z0-9]{0,255}$/,
      'must be a conformance pack name: a letter, then letters, digits or hyphens',
    ),
  /** The SSM document it was deployed from, e.g. AWSConformancePacks-Operational-Best-Practices-for-HIPAA-Security */
  templateDocument: z.string().optional(),
  rules: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        compliance: z.enum(['COMPLIANT', 'NON_COMPLIANT', 'INSUFFICIENT_DATA']).default('COMPLIANT'),
      }),
    )
    .default([]),
});

const account = {
  configRecorders: z.array(scenarioRecorder).default([]),
  conformancePacks: z.array(scenarioPack).default([]),
};
const organisation = {};

type ScenarioRecorder = z.output<typeof scenarioRecorder>;
type ScenarioPack = z.output<typeof scenarioPack>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const configError = (name: string, status: number, message: string): Error =>
  awsServiceError(ConfigServiceServiceException, name, status, message);

const recordersHere = (call: Call) =>
  call.account.configRecorders.filter((each) => each.region === call.region);
const packsHere = (call: Call) =>
  call.account.conformancePacks
    .filter((each) => each.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));

const packId = (pack: ScenarioPack) =>
  `conformance-pack-${Buffer.from(pack.name).toString('hex').slice(0, 12)}`;

function describeRecorders(call: Call): object {
  const { partition, accountId } = call.account;
  return {
    ConfigurationRecorders: recordersHere(call).map((recorder) => ({
      arn: `arn:${partition}:config:${call.region}:${accountId}:configuration-recorder/${recorder.name}/${Buffer.from(recorder.name).toString('hex').slice(0, 16)}`,
      name: recorder.name,
      roleARN: `arn:${partition}:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
      recordingGroup: recorder.allSupported
        ? {
            allSupported: true,
            includeGlobalResourceTypes: call.region === 'us-east-1',
            resourceTypes: [],
            exclusionByResourceTypes: { resourceTypes: [] },
            recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
          }
        : {
            allSupported: false,
            includeGlobalResourceTypes: false,
            resourceTypes: ['AWS::S3::Bucket', 'AWS::RDS::DBInstance'],
            exclusionByResourceTypes: { resourceTypes: [] },
            recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
          },
      recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
      recordingScope: 'PAID',
    })),
  };
}

function describeRecorderStatus(call: Call): object {
  const names = Array.isArray(call.input.ConfigurationRecorderNames)
    ? (call.input.ConfigurationRecorderNames as unknown[])
    : [];
  const recorders = recordersHere(call);
  for (const name of names)
    if (!recorders.some((each) => each.name === name))
      throw configError(
        'NoSuchConfigurationRecorderException',
        400,
        'Cannot find configuration recorder with the specified name.',
      );
  return {
    ConfigurationRecordersStatus: recorders
      .filter((each) => names.length === 0 || names.includes(each.name))
      .map((recorder: ScenarioRecorder) => ({
        name: recorder.name,
        lastStartTime: new Date('2023-01-10T08:00:00Z'),
        ...(recorder.recording
          ? {}
          : { lastStopTime: new Date(recorder.lastStopTime ?? '2025-06-30T22:00:00Z') }),
        recording: recorder.recording,
        lastStatus: recorder.recording ? 'Success' : 'Pending',
        lastStatusChangeTime: new Date('2026-12-01T06:00:00Z'),
      })),
  };
}

function limitOf(call: Call, max: number, field: string): number {
  const limit = call.input.Limit ?? max;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > max)
    throw configError(
      'InvalidLimitException',
      400,
      `1 validation error detected: Value '${String(limit)}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
  return Math.min(limit === 0 ? max : limit, call.pageSize);
}

function describePacks(call: Call): object {
  const { partition, accountId } = call.account;
  const { page, next } = awsPage(packsHere(call), call.input.NextToken, limitOf(call, 20, 'limit'), () =>
    configError('InvalidNextTokenException', 400, 'The nextToken provided is invalid'),
  );
  return {
    ConformancePackDetails: page.map((pack) => ({
      ConformancePackName: pack.name,
      ConformancePackArn: `arn:${partition}:config:${call.region}:${accountId}:conformance-pack/${pack.name}/${packId(pack)}`,
      ConformancePackId: packId(pack),
      ConformancePackInputParameters: [],
      LastUpdateRequestedTime: new Date('2026-11-02T10:00:00Z'),
      ...(pack.templateDocument
        ? { TemplateSSMDocumentDetails: { DocumentName: pack.templateDocument } }
        : {}),
    })),
    ...(next ? { NextToken: next } : {}),
  };
}

function describePackCompliance(call: Call): object {
  const name = typeof call.input.ConformancePackName === 'string' ? call.input.ConformancePackName : '';
  const pack = packsHere(call).find((each) => each.name === name);
  if (!pack)
    throw configError('NoSuchConformancePackException', 400, `Conformance pack ${name} does not exist.`);
  const filters = (call.input.Filters ?? {}) as { ComplianceType?: string };
  const rules = pack.rules.filter(
    (rule) => !filters.ComplianceType || rule.compliance === filters.ComplianceType,
  );
  const { page, next } = awsPage(rules, call.input.NextToken, limitOf(call, 1000, 'limit'), () =>
    configError('InvalidNextTokenException', 400, 'The nextToken provided is invalid'),
  );
  return {
    ConformancePackName: pack.name,
    ConformancePackRuleComplianceList: page.map((rule) => ({
      ConfigRuleName: rule.name,
      ComplianceType: rule.compliance,
      Controls: [],
    })),
    ...(next ? { NextToken: next } : {}),
  };
}

function checkConfig(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const regions = new Map<string, number>();
    (each.configRecorders as ScenarioRecorder[]).forEach((recorder, r) => {
      const path = ['aws', 'accounts', a, 'configRecorders', r, 'region'];
      if (!each.regions.includes(recorder.region))
        issue(path, `${recorder.region} is not one of the account's regions (${each.regions.join(', ')})`);
      const previous = regions.get(recorder.region);
      if (previous !== undefined)
        issue(
          path,
          `AWS Config allows one customer managed recorder per region: ${recorder.region} is already configRecorders[${previous}]`,
        );
      regions.set(recorder.region, r);
    });
    (each.conformancePacks as ScenarioPack[]).forEach((pack, p) => {
      if (!each.regions.includes(pack.region))
        issue(
          ['aws', 'accounts', a, 'conformancePacks', p, 'region'],
          `${pack.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
    });
  });
}

export const configSim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkConfig,
  error: configError,
  answers: {
    DescribeConfigurationRecorders: describeRecorders,
    DescribeConfigurationRecorderStatus: describeRecorderStatus,
    DescribeConformancePacks: describePacks,
    DescribeConformancePackCompliance: describePackCompliance,
  },
  demo,
  generate({ regions, random }) {
    const recorders = regions
      .filter(() => random.chance(0.7))
      .map((region) => ({ region, recording: random.chance(0.85) }));
    return {
      configRecorders: recorders,
      conformancePacks: recorders
        .filter(() => random.chance(0.3))
        .map(({ region }) => ({
          region,
          name: 'Operational-Best-Practices-for-HIPAA-Security',
          rules: [
            {
              name: 's3-bucket-server-side-encryption-enabled',
              compliance: random.chance(0.7) ? 'COMPLIANT' : 'NON_COMPLIANT',
            },
            { name: 'cloudtrail-enabled', compliance: 'COMPLIANT' },
          ],
        })),
    };
  },
};

import type {
  ConfigurationRecorder,
  ConfigurationRecorderStatus,
  ConformancePackDetail,
  ConformancePackRuleCompliance,
} from '@aws-sdk/client-config-service';
import type { ConfigRecorder, ConformancePack } from './resource';

/**
 * Pure conversions from AWS Config answers (API reference "DescribeConfigurationRecorders":
 * recordingGroup { allSupported, recordingStrategy.useOnly }; "DescribeConfigurationRecorderStatus":
 * recording, lastStatus, lastStopTime; "DescribeConformancePacks": ConformancePackName, Arn,
 * TemplateSSMDocumentDetails; "DescribeConformancePackCompliance": ConfigRuleName, ComplianceType).
 */

export function recordersArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:config:${region}:${accountId}:configuration-recorders`;
}

export function regionName(region: string, accountId: string): string {
  return `${region} of account ${accountId}`;
}

export function recorderFrom(
  recorder: ConfigurationRecorder,
  statuses: readonly ConfigurationRecorderStatus[] | null,
): ConfigRecorder {
  const group = recorder.recordingGroup;
  const strategy = group?.recordingStrategy?.useOnly ?? null;
  const status = statuses?.find((each) => each.name === recorder.name);
  return {
    name: recorder.name ?? 'default',
    allSupported: group?.allSupported === true || strategy === 'ALL_SUPPORTED_RESOURCE_TYPES',
    strategy,
    recording: status ? status.recording === true : null,
    lastStatus: status?.lastStatus ?? null,
    lastStopTime: status?.lastStopTime instanceof Date ? status.lastStopTime.toISOString() : null,
  };
}

/** The HIPAA Security pack: AWS's sample template "Operational-Best-Practices-for-HIPAA-Security". */
export function isHipaaPack(pack: ConformancePackDetail): boolean {
  return (
    /hipaa/i.test(pack.ConformancePackName ?? '') ||
    /hipaa/i.test(pack.TemplateSSMDocumentDetails?.DocumentName ?? '')
  );
}

export function packFrom(
  pack: ConformancePackDetail,
  rules: readonly ConformancePackRuleCompliance[] | null,
): ConformancePack {
  return {
    name: pack.ConformancePackName ?? '',
    arn: pack.ConformancePackArn ?? '',
    hipaa: isHipaaPack(pack),
    compliance:
      rules === null
        ? null
        : {
            rules: rules.length,
            nonCompliant: rules
              .filter((rule) => rule.ComplianceType === 'NON_COMPLIANT')
              .map((rule) => rule.ConfigRuleName ?? '')
              .sort(),
          },
  };
}

import type { DescribeHubResponse, StandardsSubscription } from '@aws-sdk/client-securityhub';
import type { EnabledStandard, SecurityHubProperties } from './resource';

/**
 * Pure conversions from Security Hub answers (API reference "DescribeHub", "GetEnabledStandards").
 * DescribeHub answers HubArn, SubscribedAt (a string), AutoEnableControls and ControlFindingGenerator;
 * in a region where the account is not subscribed it answers InvalidAccessException ("Account … is not
 * subscribed to AWS Security Hub"), which the collector reads as "not enabled".
 */

export function hubArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:hub/default`;
}

export function regionName(region: string, accountId: string): string {
  return `${region} of account ${accountId}`;
}

export function hubFrom(output: DescribeHubResponse): NonNullable<SecurityHubProperties['hub']> {
  return {
    enabled: true,
    subscribedAt: output.SubscribedAt ?? null,
    autoEnableControls: output.AutoEnableControls ?? null,
    controlFindingGenerator: output.ControlFindingGenerator ?? null,
  };
}

export const notSubscribed: NonNullable<SecurityHubProperties['hub']> = {
  enabled: false,
  subscribedAt: null,
  autoEnableControls: null,
  controlFindingGenerator: null,
};

const knownStandards: Record<string, string> = {
  'aws-foundational-security-best-practices': 'AWS Foundational Security Best Practices',
  'cis-aws-foundations-benchmark': 'CIS AWS Foundations Benchmark',
  'nist-800-53': 'NIST SP 800-53 Rev. 5',
  'nist-800-171': 'NIST SP 800-171 Rev. 2',
  'pci-dss': 'PCI DSS',
  'aws-resource-tagging-standard': 'AWS Resource Tagging Standard',
  'service-managed-aws-control-tower': 'Service-Managed Standard: AWS Control Tower',
};

/**
 * 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0' →
 * 'AWS Foundational Security Best Practices v1.0.0' (the older CIS 1.2.0 ARN reads ruleset/…).
 */
export function standardName(arn: string): string {
  const match = /:(?:standards|ruleset)\/([^/]+)\/v\/([^/]+)$/.exec(arn);
  if (!match) return arn;
  const id = match[1] as string;
  return `${knownStandards[id] ?? id} v${match[2] as string}`;
}

export function standardFrom(subscription: StandardsSubscription): EnabledStandard | null {
  if (!subscription.StandardsArn) return null;
  return {
    standardsArn: subscription.StandardsArn,
    name: standardName(subscription.StandardsArn),
    status: subscription.StandardsStatus ?? 'UNKNOWN',
  };
}

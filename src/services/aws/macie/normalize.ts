import type { GetMacieSessionResponse } from '@aws-sdk/client-macie2';
import type { MacieSessionProperties } from './resource';

/**
 * Pure conversions from GetMacieSession (API reference "Macie session": GET /macie; createdAt,
 * findingPublishingFrequency, serviceRole, status ENABLED | PAUSED, updatedAt). Where Macie is not
 * enabled the API answers AccessDeniedException (403) with the message "Macie is not enabled" —
 * the same code IAM uses when the caller may not call the action, so only the message tells them apart.
 */

export function sessionArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:macie2:${region}:${accountId}:session`;
}

export function regionName(region: string, accountId: string): string {
  return `${region} of account ${accountId}`;
}

/** The message of GetMacieSession's AccessDeniedException in a region where Macie is off. */
export function saysMacieNotEnabled(message: string | undefined): boolean {
  return message !== undefined && /macie is not enabled/i.test(message);
}

export function sessionFrom(output: GetMacieSessionResponse): NonNullable<MacieSessionProperties['session']> {
  return {
    enabled: true,
    status: output.status ?? null,
    findingPublishingFrequency: output.findingPublishingFrequency ?? null,
    createdAt: output.createdAt instanceof Date ? output.createdAt.toISOString() : null,
  };
}

export const notEnabled: NonNullable<MacieSessionProperties['session']> = {
  enabled: false,
  status: null,
  findingPublishingFrequency: null,
  createdAt: null,
};

import type { NormalizedResource } from '../../../../kit';
import { cloudTrailAccount, cloudTrailTrail } from '../resource';

export const CLOUDTRAIL_TRAIL = cloudTrailTrail.type;
export const CLOUDTRAIL_ACCOUNT = cloudTrailAccount.type;

/** The collector's facts about a trail; a field left undefined could not be collected. */
export const trailProperties = cloudTrailTrail.properties;
export const accountProperties = cloudTrailAccount.properties;

/** "CloudTrail trail nwv-org-audit (home us-east-1)", the subject of every trail detail message. */
export function trailLabel(resource: NormalizedResource): string {
  return `CloudTrail trail ${resource.name} (home ${resource.region})`;
}

/** " It is not logging (IsLogging false)." when the status says so: a setting on a stopped trail records nothing. */
export function stoppedNote(isLogging: boolean | undefined): string {
  return isLogging === false ? ' The trail is also not logging (IsLogging false).' : '';
}

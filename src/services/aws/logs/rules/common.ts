import type { NormalizedResource } from '../../../../kit';
import { logGroup } from '../resource';

export const LOG_GROUP = logGroup.type;
export const logProperties = logGroup.properties;

/** "log group /aws/lambda/nwv-support-ticket-intake in us-east-1" */
export function groupLabel(resource: NormalizedResource): string {
  return `CloudWatch Logs log group ${resource.name} in ${resource.region}`;
}

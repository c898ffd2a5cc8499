import type { NormalizedResource } from '../../../../kit';
import { snsTopic } from '../resource';

export const SNS_TOPIC = snsTopic.type;

export const snsProperties = snsTopic.properties;

/** "SNS topic nwv-support-ticket-created in us-east-1", the subject of every SNS detail message. */
export function topicLabel(resource: NormalizedResource): string {
  return `SNS topic ${resource.name} in ${resource.region}`;
}

import type { NormalizedResource } from '../../../../kit';
import { sqsQueue } from '../resource';

export const SQS_QUEUE = sqsQueue.type;

/** The collector's facts about a queue; a field left undefined could not be collected. */
export const sqsProperties = sqsQueue.properties;

/** "SQS queue nwv-support-tickets in us-east-1", the subject of every SQS detail message. */
export function queueLabel(resource: NormalizedResource): string {
  return `SQS queue ${resource.name} in ${resource.region}`;
}

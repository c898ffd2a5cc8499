import type { NormalizedResource } from '../../../../kit';
import { bucket } from '../resource';

export const S3_BUCKET = bucket.type;

/** The collector's facts about a bucket; a field left undefined could not be collected. */
export const s3Properties = bucket.properties;

/** "Bucket northwind-checkout-exports", the subject of every S3 detail message. */
export function bucketLabel(resource: NormalizedResource): string {
  return `Bucket ${resource.name}`;
}

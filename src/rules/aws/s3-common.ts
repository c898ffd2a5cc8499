import type { NormalizedResource } from '../../kit/model';
import type { S3BucketProperties } from '../../assess/collectors/properties';

export const S3_BUCKET = 'aws.s3.bucket';

/**
 * The collector's facts about a bucket; a field left undefined could not be collected. Read as
 * Partial: a workspace from an older collector may lack any field.
 */
export function s3Properties(resource: NormalizedResource): Partial<S3BucketProperties> {
  return resource.properties as Partial<S3BucketProperties>;
}

/** "Bucket northwind-checkout-exports", the subject of every S3 detail message. */
export function bucketLabel(resource: NormalizedResource): string {
  return `Bucket ${resource.name}`;
}

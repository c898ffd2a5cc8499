import type { NormalizedResource } from '../../../../kit';
import { kmsKey } from '../resource';

export const KMS_KEY = kmsKey.type;

/** The collector's facts about a key; a field left undefined could not be collected. */
export const kmsProperties = kmsKey.properties;

/** "KMS key 1234abcd-… in us-east-1", the subject of every KMS detail message. */
export function keyLabel(resource: NormalizedResource): string {
  return `KMS key ${resource.name} in ${resource.region}`;
}

/** "2026-12-20" from an ISO timestamp; the report prints dates, not instants. */
export function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

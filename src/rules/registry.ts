/**
 * Every rule the product runs. A rule is added here and nowhere else; the registry test then
 * demands catalog citations and pass/fail fixtures for it.
 */
import type { Rule } from '../kit/rule';
import { s3AccessLogging } from './aws/s3-access-logging';
import { s3DefaultEncryption } from './aws/s3-default-encryption';
import { s3PublicAccessBlock } from './aws/s3-public-access-block';
import { s3ReplicationRegion } from './aws/s3-replication-region';
import { s3TlsOnlyPolicy } from './aws/s3-tls-only-policy';
import { storageGeoReplicationRegion } from './azure/storage-geo-replication-region';
import { storageHttpsOnly } from './azure/storage-https-only';
import { storageMinTls } from './azure/storage-min-tls';
import { storagePublicBlobAccess } from './azure/storage-public-blob-access';

/** Recorded on every run and audit package: bump it whenever a rule's logic or metadata changes. */
export const RULESET_VERSION = '2026.11.0';

export const rules: readonly Rule[] = Object.freeze([
  s3DefaultEncryption,
  s3TlsOnlyPolicy,
  s3PublicAccessBlock,
  s3AccessLogging,
  s3ReplicationRegion,
  storageHttpsOnly,
  storageMinTls,
  storagePublicBlobAccess,
  storageGeoReplicationRegion,
]);

const byId = new Map(rules.map((rule) => [rule.id, rule]));
const byType = new Map<string, Rule[]>();
for (const rule of rules) {
  const list = byType.get(rule.resourceType) ?? [];
  list.push(rule);
  byType.set(rule.resourceType, list);
}

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Rules that judge a resource type, in registry order; empty for a type no rule covers. */
export function rulesForType(type: string): readonly Rule[] {
  return byType.get(type) ?? [];
}

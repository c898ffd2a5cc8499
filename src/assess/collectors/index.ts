import type { Collector, DeclaredOperation, Provider } from '../../kit/model';
import { awsS3Collector } from './aws-s3';
import { azureStorageCollector } from './azure-storage';

/** Every collector. The read-only guards and the access kit are derived from their declared operations. */
export const collectors: readonly Collector[] = [awsS3Collector, azureStorageCollector];

function operationKey(op: DeclaredOperation): string {
  return op.provider === 'aws'
    ? `aws:${op.command}:${op.iamAction}`
    : `azure:${op.method}:${op.path}:${op.permission}`;
}

/** The operations all collectors of a provider declare, without duplicates. */
export function declaredOperations(provider: Provider): DeclaredOperation[] {
  const seen = new Map<string, DeclaredOperation>();
  for (const collector of collectors) {
    if (collector.provider !== provider) continue;
    for (const op of collector.operations) seen.set(operationKey(op), op);
  }
  return [...seen.values()];
}

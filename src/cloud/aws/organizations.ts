import { ListAccountsCommand, OrganizationsClient, type Account } from '@aws-sdk/client-organizations';
import type { TargetConnection } from '../../kit/model';
import { awsClientsOf, type AwsClientClass, type AwsSdkClient } from './clients';
import { awsPartitionOf } from './partitions';

export type OrganizationAccount = Account;

export interface OrganizationAccountsPage {
  accounts: OrganizationAccount[];
  nextToken: string | undefined;
  /** The answer without the SDK's per-request $metadata: the evidence body */
  body: Record<string, unknown>;
}

/**
 * One page of Organizations ListAccounts through the connection's guarded clients (`--aws-org`).
 * Organizations is a global service served from the partition's home region, returned with the page.
 */
export async function listOrganizationAccounts(
  connection: TargetConnection,
  request: { MaxResults: number; NextToken?: string },
  signal: AbortSignal,
): Promise<OrganizationAccountsPage> {
  const { defaultRegion } = awsPartitionOf(connection.target.cloud);
  const client = awsClientsOf(connection).client(
    OrganizationsClient as unknown as AwsClientClass<OrganizationsClient & AwsSdkClient>,
    defaultRegion,
  );
  const { $metadata: _metadata, ...body } = await client.send(new ListAccountsCommand(request), {
    abortSignal: signal,
  });
  return { accounts: body.Accounts ?? [], nextToken: body.NextToken, body };
}

import { DeskError, isDeskError, messageOf } from '../errors';
import { listOrganizationAccounts, type OrganizationAccount as Account } from '../cloud/aws/organizations';
import { awsErrorShape } from '../cloud/aws/call';
import { accountFromArn, awsPartitionOf } from '../cloud/aws/partitions';
import { closeConnection, connectTarget } from '../cloud/connect';
import type { Simulator } from '../cloud/sim';
import { awsOrganizationAccountsOperation } from '../cloud/identity-operations';
import type { DeclaredOperation, TargetConnection, TargetSpec } from '../kit/model';
import type { RunStore } from './store';

/**
 * `--aws-org`: every account of an AWS Organization, entered through the same read-only audit role
 * (the access kit's CloudFormation role, deployed with StackSets) with the engagement's ExternalId.
 * The management account (or a delegated administrator) lists the accounts; accounts that are not
 * ACTIVE are skipped and named; an account whose role cannot be assumed becomes a sign-in coverage
 * gap of its own when the run connects to it.
 */
export interface AwsOrganizationSpec {
  /** How the run names the organization, e.g. "AWS Organization (profile mgmt)" */
  label: string;
  /** The management account's sign-in: a target with scopeId 'from-credentials' */
  management: TargetSpec;
  /** The audit role's name in every member account */
  roleName: string;
  /** Required by the role's trust policy (the access kit's role requires one) */
  externalId?: string;
  /** Regions to assess in every account */
  regions: string[];
}

export interface SkippedAccount {
  accountId: string;
  name: string;
  state: string;
}

export interface OrganizationSummary {
  label: string;
  managementAccountId: string | null;
  /** Accounts the listing returned */
  listed: number;
  /** ACTIVE accounts turned into targets */
  entered: number;
  skipped: SkippedAccount[];
  /** Why the accounts could not be listed; the management account is then assessed alone */
  error: string | null;
}

export interface OrganizationExpansion {
  targets: TargetSpec[];
  summary: OrganizationSummary;
  /** The listing was refused or failed: the run is partial, the accounts were not assessed */
  listingFailure?: { target: TargetSpec; region: string; errorCode: string };
}

interface ExpandOptions {
  store: RunStore;
  operations: readonly DeclaredOperation[];
  simulator?: Simulator;
  signal: AbortSignal;
  /** Counts evidence and gaps in the run's totals */
  onEvidence(): void;
  onGap(scope: string): void;
}

/** ListAccounts answers at most 20 accounts a page (API reference: MaxResults 1–20). */
const PAGE = 20;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

function memberTarget(
  spec: AwsOrganizationSpec,
  account: Account,
  partition: string,
  simulated: boolean,
): TargetSpec {
  const accountId = account.Id ?? '';
  const roleArn = `arn:${partition}:iam::${accountId}:role/${spec.roleName}`;
  const { profile } = spec.management.auth;
  return {
    provider: 'aws',
    label: `${account.Name ?? accountId} (${spec.label})`,
    cloud: spec.management.cloud,
    scopeId: accountId,
    regions: spec.regions,
    auth: simulated
      ? { method: 'simulated', roleArn }
      : {
          method: 'assume-role',
          roleArn,
          ...(profile ? { profile } : {}),
          ...(spec.externalId ? { externalId: spec.externalId } : {}),
        },
  };
}

/** The account's state: State since 2025 (Status was retired on 2026-09-09; older answers carry only it). */
function stateOf(account: Account): string {
  return account.State ?? account.Status ?? 'UNKNOWN';
}

/**
 * Lists the organization's accounts from the management account and returns one target per ACTIVE
 * account. Each page is evidence. A management account that cannot be signed in to is returned as
 * a target itself, so the run records its sign-in failure like any other; one that signs in but may
 * not list the accounts is assessed alone, with a coverage gap naming ListAccounts.
 */
export async function expandAwsOrganization(
  spec: AwsOrganizationSpec,
  options: ExpandOptions,
): Promise<OrganizationExpansion> {
  if (!ROLE_NAME.test(spec.roleName))
    throw new DeskError(
      'BAD_INPUT',
      `"${spec.roleName}" is not an IAM role name (1–64 of letters, digits and +=,.@_-).`,
    );
  const summary: OrganizationSummary = {
    label: spec.label,
    managementAccountId: null,
    listed: 0,
    entered: 0,
    skipped: [],
    error: null,
  };
  let connection: TargetConnection;
  try {
    connection = await connectTarget(spec.management, {
      operations: options.operations,
      ...(options.simulator ? { simulator: options.simulator } : {}),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    summary.error = `the management account could not be signed in to: ${messageOf(error)}`;
    return { targets: [spec.management], summary };
  }
  try {
    const accountId = accountFromArn(connection.identity);
    summary.managementAccountId = accountId;
    const management: TargetSpec = {
      ...spec.management,
      label: `${spec.label} management account`,
      scopeId: accountId ?? spec.management.scopeId,
    };
    const targetId = options.store.upsertTarget(management);
    const row = {
      id: targetId,
      provider: 'aws' as const,
      scopeId: management.scopeId,
      identity: connection.identity,
    };
    // Organizations is a global service served from the partition's home region.
    const { partition, defaultRegion } = awsPartitionOf(spec.management.cloud);
    const accounts: Account[] = [];
    let token: string | undefined;
    do {
      const request = { MaxResults: PAGE, ...(token ? { NextToken: token } : {}) };
      try {
        const page = await listOrganizationAccounts(connection, request, options.signal);
        options.store.recordEvidence(row, {
          service: awsOrganizationAccountsOperation.service,
          operation: 'ListAccounts',
          region: defaultRegion,
          request,
          outcome: 'ok',
          response: page.body,
        });
        options.onEvidence();
        accounts.push(...page.accounts);
        token = page.nextToken;
      } catch (error) {
        if (options.signal.aborted) throw error;
        const shape = awsErrorShape(error);
        const evidenceId = options.store.recordEvidence(row, {
          service: awsOrganizationAccountsOperation.service,
          operation: 'ListAccounts',
          region: defaultRegion,
          request,
          outcome: 'error',
          response: { error: shape.name, message: shape.message },
          errorCode: shape.name,
          errorMessage: shape.message,
        });
        options.onEvidence();
        const denied = /AccessDenied|NotInUse|Unauthorized/i.test(shape.name) || shape.httpStatusCode === 403;
        summary.error = `${shape.name}: ${shape.message}`;
        options.store.recordGap(management, {
          service: 'organizations',
          operation: 'ListAccounts',
          region: defaultRegion,
          reason: denied ? 'access_denied' : 'error',
          message: `The accounts of ${spec.label} could not be listed from ${management.scopeId} (${shape.name}: ${shape.message}); only that account was assessed. Sign in to the management account or a delegated administrator with organizations:ListAccounts.`,
          evidenceId,
        });
        options.onGap(`aws:${management.scopeId}`);
        // The management credentials still work: assess that account as it is.
        return {
          targets: [management],
          summary,
          listingFailure: { target: management, region: defaultRegion, errorCode: shape.name },
        };
      }
    } while (token);
    summary.listed = accounts.length;
    const simulated = spec.management.auth.method === 'simulated';
    const targets: TargetSpec[] = [];
    for (const account of accounts) {
      const state = stateOf(account);
      if (state !== 'ACTIVE') {
        summary.skipped.push({ accountId: account.Id ?? '', name: account.Name ?? '', state });
        continue;
      }
      targets.push(memberTarget(spec, account, partition, simulated));
    }
    summary.entered = targets.length;
    return { targets, summary };
  } catch (error) {
    if (isDeskError(error) || options.signal.aborted) throw error;
    throw new DeskError('INTERNAL', `Listing the accounts of ${spec.label} failed: ${messageOf(error)}`, {
      cause: error,
    });
  } finally {
    closeConnection(connection);
  }
}

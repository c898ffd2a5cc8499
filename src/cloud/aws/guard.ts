import type {
  InitializeHandlerArguments,
  InitializeHandlerOutput,
  InitializeMiddleware,
  MetadataBearer,
  Pluggable,
} from '@smithy/types';
import type { DeclaredOperation } from '../../kit/model';
import { DeskError } from '../../errors';
import { awsIdentityOperation, awsOrganizationAccountsOperation } from '../identity-operations';

/**
 * Verbs that change something. Refused even when a collector declares them: this tool is
 * read-only by construction (ARCHITECTURE.md "Read-only by construction").
 */
const writeVerbs = [
  'Abort',
  'Accept',
  'Activate',
  'Add',
  'Allocate',
  'Apply',
  'Assign',
  'Associate',
  'Assume',
  'Attach',
  'Authorize',
  'Cancel',
  'Change',
  'Complete',
  'Copy',
  'Create',
  'Deactivate',
  'Delete',
  'Deregister',
  'Detach',
  'Disable',
  'Disassociate',
  'Enable',
  'Execute',
  'Export',
  'Import',
  'Invoke',
  'Lock',
  'Merge',
  'Modify',
  'Move',
  'Promote',
  'Publish',
  'Purge',
  'Put',
  'Reboot',
  'Register',
  'Reject',
  'Release',
  'Remove',
  'Replace',
  'Request',
  'Reset',
  'Restore',
  'Resume',
  'Revoke',
  'Rotate',
  'Run',
  'Schedule',
  'Send',
  'Set',
  'Start',
  'Stop',
  'Subscribe',
  'Suspend',
  'Tag',
  'Terminate',
  'Transfer',
  'Unlock',
  'Unsubscribe',
  'Untag',
  'Update',
  'Upload',
  'Write',
];
const writeVerbPattern = new RegExp(`^(${writeVerbs.join('|')})(?=[A-Z]|$)`);

/**
 * Reads that return customer data or secrets rather than configuration: PHI may sit in an object,
 * a message, a log line or an item, so the tool never asks for one (164.502(b) minimum necessary).
 */
const dataPlaneReads = new Set([
  // S3 objects, and object keys (a key may carry a patient's name)
  'GetObject',
  'GetObjectAcl',
  'GetObjectAttributes',
  'GetObjectLegalHold',
  'GetObjectRetention',
  'GetObjectTagging',
  'GetObjectTorrent',
  'HeadObject',
  'ListObjects',
  'ListObjectsV2',
  'ListObjectVersions',
  'ListMultipartUploads',
  'ListParts',
  'SelectObjectContent',
  'RestoreObject',
  'CreateSession',
  // queues, streams, notifications
  'ReceiveMessage',
  'SendMessage',
  'SendMessageBatch',
  'GetRecords',
  'GetShardIterator',
  'GetRecord',
  // secrets and keys
  'GetSecretValue',
  'BatchGetSecretValue',
  'GetParameter',
  'GetParameters',
  'GetParametersByPath',
  'GetParameterHistory',
  'Decrypt',
  'Encrypt',
  'ReEncrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateMac',
  'Sign',
  'GetPasswordData',
  'GetSessionToken',
  'GetFederationToken',
  'GetAuthorizationToken',
  'GetCredentialsForIdentity',
  'GetRoleCredentials',
  'GetRandomPassword',
  // databases and query engines
  'Scan',
  'Query',
  'GetItem',
  'BatchGetItem',
  'TransactGetItems',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
  'GetQueryResults',
  'GetStatementResult',
  'StartQueryExecution',
  // logs, consoles, code and images
  'GetLogEvents',
  'FilterLogEvents',
  'GetLogRecord',
  'StartQuery',
  'GetConsoleOutput',
  'GetConsoleScreenshot',
  'GetFunction',
  'GetLayerVersion',
  'GetDownloadUrlForLayer',
  'BatchGetImage',
  'GetMedia',
  'GetClip',
  // FHIR / HealthLake / HealthImaging data
  'GetImageFrame',
  'GetImageSetMetadata',
  'SearchImageSets',
]);

export type AwsGuardDecision = { allowed: true } | { allowed: false; reason: string };

/** Strips the SDK's 'Command' suffix: 'GetObjectCommand' → 'GetObject'. */
export function awsOperationName(commandName: string): string {
  return commandName.endsWith('Command') ? commandName.slice(0, -'Command'.length) : commandName;
}

/** The allow-list key of a command: client and command, since names repeat across services (ListTagsForResource). */
export function awsAllowKey(clientName: string, commandName: string): string {
  return `${clientName}:${commandName}`;
}

/**
 * The policy, with the reason a user reads when a command is refused. Pure: unit-tested on names.
 * A command is allowed only when this client declared it: KMSClient ListTagsForResource is not
 * allowed because RDSClient declared its own ListTagsForResource.
 */
export function awsGuardDecision(
  clientName: string,
  commandName: string,
  allowList: ReadonlySet<string>,
): AwsGuardDecision {
  const operation = awsOperationName(commandName);
  if (operation.length === 0)
    return { allowed: false, reason: 'the command has no name, so it cannot be checked' };
  if (dataPlaneReads.has(operation))
    return {
      allowed: false,
      reason: `${operation} reads customer data or secrets, which this read-only tool never does`,
    };
  if (writeVerbPattern.test(operation))
    return {
      allowed: false,
      reason: `${operation} changes the account, which this read-only tool never does`,
    };
  if (!allowList.has(awsAllowKey(clientName, `${operation}Command`)))
    return {
      allowed: false,
      reason: `${operation} is not one of the operations declared for ${clientName || 'this client'}`,
    };
  return { allowed: true };
}

export function isAwsCommandAllowed(
  clientName: string,
  commandName: string,
  allowList: ReadonlySet<string>,
): boolean {
  return awsGuardDecision(clientName, commandName, allowList).allowed;
}

/**
 * The allow-list: every declared AWS client + command, plus STS GetCallerIdentity (connectTarget's
 * identity check) and Organizations ListAccounts (`--aws-org`'s account list).
 */
export function awsAllowList(operations: readonly DeclaredOperation[]): ReadonlySet<string> {
  const commands = operations.flatMap((op) =>
    op.provider === 'aws' ? [awsAllowKey(op.client, op.command)] : [],
  );
  return new Set([
    ...commands,
    awsAllowKey(awsIdentityOperation.client, awsIdentityOperation.command),
    awsAllowKey(awsOrganizationAccountsOperation.client, awsOrganizationAccountsOperation.command),
  ]);
}

export const awsGuardMiddlewareName = 'phiAuditReadOnlyGuard';

/**
 * Initialize step, highest priority: it runs before serialization, signing and the transport, so a
 * refused command never becomes a request.
 */
export function awsReadOnlyGuard(allowList: ReadonlySet<string>): Pluggable<object, MetadataBearer> {
  const middleware: InitializeMiddleware<object, MetadataBearer> =
    (next, context) =>
    async (args: InitializeHandlerArguments<object>): Promise<InitializeHandlerOutput<MetadataBearer>> => {
      const commandName = typeof context.commandName === 'string' ? context.commandName : '';
      const clientName = typeof context.clientName === 'string' ? context.clientName : '';
      const decision = awsGuardDecision(clientName, commandName, allowList);
      if (!decision.allowed) {
        const client = clientName || 'AWS client';
        throw new DeskError(
          'READ_ONLY_VIOLATION',
          `Refused ${client} ${awsOperationName(commandName) || '(unnamed command)'}: ${decision.reason}.`,
        );
      }
      return next(args);
    };
  return {
    applyToStack(stack) {
      stack.add(middleware, {
        step: 'initialize',
        priority: 'high',
        name: awsGuardMiddlewareName,
        override: true,
      });
    },
  };
}

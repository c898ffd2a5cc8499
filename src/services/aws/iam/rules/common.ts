import type { NormalizedResource } from '../../../../kit';
import { iamAccount, iamRole, iamUser, type IamPermissions } from '../resource';

export const IAM_ACCOUNT = iamAccount.type;
export const IAM_USER = iamUser.type;
export const IAM_ROLE = iamRole.type;

/** The collector's facts; a field left undefined could not be collected. */
export const accountProperties = iamAccount.properties;
export const userProperties = iamUser.properties;
export const roleProperties = iamRole.properties;

/** Access keys older than this are due for rotation (CIS AWS Foundations 1.14; NIST SP 800-53 IA-5(1)). */
export const KEY_MAX_AGE_DAYS = 90;
/** Active keys not used for this long are standing access nobody needs. */
export const KEY_MAX_UNUSED_DAYS = 90;
/** CIS AWS Foundations 1.8: minimum password length 14. */
export const PASSWORD_MIN_LENGTH = 14;
/** CIS AWS Foundations 1.9: prevent reuse of the last 24 passwords. */
export const PASSWORD_REUSE_PREVENTION = 24;

/** "2026-12-08" from an ISO timestamp. */
export const dateOf = (iso: string): string => iso.slice(0, 10);

export function accountLabel(resource: NormalizedResource): string {
  return `AWS account ${resource.scopeId}`;
}

export function userLabel(resource: NormalizedResource): string {
  return `IAM user ${resource.name} in account ${resource.scopeId}`;
}

export function roleLabel(resource: NormalizedResource): string {
  return `IAM role ${resource.name} in account ${resource.scopeId}`;
}

/** "AdministratorAccess (AWS managed) through group nwv-platform-admins", for detail messages. */
export function describeFullAccess(grant: IamPermissions['fullAccess'][number]): string {
  const kind =
    grant.kind === 'aws-managed'
      ? 'AWS managed policy'
      : grant.kind === 'customer-managed'
        ? 'customer managed policy'
        : 'inline policy';
  const via = grant.viaGroup ? ` through group ${grant.viaGroup}` : ' attached directly';
  const condition = grant.conditioned ? ' (under a Condition)' : '';
  return `${kind} ${grant.name}${via}${condition}`;
}

/** " 2 policies could not be read (…): not judged." when the answer lacked some documents. */
export function unreadNote(permissions: IamPermissions): string {
  if (permissions.unread.length === 0) return '';
  return ` ${permissions.unread.length} polic${permissions.unread.length === 1 ? 'y' : 'ies'} could not be read (${permissions.unread.join(', ')}) and were not judged.`;
}

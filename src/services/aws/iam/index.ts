import { IAMClient } from '@aws-sdk/client-iam';
import { defineService } from '../../../kit';
import { collectIam } from './collect';
import { ops } from './operations';
import { iamAccount, iamRole, iamUser } from './resource';
import { iamAccessKeyRotation } from './rules/access-key-rotation';
import { iamConsoleUserAccessKeys } from './rules/console-user-access-keys';
import { iamPasswordPolicy } from './rules/password-policy';
import { iamRoleAdminAccess } from './rules/role-admin-access';
import { iamRolePhiWildcardAccess } from './rules/role-phi-wildcard-access';
import { iamRoleTrustExternalId } from './rules/role-trust-external-id';
import { iamRootAccessKeys } from './rules/root-access-keys';
import { iamRootMfa } from './rules/root-mfa';
import { iamUserAdminAccess } from './rules/user-admin-access';
import { iamUserConsoleMfa } from './rules/user-console-mfa';
import { iamUserPhiWildcardAccess } from './rules/user-phi-wildcard-access';
import { iamSim } from './sim';

/**
 * AWS Identity and Access Management: scope 'global' (IAM is one service per account, answered in
 * the home region), one pass per account. IAM is not on the HIPAA eligible list: it holds
 * identities and policies, not customer content — but it decides who reaches the PHI that is.
 */
export const iam = defineService({
  id: 'aws.iam',
  provider: 'aws',
  service: 'iam',
  title: 'AWS Identity and Access Management',
  hipaaListName: 'iam',
  scope: 'global',
  client: IAMClient,
  operations: Object.values(ops),
  resources: [iamAccount, iamUser, iamRole],
  rules: [
    iamRootMfa,
    iamRootAccessKeys,
    iamPasswordPolicy,
    iamUserConsoleMfa,
    iamAccessKeyRotation,
    iamConsoleUserAccessKeys,
    iamUserAdminAccess,
    iamRoleAdminAccess,
    iamRoleTrustExternalId,
    iamUserPhiWildcardAccess,
    iamRolePhiWildcardAccess,
  ],
  collect: collectIam,
  sim: iamSim,
});

import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * IAM is global: one collection per account. Three resource types, all in region 'global':
 * - 'aws.iam.account': nativeId arn:<partition>:iam::<account>:root, the root user's MFA and access
 *   keys (GetAccountSummary) and the account password policy (GetAccountPasswordPolicy);
 * - 'aws.iam.user': nativeId = the user ARN, name = the user name;
 * - 'aws.iam.role': nativeId = the role ARN, name = the role name.
 * A property that could not be collected is absent: rules report it as "not assessed", never as
 * pass or fail. Ages (ageDays, daysAgo) are computed by the collector against `observedAt`, the
 * time the answers they come from were read, so rules stay pure (no clock).
 */

/** One policy that applies to a principal: attached managed, or inline; directly or through a group. */
export const policyRefSchema = z.object({
  name: z.string(),
  /** The managed policy ARN; null for an inline policy */
  arn: z.string().nullable(),
  kind: z.enum(['aws-managed', 'customer-managed', 'inline']),
  /** null: on the principal itself; else the IAM group the user inherits it from */
  viaGroup: z.string().nullable(),
});

/** What GetAccountAuthorizationDetails says a user or role may do (permissions boundaries not applied). */
export const permissionsSchema = z.object({
  /** The user's groups (always [] for a role) */
  groups: z.array(z.string()),
  policies: z.array(policyRefSchema),
  /**
   * Policies that allow every action on every resource: the AWS managed AdministratorAccess, or a
   * document with an Allow statement whose Action and Resource are both "*".
   */
  fullAccess: z.array(
    policyRefSchema.extend({
      /** True when every such statement carries a Condition (still full access when it holds) */
      conditioned: z.boolean(),
    }),
  ),
  /** Attached managed policies (or groups) whose document the answer did not carry: not judged */
  unread: z.array(z.string()),
  /** PermissionsBoundary ARN when one is set: it may cap what the policies allow */
  permissionsBoundary: z.string().nullable(),
  /**
   * Allow statements granting every action of S3 or DynamoDB ("s3:*", "dynamodb:*") or every action
   * at all ("*"), with their Resource patterns as written: what may reach PHI buckets and tables.
   * Absent in workspaces written before it was collected.
   */
  dataWildcards: z
    .array(
      policyRefSchema.extend({
        /** The wildcard actions as written, e.g. ["s3:*"] or ["*"] */
        actions: z.array(z.string()),
        resources: z.array(z.string()),
        conditioned: z.boolean(),
      }),
    )
    .optional(),
});

export const accountSchema = z.object({
  accountId: z.string(),
  /** When the account-level answers were read (ISO) */
  observedAt: z.string(),
  /** GetAccountSummary: AccountMFAEnabled and AccountAccessKeysPresent (both about the root user) */
  root: z
    .object({
      mfaEnabled: z.boolean(),
      accessKeysPresent: z.boolean(),
    })
    .optional(),
  /** GetAccountPasswordPolicy; set false when IAM answered NoSuchEntity (no policy: a fact, not a gap) */
  passwordPolicy: z
    .object({
      set: z.boolean(),
      minimumLength: z.number().nullable(),
      requireSymbols: z.boolean().nullable(),
      requireNumbers: z.boolean().nullable(),
      requireUppercase: z.boolean().nullable(),
      requireLowercase: z.boolean().nullable(),
      allowUsersToChangePassword: z.boolean().nullable(),
      expirePasswords: z.boolean().nullable(),
      /** Absent from the answer when passwords do not expire */
      maxAgeDays: z.number().nullable(),
      /** Absent from the answer when reuse is not prevented */
      reusePrevention: z.number().nullable(),
      hardExpiry: z.boolean().nullable(),
    })
    .optional(),
});

export const accessKeySchema = z.object({
  accessKeyId: z.string(),
  /** 'Active' | 'Inactive' | 'Expired' */
  status: z.string(),
  createDate: z.string().nullable(),
  /** Whole days from createDate to observedAt */
  ageDays: z.number().nullable(),
  /** GetAccessKeyLastUsed (asked for active keys only); absent when not asked or refused */
  lastUsed: z
    .object({
      /** null: never used since IAM began tracking (22 April 2015) */
      date: z.string().nullable(),
      daysAgo: z.number().nullable(),
      /** 'N/A' from IAM becomes null */
      serviceName: z.string().nullable(),
      region: z.string().nullable(),
    })
    .optional(),
});

export const userSchema = z.object({
  userName: z.string(),
  userId: z.string(),
  path: z.string(),
  createDate: z.string().nullable(),
  /** When this user's answers were read (ISO): ageDays and daysAgo count to it */
  observedAt: z.string(),
  /** GetLoginProfile: a console password exists (NoSuchEntity = none) */
  console: z
    .object({
      passwordSet: z.boolean(),
      createDate: z.string().nullable(),
      passwordResetRequired: z.boolean().nullable(),
    })
    .optional(),
  /** ListMFADevices */
  mfaDevices: z
    .array(
      z.object({
        serialNumber: z.string(),
        /** virtual (arn …:mfa/…), fido (arn …:u2f/…), or hardware (a serial number) */
        kind: z.enum(['virtual', 'fido', 'hardware']),
        enableDate: z.string().nullable(),
      }),
    )
    .optional(),
  /** ListAccessKeys */
  accessKeys: z.array(accessKeySchema).optional(),
  permissions: permissionsSchema,
});

/** One principal an Allow statement of a trust policy lets assume the role. */
export const trustedPrincipalSchema = z.object({
  sid: z.string().nullable(),
  /**
   * account: an AWS account or a principal in one (arn:aws:iam::<id>:root|role/…|user/…, or a bare id);
   * everyone: "*" or {"AWS": "*"}; service: {"Service": …}; federated: {"Federated": …} (SAML or
   * OIDC); deleted: a unique id (AROA…/AIDA…) that IAM shows when the principal was deleted
   */
  kind: z.enum(['account', 'everyone', 'service', 'federated', 'deleted', 'other']),
  value: z.string(),
  /** The 12-digit account of an 'account' principal */
  accountId: z.string().nullable(),
  /** The statement's Action list (sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:TagSession …) */
  actions: z.array(z.string()),
  /** The Condition names sts:ExternalId */
  externalId: z.boolean(),
  /** The Condition names aws:PrincipalOrgID or aws:PrincipalOrgPaths (callers of one organisation) */
  organisationCondition: z.boolean(),
  /** Every Condition key the statement names, lower-cased (for the detail) */
  conditionKeys: z.array(z.string()),
});

export const roleSchema = z.object({
  roleName: z.string(),
  roleId: z.string(),
  path: z.string(),
  createDate: z.string().nullable(),
  /** Path /aws-service-role/: created and managed by an AWS service, not editable */
  serviceLinked: z.boolean(),
  /** The AssumeRolePolicyDocument (URL-encoded in the answer) */
  trust: z.object({
    /** False when the document was not a JSON policy: nothing is claimed from it */
    parsed: z.boolean(),
    principals: z.array(trustedPrincipalSchema),
    document: z.unknown().nullable(),
  }),
  permissions: permissionsSchema,
  /** RoleLastUsed; date null when not used in the tracking period (400 days) */
  lastUsed: z.object({ date: z.string().nullable(), region: z.string().nullable() }),
});

export type IamAccountProperties = z.infer<typeof accountSchema>;
export type IamUserProperties = z.infer<typeof userSchema>;
export type IamRoleProperties = z.infer<typeof roleSchema>;
export type IamPermissions = z.infer<typeof permissionsSchema>;
export type IamPolicyRef = z.infer<typeof policyRefSchema>;
export type IamAccessKey = z.infer<typeof accessKeySchema>;
export type IamTrustedPrincipal = z.infer<typeof trustedPrincipalSchema>;

export const iamAccount = defineResourceType('aws.iam.account', 'IAM account settings', accountSchema);
export const iamUser = defineResourceType('aws.iam.user', 'IAM user', userSchema);
export const iamRole = defineResourceType('aws.iam.role', 'IAM role', roleSchema);

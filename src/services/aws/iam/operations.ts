import {
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { awsOperation } from '../../../kit';

/**
 * Every IAM call the collector makes: the guard allows exactly these, the access kit grants exactly
 * them. GetAccountAuthorizationDetails reads users, groups, roles and policies in one paged call;
 * the per-user reads add what it leaves out (keys, MFA devices, console password). None of them
 * returns a secret: GetLoginProfile says whether a password exists, never the password, and
 * GenerateCredentialReport (which writes a report) is not used.
 */
export const ops = {
  getAccountAuthorizationDetails: awsOperation(
    GetAccountAuthorizationDetailsCommand,
    'iam:GetAccountAuthorizationDetails',
  ),
  getAccountSummary: awsOperation(GetAccountSummaryCommand, 'iam:GetAccountSummary'),
  getAccountPasswordPolicy: awsOperation(GetAccountPasswordPolicyCommand, 'iam:GetAccountPasswordPolicy'),
  listAccessKeys: awsOperation(ListAccessKeysCommand, 'iam:ListAccessKeys'),
  getAccessKeyLastUsed: awsOperation(GetAccessKeyLastUsedCommand, 'iam:GetAccessKeyLastUsed'),
  listMfaDevices: awsOperation(ListMFADevicesCommand, 'iam:ListMFADevices'),
  getLoginProfile: awsOperation(GetLoginProfileCommand, 'iam:GetLoginProfile'),
};

import { describe, expect, it } from 'vitest';
import { targetAuthSchema } from '../../../src/api/contract/assess';
import { parseAwsAuth } from '../../../src/cloud/aws/credentials';
import { parseAzureAuth } from '../../../src/cloud/azure/credentials';
import { awsAuthMethods, azureAuthMethods } from '../../../src/cloud/auth-methods';

// What the UI and CLI send must be what the credential wiring understands (a mismatch once turned
// every "assume-role" and "azure-cli" target into a coverage gap).
describe('sign-in methods: contract and credential modules agree', () => {
  it.each(awsAuthMethods)('AWS %s passes the contract and the AWS parser', (method) => {
    const auth = { method, profile: 'audit', roleArn: 'arn:aws:iam::210987654321:role/PhiAuditDeskReadOnly' };
    expect(targetAuthSchema.safeParse(auth).success).toBe(true);
    expect(parseAwsAuth(auth).method).toBe(method);
  });

  it.each(azureAuthMethods)('Azure %s passes the contract and the Azure parser', (method) => {
    const auth = { method, tenantId: '3f8a2b6c-1d4e-4f7a-9b2c-5e8d1a4f7b3c' };
    expect(targetAuthSchema.safeParse(auth).success).toBe(true);
    expect(parseAzureAuth(auth).method).toBe(method);
  });

  it('the contract refuses a method neither cloud knows', () => {
    expect(targetAuthSchema.safeParse({ method: 'password' }).success).toBe(false);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  awsCredentialProvider,
  awsSignInHint,
  describeAwsAuth,
  memoizeCredentials,
  parseAwsAuth,
} from '../../../../src/cloud/aws/credentials';
import { DeskError } from '../../../../src/errors';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('parseAwsAuth', () => {
  it('infers the method from the selectors', () => {
    expect(parseAwsAuth({}).method).toBe('default');
    expect(parseAwsAuth({ profile: 'nwv-audit' }).method).toBe('profile');
    expect(
      parseAwsAuth({ profile: 'nwv-audit', roleArn: 'arn:aws:iam::210987654321:role/PhiAuditDeskReadOnly' })
        .method,
    ).toBe('assume-role');
    expect(parseAwsAuth({ method: 'env' }).method).toBe('env');
  });

  it('refuses bad selectors naming the field', () => {
    expect(() => parseAwsAuth({ roleArn: 'PhiAuditDeskReadOnly' })).toThrow(
      /roleArn: must be an IAM role ARN/,
    );
    expect(() => parseAwsAuth({ method: 'profile' })).toThrow(DeskError);
    expect(() => parseAwsAuth({ method: 'password' })).toThrow(/method/);
  });

  it('says which credentials were tried and what to run, with no secret', () => {
    const auth = parseAwsAuth({ profile: 'nwv-audit' });
    expect(describeAwsAuth(auth)).toBe('AWS profile "nwv-audit"');
    expect(awsSignInHint(auth)).toContain('aws sso login --profile nwv-audit');
    expect(awsSignInHint(parseAwsAuth({ method: 'env' }))).toContain('AWS_ACCESS_KEY_ID');
  });
});

describe('awsCredentialProvider', () => {
  it('reads environment credentials at run time', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAENVEXAMPLE0001');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'env-secret');
    const identity = await awsCredentialProvider(parseAwsAuth({ method: 'env' }), { region: 'us-east-1' })();
    expect(identity).toMatchObject({ accessKeyId: 'AKIAENVEXAMPLE0001', secretAccessKey: 'env-secret' });
  });

  it('a profile that does not exist fails locally, before any network call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-aws-'));
    writeFileSync(join(dir, 'config'), '[profile other]\nregion = us-east-1\n');
    writeFileSync(join(dir, 'credentials'), '');
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    await expect(
      awsCredentialProvider(parseAwsAuth({ profile: 'nwv-audit' }), { region: 'us-east-1' })(),
    ).rejects.toMatchObject({ name: 'CredentialsProviderError' });
  });
});

describe('memoizeCredentials', () => {
  it('shares one fetch between concurrent callers and refreshes near expiry', async () => {
    let fetches = 0;
    let expiresIn = 3_600_000;
    const provider = memoizeCredentials(async () => {
      fetches += 1;
      return {
        accessKeyId: `K${fetches}`,
        secretAccessKey: 's',
        expiration: new Date(Date.now() + expiresIn),
      };
    });
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a).toBe(b);
    expect(fetches).toBe(1);
    await provider();
    expect(fetches).toBe(1);
    expiresIn = 60_000; // the next identity expires within the refresh window
    await provider({ forceRefresh: true });
    expect(fetches).toBe(2);
    await provider();
    expect(fetches).toBe(3);
  });
});

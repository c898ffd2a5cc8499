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

describe('profiles as the AWS CLI writes them', () => {
  function awsHome(config: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'phi-aws-home-'));
    writeFileSync(join(dir, 'config'), config);
    writeFileSync(join(dir, 'credentials'), '');
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
    vi.stubEnv('HOME', dir);
    return dir;
  }

  it('a credential_process profile gets its keys from the helper, at run time', async () => {
    const dir = awsHome('');
    const helper = join(dir, 'helper.cjs');
    writeFileSync(
      helper,
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'AKIAPROCESS0000001', SecretAccessKey: 'from-process' }))`,
    );
    writeFileSync(
      join(dir, 'config'),
      `[profile vault]\ncredential_process = ${process.execPath} ${helper}\nregion = us-east-1\n`,
    );
    const identity = await awsCredentialProvider(parseAwsAuth({ profile: 'vault' }), {
      region: 'us-east-1',
    })();
    expect(identity).toMatchObject({ accessKeyId: 'AKIAPROCESS0000001', secretAccessKey: 'from-process' });
  });

  it('an SSO profile without a live session fails locally, and the hint is `aws sso login`, not a stack trace', async () => {
    awsHome(
      '[profile nwv-sso]\nsso_session = nwv\nsso_account_id = 210987654321\nsso_role_name = Audit\nregion = us-east-1\n' +
        '[sso-session nwv]\nsso_start_url = https://nwv.awsapps.com/start\nsso_region = us-east-1\n',
    );
    const auth = parseAwsAuth({ profile: 'nwv-sso' });
    const error = (await awsCredentialProvider(auth, { region: 'us-east-1' })().catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.name).toBe('CredentialsProviderError');
    expect(awsSignInHint(auth, error.message)).toBe('run `aws sso login --profile nwv-sso`, then retry');
  });

  it('a role that cannot be assumed points at the role and its trust policy', () => {
    const auth = parseAwsAuth({
      roleArn: 'arn:aws:iam::210987654321:role/PhiAuditDeskReadOnly',
      externalId: 'x1',
    });
    expect(
      awsSignInHint(
        auth,
        'User: arn:aws:iam::1:user/a is not authorized to perform: sts:AssumeRole on resource',
      ),
    ).toMatch(
      /role arn:aws:iam::210987654321:role\/PhiAuditDeskReadOnly exists, trusts your principal with this ExternalId/,
    );
  });
});

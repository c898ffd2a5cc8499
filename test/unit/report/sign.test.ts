import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestOfBuffer, verifyCms } from '../../../src/report/cms-verify';
import {
  createSelfSignedEngagementCertificate,
  loadSigner,
  SELF_SIGNED_LABEL,
  signDetached,
} from '../../../src/report/sign';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir('phi-report-sign-');

describe('self-signed engagement certificate', () => {
  it('is labelled self-signed in its subject and loads with its passphrase', () => {
    const { p12, passphrase } = createSelfSignedEngagementCertificate({
      commonName: 'Zoë Müller',
      organization: 'Audit firm — East',
    });
    const signer = loadSigner(p12, passphrase);
    expect(signer.info.selfSigned).toBe(true);
    expect(signer.info.subject).toContain(`OU=${SELF_SIGNED_LABEL}`);
    expect(signer.info.commonName).toBe('Zoë Müller');
    expect(signer.info.subject).toContain('O=Audit firm — East');
    expect(signer.info.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong passphrase with a SIGNING error that says so', () => {
    const { p12 } = createSelfSignedEngagementCertificate({ commonName: 'A', organization: 'B' });
    expect(() => loadSigner(p12, 'not the passphrase')).toThrow(
      expect.objectContaining({ code: 'SIGNING', message: expect.stringContaining('passphrase is wrong') }),
    );
  });

  it('refuses a file that is not PKCS#12', () => {
    expect(() => loadSigner(Buffer.from('hello'), 'x')).toThrow(expect.objectContaining({ code: 'SIGNING' }));
  });
});

describe('detached CMS signature', () => {
  const { p12, passphrase } = createSelfSignedEngagementCertificate({
    commonName: 'Dana Reyes',
    organization: 'Zoë Health',
  });
  const signer = loadSigner(p12, passphrase);
  const content = Buffer.from('{"files":[]}\n');
  const p7s = signDetached(content, signer);

  it('verifies with our own checker and names the signer', () => {
    const v = verifyCms(p7s, digestOfBuffer(content));
    expect(v).toMatchObject({ valid: true, contentChanged: false });
    expect(v.signer?.commonName).toBe('Dana Reyes');
    expect(v.signer?.selfSigned).toBe(true);
  });

  it('names the signer certificate in the signed attributes (ESS signing-certificate-v2)', () => {
    const text = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER'], {
      input: p7s,
      encoding: 'utf8',
    }).stdout;
    expect(text).toContain('id-smime-aa-signingCertificateV2');
    expect(text).toContain('signingTime');
    // a PDF signature carries its time in /M, not as a signed attribute (PAdES)
    const pdfStyle = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER'], {
      input: signDetached(content, signer, null),
      encoding: 'utf8',
    }).stdout;
    expect(pdfStyle).toContain('id-smime-aa-signingCertificateV2');
    expect(pdfStyle).not.toContain('signingTime');
  });

  it('says the content changed when one byte differs', () => {
    const changed = Buffer.from(content);
    changed[2] = 0x47;
    expect(verifyCms(p7s, digestOfBuffer(changed))).toMatchObject({ valid: false, contentChanged: true });
  });

  it('rejects a damaged signature', () => {
    const bad = Buffer.from(p7s);
    bad[bad.length - 10] = bad[bad.length - 10]! ^ 0xff;
    expect(verifyCms(bad, digestOfBuffer(content)).valid).toBe(false);
  });

  it('verifies with openssl cms (non-ASCII names included)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'm.json'), content);
    writeFileSync(join(dir, 'm.json.p7s'), p7s);
    const r = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'm.json.p7s',
        '-content',
        'm.json',
        '-noverify',
        '-out',
        '/dev/null',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.stderr).toContain('Verification successful');
    expect(r.status).toBe(0);
  });
});

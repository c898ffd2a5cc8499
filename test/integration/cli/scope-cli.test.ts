/** The scope section of the CLI run summary and of `info`: what was assessed, and what was not. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from '../../../src/cloud/sim';
import { ensureBuiltCli, runCli } from '../../support/cli';
import { registry } from '../../../src/services';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-scope-cli-');

beforeAll(() => ensureBuiltCli(), 120_000);

/** The lines of the scope section: from its heading to the findings table. */
function scopeSection(stdout: string): string[] {
  const start = stdout.indexOf('Scope of run #');
  const end = stdout.indexOf('Failing findings by safeguard');
  expect(start, stdout).toBeGreaterThanOrEqual(0);
  return stdout
    .slice(start, end === -1 ? undefined : end)
    .trimEnd()
    .split('\n');
}

describe('phi-audit scope summary (the built CLI)', () => {
  it('demo states per target the identity, regions, services and types assessed, and what is unknown', () => {
    const dir = tmp();
    const r = runCli(['demo', '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    const lines = scopeSection(r.stdout);
    const field = (label: string) => `  ${label.padEnd(18)}`;
    const text = lines.join('\n');
    expect(lines[0]).toBe('Scope of run #1: what was assessed, and what was not');
    // Every assessed service, in the registry's order, wrapped at 100 columns.
    const assessed = registry.services
      .filter((service) => !service.resources.every((type) => type.inventory))
      .map((service) => service.title);
    expect(text.replace(/\n {2}(?=\S)/g, ' ')).toContain(`Assessed: ${assessed.join(', ')} in 3 targets`);
    expect(text).toContain('AWS Northwind Vitals prod (210987654321)');
    expect(text).toContain(`${field('Signed in as')}arn:aws:sts::210987654321:assumed-role/`);
    expect(text).toContain(`${field('Regions')}us-east-1, us-west-2, eu-west-1`);
    // A value wraps onto indented lines: read it as one line.
    const flat = text.replace(/\n {20}/g, ' ');
    const rules = (type: string) => registry.rulesForType(type).length;
    expect(flat).toMatch(new RegExp(`Amazon S3: \\d+ S3 buckets \\(${rules('aws.s3.bucket')} rules\\)`));
    expect(flat).toMatch(
      new RegExp(
        `Azure Key Vault: \\d+ Key vaults \\(${rules('azure.keyvault.vault')} rules\\), \\d+ Key Vault keys \\(${rules('azure.keyvault.key')} rules\\)`,
      ),
    );
    // Labels read as plurals people write.
    expect(flat).toMatch(/Amazon GuardDuty: 3 GuardDuty in account regions \(\d rules\)/);
    expect(text).toContain(
      `${field('Coverage gaps')}4: s3 GetBucketLogging access denied: us-east-1 ×3, us-west-2`,
    );
    expect(text).toContain(`${field('Seen outside')}centralus (1 Storage account replica, 1 Recovery`);
    // Readable in 100 columns.
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
    // "none" only says what is true: the calls planned for the assessed services.
    expect(r.stdout).not.toMatch(/^none$/m);
  });

  it('a target that could not sign in says so and why, and claims nothing for it', () => {
    const dir = tmp();
    const scenario = structuredClone(demoScenario());
    scenario.faults = [
      ...(scenario.faults ?? []),
      { provider: 'aws', service: 'sts', account: '345678901234', kind: 'access_denied' },
    ];
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenario));
    const ws = join(dir, 'client.phiaudit');
    expect(runCli(['init', ws, '--client', 'Northwind Vitals']).status).toBe(0);
    const r = runCli(['assess', ws, '--scenario', file, '--fail-on', 'none']);
    expect(r.stdout, r.stderr).toContain('Scope of run #1');
    const text = scopeSection(r.stdout).join('\n');
    expect(text.replace(/\n +/g, ' ')).toMatch(/ in 2 of 3 targets \(1 not signed in\)/);
    const shared = text.slice(text.indexOf('AWS Northwind Vitals shared services (345678901234)'));
    const field = (label: string) => `  ${label.padEnd(18)}`;
    expect(shared).toContain(`${field('NOT signed in')}AWS sign-in for "Northwind Vitals shared services"`);
    expect(shared).toContain(`${field('Assessed')}nothing: no call could be made in this target`);
    expect(shared).toContain(`${field('Coverage gaps')}1: the sign-in failed`);
  });

  it('info ends with the scope of the newest run', () => {
    const dir = tmp();
    const demo = runCli(['demo', '--out', dir, '--progress', 'none']);
    expect(demo.status, demo.stderr).toBe(0);
    const file = join(
      dir,
      readdirSync(dir).find((f) => f.endsWith('.phiaudit'))!,
    );
    const r = runCli(['info', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Scope of run #1: what was assessed, and what was not/);
    expect(r.stdout).toContain(
      'AZURE Northwind Vitals Azure production (7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b)',
    );
  });
});

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withEngagementExternalId } from '../../../src/api/handlers/assess';
import { Workspace } from '../../../src/workspace/workspace';
import { ensureBuiltCli, runCli } from '../../support/cli';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-access-kit-cli-');

beforeAll(() => ensureBuiltCli(), 120_000);

const externalIdLine = /^# AWS ExternalId the role requires: (phi-audit-desk-[0-9a-f-]{36}) \((.+)\)$/m;

function trustCondition(stdout: string): unknown {
  const template = JSON.parse(stdout.slice(stdout.indexOf('{\n  "AWSTemplateFormatVersion"'))) as {
    Resources: {
      PhiAuditDeskRole: {
        Properties: { AssumeRolePolicyDocument: { Statement: { Condition?: unknown }[] } };
      };
    };
  };
  return template.Resources.PhiAuditDeskRole.Properties.AssumeRolePolicyDocument.Statement[0]?.Condition;
}

describe('access-kit: the role it generates requires an ExternalId', () => {
  it('uses the engagement’s own ExternalId, made once and recorded in the audit log', () => {
    const file = join(tmp(), 'client.phiaudit');
    expect(runCli(['init', file, '--client', 'Northwind Vitals']).status).toBe(0);
    const first = runCli(['access-kit', '--aws', '--workspace', file]);
    expect(first.status, first.stderr).toBe(0);
    const [, id, origin] = externalIdLine.exec(first.stdout) ?? [];
    expect(origin).toMatch(/this engagement’s/);
    expect(trustCondition(first.stdout)).toEqual({ StringEquals: { 'sts:ExternalId': id } });

    const again = runCli(['access-kit', '--aws', '--workspace', file]);
    expect(externalIdLine.exec(again.stdout)?.[1]).toBe(id);
    const ws = Workspace.open(file, 'test');
    try {
      expect(ws.awsExternalId).toBe(id);
      const created = ws.db
        .prepare("SELECT subject FROM audit_log WHERE action = 'engagement.external-id.created'")
        .all();
      expect(created).toEqual([{ subject: id }]);
    } finally {
      ws.close();
    }
  });

  it('without an engagement it makes a new one and says to record it; a given one is used as is', () => {
    const fresh = runCli(['access-kit', '--aws']);
    expect(externalIdLine.exec(fresh.stdout)?.[2]).toMatch(/new: .*--aws-external-id/);
    const given = runCli(['access-kit', '--aws', '--external-id', 'nwv-2026-audit']);
    expect(given.stdout).toContain('# AWS ExternalId the role requires: nwv-2026-audit (as given)');
    expect(trustCondition(given.stdout)).toEqual({ StringEquals: { 'sts:ExternalId': 'nwv-2026-audit' } });
  });
});

describe('assume-role targets send the engagement’s ExternalId unless they name their own', () => {
  it('fills only AWS assume-role targets without one', () => {
    const aws = {
      provider: 'aws' as const,
      label: 'Prod',
      cloud: 'aws' as const,
      scopeId: '210987654321',
      regions: [],
    };
    const source = {
      kind: 'live' as const,
      targets: [
        { ...aws, auth: { method: 'assume-role' as const, roleArn: 'arn:aws:iam::210987654321:role/Audit' } },
        {
          ...aws,
          auth: {
            method: 'assume-role' as const,
            roleArn: 'arn:aws:iam::210987654321:role/A',
            externalId: 'own',
          },
        },
        { ...aws, auth: { method: 'profile' as const, profile: 'prod' } },
      ],
    };
    const filled = withEngagementExternalId(source, 'phi-audit-desk-x');
    expect(filled.targets.map((t) => t.auth.externalId)).toEqual(['phi-audit-desk-x', 'own', undefined]);
    expect(withEngagementExternalId(source, null)).toBe(source);
  });
});

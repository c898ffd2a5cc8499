import { describe, expect, it } from 'vitest';
import type { NormalizedResource } from '../../../src/kit/model';
import { effectiveSeverity, evaluateResources, findingKey } from '../../../src/rules/evaluate';
import { getRule, rules } from '../../../src/rules/registry';
import type { Rule } from '../../../src/kit/rule';
import { ruleContext } from '../../../src/kit/fixtures';
import { failServingPhi } from '../../../src/kit/result';
import { s3Bucket } from '../../../src/services/aws/s3/fixtures';
import { storageAccount } from '../../../src/services/azure/storage/fixtures';

function fakeRule(id: string, evaluate: Rule['evaluate'], extra: Partial<Rule> = {}): Rule {
  return {
    id,
    title: id,
    severity: 'low',
    resourceType: 'aws.s3.bucket',
    citations: ['164.312(b)'],
    failurePattern: 'test',
    rationale: 'test',
    remediation: { text: 'test' },
    evaluate,
    ...extra,
  };
}

describe('evaluateResources', () => {
  it('runs every registered rule on every resource of its type, and only those', () => {
    const other: NormalizedResource = {
      ...s3Bucket(),
      // A type no service judges
      type: 'aws.example.widget',
      nativeId: 'arn:aws:example:us-east-1:111122223333:widget/orders',
    };
    const resources = [s3Bucket(), storageAccount(), other];
    const { findings, errors } = evaluateResources(resources, ruleContext({ resources }));
    expect(errors).toEqual([]);
    const judged = new Set(['aws.s3.bucket', 'azure.storage.account']);
    expect(findings).toHaveLength(rules.filter((rule) => judged.has(rule.resourceType)).length);
    for (const type of judged)
      expect(findings.filter((f) => f.resourceType === type)).toHaveLength(
        rules.filter((rule) => rule.resourceType === type).length,
      );
    expect(findings.every((f) => f.status === 'pass')).toBe(true);
    for (const f of findings) {
      expect(f.key).toBe(`${f.ruleId}|${f.nativeId}`);
      expect(f.citations).toEqual(getRule(f.ruleId)?.citations);
    }
  });

  it('keeps the finding key stable: rule id and native id only', () => {
    expect(findingKey('aws.s3.default-encryption', 'arn:aws:s3:::b')).toBe(
      'aws.s3.default-encryption|arn:aws:s3:::b',
    );
    const a = evaluateResources([s3Bucket({ phi: true })], ruleContext()).findings.map((f) => f.key);
    const b = evaluateResources([s3Bucket({ phi: false })], ruleContext()).findings.map((f) => f.key);
    expect(a).toEqual(b);
  });

  it('raises severity to severityWhenPhi on PHI-classified resources', () => {
    const unencrypted = {
      encryption: { enabled: false, algorithm: null, kmsKeyId: null, bucketKeyEnabled: false },
    };
    const phi = evaluateResources([s3Bucket({ properties: unencrypted })], ruleContext()).findings;
    const plain = evaluateResources(
      [s3Bucket({ phi: false, properties: unencrypted })],
      ruleContext(),
    ).findings;
    const pick = (list: typeof phi) => list.find((f) => f.ruleId === 'aws.s3.default-encryption');
    expect(pick(phi)).toMatchObject({ status: 'fail', severity: 'high', phi: true, exposure: 'internal' });
    expect(pick(plain)).toMatchObject({ status: 'fail', severity: 'medium', phi: false });
    const logging = getRule('aws.s3.access-logging');
    if (!logging) throw new Error('aws.s3.access-logging missing');
    expect(effectiveSeverity(logging, { phi: true })).toBe('medium');
  });

  it('raises severity when a failing result names the PHI resource the judged one serves, not on a pass', () => {
    const guard = fakeRule(
      'test.guard',
      (resource) =>
        resource.name === 'open'
          ? failServingPhi(
              'Security group open guards EC2 instance nwv-legacy-intake.',
              'EC2 instance nwv-legacy-intake',
            )
          : { status: 'pass', detail: 'closed', servesPhi: 'EC2 instance nwv-legacy-intake' },
      { severity: 'high', severityWhenPhi: 'critical' },
    );
    const { findings } = evaluateResources(
      [
        s3Bucket({ phi: false, name: 'open' }),
        { ...s3Bucket({ phi: false, name: 'closed' }), nativeId: 'arn:aws:s3:::closed' },
      ],
      ruleContext(),
      [guard],
    );
    expect(findings.map((f) => [f.status, f.severity, f.phi])).toEqual([
      ['fail', 'critical', false],
      ['pass', 'high', false],
    ]);
  });

  it('contains a rule that throws: not_applicable "Rule error", error returned, other rules still run', () => {
    const boom = fakeRule('test.boom', () => {
      throw new Error('properties.encryption.algorithm is not a string');
    });
    const ok = fakeRule('test.ok', (r) => ({ status: 'pass', detail: `${r.name} ok` }));
    const bucket = s3Bucket();
    const { findings, errors } = evaluateResources([bucket], ruleContext(), [boom, ok]);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ ruleId: 'test.boom', status: 'not_applicable', severity: 'low' });
    expect(findings[0]?.detail).toBe(
      'Rule error: test.boom could not judge northwind-patient-docs: properties.encryption.algorithm is not a string',
    );
    expect(findings[1]).toMatchObject({ ruleId: 'test.ok', status: 'pass' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      ruleId: 'test.boom',
      nativeId: bucket.nativeId,
      message: 'properties.encryption.algorithm is not a string',
    });
    expect(errors[0]?.stack).toContain('properties.encryption.algorithm');
  });

  it('treats a thrown non-Error and an invalid result as rule errors', () => {
    const throwsString = fakeRule('test.string', () => {
      throw 'bad input';
    });
    const invalid = fakeRule('test.invalid', () => ({ status: 'passed', detail: '' }) as never);
    const { findings, errors } = evaluateResources([s3Bucket()], ruleContext(), [throwsString, invalid]);
    expect(findings.map((f) => f.status)).toEqual(['not_applicable', 'not_applicable']);
    expect(findings[0]?.detail).toContain('Rule error: test.string');
    expect(findings[0]?.detail).toContain('bad input');
    expect(findings[1]?.detail).toMatch(/^Rule error: test\.invalid .*invalid result/);
    expect(errors.map((e) => e.ruleId)).toEqual(['test.string', 'test.invalid']);
  });

  it('defaults exposure to internal for a rule that does not declare it', () => {
    const { findings } = evaluateResources([s3Bucket()], ruleContext(), [
      fakeRule('test.plain', () => ({ status: 'pass', detail: 'ok' })),
    ]);
    expect(findings[0]?.exposure).toBe('internal');
  });

  it('returns nothing for no resources', () => {
    expect(evaluateResources([], ruleContext())).toEqual({ findings: [], errors: [] });
  });
});

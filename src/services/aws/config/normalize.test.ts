import { describe, expect, it } from 'vitest';
import { isHipaaPack, packFrom, recorderFrom } from './normalize';

describe('AWS Config answers', () => {
  it('reads a recorder with its status, all types by allSupported or by strategy', () => {
    expect(
      recorderFrom(
        {
          name: 'default',
          recordingGroup: {
            allSupported: false,
            recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
          },
        },
        [
          {
            name: 'default',
            recording: false,
            lastStatus: 'Success',
            lastStopTime: new Date('2025-08-19T23:41:00Z'),
          },
        ],
      ),
    ).toEqual({
      name: 'default',
      allSupported: true,
      strategy: 'ALL_SUPPORTED_RESOURCE_TYPES',
      recording: false,
      lastStatus: 'Success',
      lastStopTime: '2025-08-19T23:41:00.000Z',
    });
    // Status not readable: recording unknown, not false.
    expect(
      recorderFrom({ name: 'default', recordingGroup: { allSupported: true } }, null).recording,
    ).toBeNull();
  });

  it('tells the HIPAA pack by name or template document, and counts NON_COMPLIANT rules', () => {
    const detail = {
      ConformancePackName: 'org-pack-1',
      ConformancePackArn: 'arn',
      ConformancePackId: 'id',
      TemplateSSMDocumentDetails: {
        DocumentName: 'AWSConformancePacks-Operational-Best-Practices-for-HIPAA-Security',
      },
    };
    expect(isHipaaPack(detail)).toBe(true);
    expect(isHipaaPack({ ...detail, TemplateSSMDocumentDetails: undefined })).toBe(false);
    expect(
      packFrom(detail, [
        { ConfigRuleName: 'b', ComplianceType: 'NON_COMPLIANT' },
        { ConfigRuleName: 'a', ComplianceType: 'NON_COMPLIANT' },
        { ConfigRuleName: 'c', ComplianceType: 'COMPLIANT' },
        { ConfigRuleName: 'd', ComplianceType: 'INSUFFICIENT_DATA' },
      ]),
    ).toEqual({
      name: 'org-pack-1',
      arn: 'arn',
      hipaa: true,
      compliance: { rules: 4, nonCompliant: ['a', 'b'] },
    });
    expect(packFrom(detail, null).compliance).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { pluralLabel } from '../../../src/kit/resource';

describe('pluralLabel', () => {
  it.each([
    ['KMS key', 'KMS keys'],
    ['Activity log category', 'Activity log categories'],
    ['Elastic Load Balancer (v2)', 'Elastic Load Balancers (v2)'],
    ['GuardDuty in an account region', 'GuardDuty in account regions'],
    ['CloudTrail trails of an account', 'CloudTrail trails of accounts'],
    ['IAM account settings', 'IAM account settings'],
    [
      'EBS encryption-by-default setting (account and region)',
      'EBS encryption-by-default settings (account and region)',
    ],
    ['Key vault', 'Key vaults'],
    ['Front Door route', 'Front Door routes'],
  ])('%s → %s', (one, many) => {
    expect(pluralLabel(one)).toBe(many);
  });
});

import { describe, expect, it } from 'vitest';
import {
  azureBaa,
  azurePolicyHipaaInitiative,
  describeAzureServiceScope,
} from '../../../src/catalog/azure-scope';

describe('Azure HIPAA scope', () => {
  it('states that per-service BAA scope is not verified, and where to verify it', () => {
    expect(azureBaa.perServiceScope.status).toBe('not_verified');
    expect(azureBaa.perServiceScope.whereToVerify).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    expect(azureBaa.unverified.length).toBeGreaterThan(0);
    const text = describeAzureServiceScope('Azure Blob Storage');
    expect(text).toContain('Azure Blob Storage');
    expect(text).toContain('not verified');
  });

  it('records the BAA mechanics and the HITRUST/HIPAA initiative with its dated source', () => {
    expect(azureBaa.mechanism).toContain('Data Protection Addendum');
    expect(azurePolicyHipaaInitiative).toMatchObject({
      definitionName: 'a169a624-5599-4385-a696-c8d643089fab',
      version: '14.13.0',
      policyDefinitions: 589,
      manualDefinitions: 496,
      automatedDefinitions: 93,
    });
    expect(
      azurePolicyHipaaInitiative.manualDefinitions + azurePolicyHipaaInitiative.automatedDefinitions,
    ).toBe(azurePolicyHipaaInitiative.policyDefinitions);
    expect(azurePolicyHipaaInitiative.source.snapshotDate).toBe('2026-04-29');
  });
});

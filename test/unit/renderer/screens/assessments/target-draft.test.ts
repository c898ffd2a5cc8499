import { describe, expect, it } from 'vitest';
import { checkedTargetInputSchema } from '../../../../../src/api/contract/assess';
import {
  checkTargetDraft,
  describeSignIn,
  newTargetDraft,
  toTargetInput,
} from '../../../../../renderer/src/screens/assessments/target-draft';

const stackHub = {
  ...newTargetDraft('azure'),
  label: 'Stack Hub',
  scopeId: '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b',
  regions: ['local'],
  cloud: 'custom' as const,
};

describe('target form: a custom Azure cloud', () => {
  it('asks for the ARM endpoint and authority host, https only', () => {
    expect(checkTargetDraft(stackHub)).toMatchObject({
      armEndpoint: expect.stringMatching(/ARM endpoint, an https URL/),
      authorityHost: expect.stringMatching(/sign-in authority/),
    });
    expect(
      checkTargetDraft({ ...stackHub, armEndpoint: 'http://arm.local', authorityHost: 'https://adfs.local' }),
    ).toHaveProperty('armEndpoint');
  });

  it('sends the endpoints the API accepts and lists the target by its endpoint', () => {
    const draft = {
      ...stackHub,
      armEndpoint: ' https://management.local.azurestack.external ',
      authorityHost: 'https://adfs.local.azurestack.external',
    };
    expect(checkTargetDraft(draft)).toEqual({});
    const input = toTargetInput(draft);
    expect(input.auth).toEqual({
      method: 'azure-cli',
      armEndpoint: 'https://management.local.azurestack.external',
      authorityHost: 'https://adfs.local.azurestack.external',
    });
    expect(checkedTargetInputSchema.safeParse(input).success).toBe(true);
    expect(describeSignIn(input.auth)).toBe('Azure CLI at https://management.local.azurestack.external');
  });

  it('a national cloud sends no endpoints even if some were typed before switching', () => {
    const input = toTargetInput({ ...stackHub, cloud: 'AzureChinaCloud', armEndpoint: 'https://x.example' });
    expect(input.auth).toEqual({ method: 'azure-cli' });
    expect(checkedTargetInputSchema.safeParse(input).success).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { graphEntry, providerOf } from './normalize';

/** Plain objects shaped like Resource Graph rows (objectArray), columns absent or null as it answers them. */

const sub = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const id = `/subscriptions/${sub}/resourceGroups/RG-Support/providers/Microsoft.ServiceBus/namespaces/nwv-bus`;

describe('providerOf', () => {
  it('reads the namespace as spelled and the type in lower case, child types included', () => {
    expect(providerOf(id)).toEqual({
      namespace: 'Microsoft.ServiceBus',
      type: 'microsoft.servicebus/namespaces',
    });
    expect(
      providerOf(`/subscriptions/${sub}/resourceGroups/g/providers/Microsoft.Web/sites/app/slots/staging`),
    ).toEqual({ namespace: 'Microsoft.Web', type: 'microsoft.web/sites/slots' });
  });

  it('takes the last provider of an extension resource, and refuses ids without a type and name', () => {
    expect(providerOf(`${id}/providers/Microsoft.Insights/diagnosticSettings/to-logs`)?.namespace).toBe(
      'Microsoft.Insights',
    );
    expect(providerOf(`/subscriptions/${sub}/resourceGroups/g`)).toBeNull();
    expect(providerOf(`/subscriptions/${sub}/resourceGroups/g/providers/Microsoft.Web/sites`)).toBeNull();
  });
});

describe('graphEntry', () => {
  it('reads a full row', () => {
    expect(
      graphEntry({
        id,
        name: 'nwv-bus',
        type: 'microsoft.servicebus/namespaces',
        location: 'eastus',
        resourceGroup: 'rg-support',
        subscriptionId: sub,
        tags: { phi: 'true' },
      }),
    ).toEqual({
      id,
      name: 'nwv-bus',
      location: 'eastus',
      tags: { phi: 'true' },
      properties: {
        type: 'microsoft.servicebus/namespaces',
        namespace: 'Microsoft.ServiceBus',
        location: 'eastus',
        resourceGroup: 'rg-support',
        subscriptionId: sub,
        tags: { phi: 'true' },
      },
    });
  });

  it('fills absent and null columns from the id, and reads tags: null as none', () => {
    expect(graphEntry({ id, name: null, type: null, location: null, tags: null })).toEqual({
      id,
      name: 'nwv-bus',
      location: null,
      tags: {},
      properties: {
        type: 'microsoft.servicebus/namespaces',
        namespace: 'Microsoft.ServiceBus',
        location: null,
        resourceGroup: 'RG-Support',
        subscriptionId: sub,
        tags: {},
      },
    });
  });

  it('keeps non-string tag values as text, and skips rows without an id', () => {
    expect(graphEntry({ id, tags: { retention: 30 } })?.tags).toEqual({ retention: '30' });
    expect(graphEntry({ name: 'orphan', type: 'microsoft.web/sites' })).toBeNull();
    expect(graphEntry({ id: '' })).toBeNull();
  });
});

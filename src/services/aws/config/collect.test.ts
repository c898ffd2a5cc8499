import { describe, expect, it } from 'vitest';
import { collectService, serviceScenario } from '../../../../test/support/describe-service';
import type { ConfigRegionProperties } from './resource';
import { config } from '.';

const prod = '210987654321';

describe('the AWS Config collector against the simulated AWS Config', () => {
  it('reads recorders with their status and the HIPAA pack compliance, paging with NextToken', async () => {
    const whole = await collectService(config, serviceScenario(config));
    const paged = await collectService(config, {
      ...serviceScenario(config),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    });
    expect(whole.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    const east = whole.resources.find((each) => each.scopeId === prod && each.region === 'us-east-1')!;
    const properties = east.properties as ConfigRegionProperties;
    expect(properties.recorders).toEqual([
      {
        name: 'default',
        allSupported: true,
        strategy: 'ALL_SUPPORTED_RESOURCE_TYPES',
        recording: true,
        lastStatus: 'Success',
        lastStopTime: null,
      },
    ]);
    expect(properties.conformancePacks?.[0]).toMatchObject({ hipaa: true, compliance: { rules: 6 } });
    expect(properties.conformancePacks?.[0]?.compliance?.nonCompliant).toHaveLength(3);
    const europe = whole.resources.find((each) => each.scopeId === prod && each.region === 'eu-west-1')!;
    expect(europe.properties).toEqual({ accountId: prod, recorders: [], conformancePacks: [] });
    // No recorder: the status is not asked.
    expect(
      whole.evidence
        .filter((each) => each.region === 'eu-west-1')
        .map((each) => each.operation)
        .sort(),
    ).toEqual(['DescribeConfigurationRecorders', 'DescribeConformancePacks']);
  });
});

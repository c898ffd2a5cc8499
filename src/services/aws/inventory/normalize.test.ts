import { describe, expect, it } from 'vitest';
import {
  inventoryEntry,
  mergeInventory,
  observeConfigResult,
  observeExplorerResource,
  observeTagMapping,
  parseArn,
  tagsFromTagging,
} from './normalize';

/** Plain objects shaped like GetResources answers, fields left out as the API reference allows. */

describe('parseArn', () => {
  it('reads service, region, account, type and name from the common ARN shapes', () => {
    expect(parseArn('arn:aws:dynamodb:us-east-1:111122223333:table/orders')).toMatchObject({
      service: 'dynamodb',
      region: 'us-east-1',
      accountId: '111122223333',
      resourceType: 'dynamodb:table',
      name: 'orders',
    });
    expect(parseArn('arn:aws:lambda:us-west-2:111122223333:function:ticket-router')).toMatchObject({
      resourceType: 'lambda:function',
      name: 'ticket-router',
    });
    expect(parseArn('arn:aws:rds:us-east-1:111122223333:db:orders-db')).toMatchObject({
      resourceType: 'rds:db',
      name: 'orders-db',
    });
  });

  it('knows the services whose resource part has no type, and region- or account-less ARNs', () => {
    expect(parseArn('arn:aws:sqs:us-east-1:111122223333:support-tickets')).toMatchObject({
      resourceType: 'sqs:queue',
      name: 'support-tickets',
    });
    expect(parseArn('arn:aws:s3:::nwv-prod-orders')).toMatchObject({
      service: 's3',
      region: null,
      accountId: null,
      resourceType: 's3:bucket',
      name: 'nwv-prod-orders',
    });
    expect(parseArn('arn:aws:apigateway:us-east-1::/restapis/k7x2m9q4ab')).toMatchObject({
      accountId: null,
      resourceType: 'apigateway:restapis',
      name: 'k7x2m9q4ab',
    });
    expect(parseArn('arn:aws:cloudfront::111122223333:distribution/E2EXAMPLE')).toMatchObject({
      region: null,
      resourceType: 'cloudfront:distribution',
    });
    expect(parseArn('arn:aws-us-gov:sns:us-gov-west-1:111122223333:alerts')).toMatchObject({
      partition: 'aws-us-gov',
      resourceType: 'sns:topic',
    });
    expect(parseArn('arn:aws:lightsail:us-west-2:111122223333:Instance/244ad76f')).toMatchObject({
      resourceType: 'lightsail:instance',
      name: '244ad76f',
    });
  });

  it('refuses what is not an ARN', () => {
    expect(parseArn('')).toBeNull();
    expect(parseArn('arn:aws:sqs')).toBeNull();
    expect(parseArn('/subscriptions/x/resourceGroups/y')).toBeNull();
  });
});

describe('tagsFromTagging', () => {
  it('reads Key/Value pairs, drops a tag without a Key, and keeps an absent Value as empty', () => {
    expect(
      tagsFromTagging([
        { Key: 'phi', Value: 'true' },
        { Key: 'empty', Value: undefined },
        { Key: undefined, Value: 'orphan' },
      ]),
    ).toEqual({ phi: 'true', empty: '' });
    expect(tagsFromTagging(undefined)).toEqual({});
    expect(tagsFromTagging(null)).toEqual({});
  });
});

describe('inventoryEntry', () => {
  it('builds a resource from a ResourceTagMapping', () => {
    expect(
      inventoryEntry(
        { ResourceARN: 'arn:aws:sqs:us-east-1:111122223333:q', Tags: [{ Key: 'phi', Value: 'true' }] },
        'us-east-1',
      ),
    ).toEqual({
      arn: 'arn:aws:sqs:us-east-1:111122223333:q',
      name: 'q',
      region: 'us-east-1',
      tags: { phi: 'true' },
      properties: {
        arn: 'arn:aws:sqs:us-east-1:111122223333:q',
        partition: 'aws',
        service: 'sqs',
        resourceType: 'sqs:queue',
        region: 'us-east-1',
        accountId: '111122223333',
        listedIn: 'us-east-1',
        tags: { phi: 'true' },
        sources: ['tagging'],
      },
    });
  });

  it('places a region-less ARN in the region that listed it, and reads "Tags": [] and absent Tags as none', () => {
    const bucket = inventoryEntry({ ResourceARN: 'arn:aws:s3:::b', Tags: [] }, 'us-west-2');
    expect(bucket).toMatchObject({
      region: 'us-west-2',
      tags: {},
      properties: { region: null, listedIn: 'us-west-2' },
    });
    expect(
      inventoryEntry({ ResourceARN: 'arn:aws:sqs:us-east-1:111122223333:q' }, 'us-east-1')?.tags,
    ).toEqual({});
  });

  it('skips a mapping without a parseable ARN', () => {
    expect(inventoryEntry({ Tags: [{ Key: 'phi', Value: 'true' }] }, 'us-east-1')).toBeNull();
    expect(inventoryEntry({ ResourceARN: 'not-an-arn' }, 'us-east-1')).toBeNull();
  });
});

describe('mergeInventory', () => {
  const queue = 'arn:aws:sqs:us-east-1:111122223333:orders-dlq';
  const fn = 'arn:aws:lambda:us-east-1:111122223333:function:export-cleanup';

  it('merges the three sources by ARN, with each source and its evidence, tagging API tags first', () => {
    const explorer = [
      // As ListResources answers: Properties hold the tags only as the 'tags' property.
      observeExplorerResource(
        {
          Arn: queue,
          Region: 'us-east-1',
          ResourceType: 'sqs:queue',
          Service: 'sqs',
          OwningAccountId: '111122223333',
          Properties: [{ Name: 'tags', Data: [{ Key: 'team', Value: 'old' }] }],
        } as never,
        1,
      ),
      observeExplorerResource({ Arn: fn, Region: 'us-east-1', Properties: [] } as never, 1),
    ];
    const config = observeConfigResult(
      JSON.stringify({
        resourceId: 'https://sqs.us-east-1.amazonaws.com/111122223333/orders-dlq',
        resourceName: 'orders-dlq',
        resourceType: 'AWS::SQS::Queue',
        arn: queue,
        awsRegion: 'us-east-1',
        tags: [{ key: 'team', value: 'config' }],
      }),
      2,
    );
    const tagging = observeTagMapping({ ResourceARN: queue, Tags: [{ Key: 'team', Value: 'payments' }] }, 3);
    const merged = mergeInventory(
      [...explorer, config, tagging].filter((each) => each !== null),
      'us-east-1',
    );
    expect(merged.map((each) => [each.arn, each.properties.sources, each.tags, each.evidenceIds])).toEqual([
      [queue, ['resource-explorer', 'config', 'tagging'], { team: 'payments' }, [1, 2, 3]],
      [fn, ['resource-explorer'], {}, [1]],
    ]);
  });

  it('takes Config tags over Resource Explorer’s when the tagging API did not list the resource', () => {
    const merged = mergeInventory(
      [
        observeExplorerResource({ Arn: queue, Properties: [{ Name: 'tags', Data: [] }] }, 1)!,
        observeConfigResult(JSON.stringify({ arn: queue, tags: [{ key: 'phi', value: 'true' }] }), 2)!,
      ],
      'us-east-1',
    );
    expect(merged[0]?.tags).toEqual({ phi: 'true' });
    expect(merged[0]?.properties.sources).toEqual(['resource-explorer', 'config']);
  });

  it('skips answers without an ARN and Config results that are not JSON', () => {
    expect(observeExplorerResource({ Properties: [] }, 1)).toBeNull();
    expect(observeConfigResult('not json', 1)).toBeNull();
    expect(observeConfigResult(JSON.stringify({ resourceId: 'x' }), 1)).toBeNull();
    expect(observeTagMapping({ Tags: [] }, 1)).toBeNull();
    expect(
      mergeInventory([{ arn: 'not-an-arn', source: 'tagging', tags: {}, evidenceId: 1 }], 'us-east-1'),
    ).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { inventoryEntry, parseArn, tagsFromTagging } from './normalize';

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

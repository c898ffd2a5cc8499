import { describe, expect, it } from 'vitest';
import { behaviorGraphsArn, membershipFrom, regionName } from './normalize';

describe('Detective answers', () => {
  it('reads a membership, the administrator from AdministratorId or the older MasterId', () => {
    expect(
      membershipFrom({
        AccountId: '111122223333',
        GraphArn: 'arn:aws:detective:us-east-1:444455556666:graph:abc',
        AdministratorId: '444455556666',
        Status: 'ENABLED',
      }),
    ).toEqual({
      graphArn: 'arn:aws:detective:us-east-1:444455556666:graph:abc',
      administratorId: '444455556666',
      status: 'ENABLED',
    });
    expect(membershipFrom({ GraphArn: 'g', MasterId: '444455556666' })).toEqual({
      graphArn: 'g',
      administratorId: '444455556666',
      status: 'UNKNOWN',
    });
    expect(membershipFrom({ Status: 'ENABLED' })).toBeNull();
  });

  it('names the resource', () => {
    expect(behaviorGraphsArn('aws', 'us-west-2', '111122223333')).toBe(
      'arn:aws:detective:us-west-2:111122223333:behavior-graphs',
    );
    expect(regionName('us-west-2', '111122223333')).toBe('us-west-2 of account 111122223333');
  });
});

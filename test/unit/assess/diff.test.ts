import { describe, expect, it } from 'vitest';
import { changeOf, type BaselineFinding } from '../../../src/assess/diff';

const prev = (status: BaselineFinding['status']): BaselineFinding => ({
  key: 'r|x',
  ruleId: 'r',
  nativeId: 'x',
  status,
  severity: 'high',
  citations: [],
  provider: 'aws',
  scopeId: '1',
});

describe('changeOf', () => {
  it('a failure with no earlier failure is new', () => {
    expect(changeOf('fail', undefined)).toBe('new');
    expect(changeOf('fail', prev('pass'))).toBe('new');
  });
  it('a failure that failed before is unchanged', () => {
    expect(changeOf('fail', prev('fail'))).toBe('unchanged');
  });
  it('a pass after a failure is resolved', () => {
    expect(changeOf('pass', prev('fail'))).toBe('resolved');
    expect(changeOf('not_applicable', prev('fail'))).toBe('resolved');
  });
  it('a pass that passed before is unchanged', () => {
    expect(changeOf('pass', prev('pass'))).toBe('unchanged');
    expect(changeOf('pass', undefined)).toBe('unchanged');
  });
});

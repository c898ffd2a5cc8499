import { describe, expect, it } from 'vitest';
import { classifyPhi } from '../../../src/assess/classify';

const keys = ['phi', 'data-classification', 'hipaa'];
const res = (tags: Record<string, string>, name = 'bucket') => ({
  tags,
  name,
  nativeId: `arn:aws:s3:::${name}`,
});

describe('classifyPhi', () => {
  it('recognises the usual PHI tags, case-insensitively', () => {
    expect(classifyPhi(res({ phi: 'true' }), keys)).toEqual({ phi: true, reason: 'tag phi=true' });
    expect(classifyPhi(res({ 'Data-Classification': 'PHI' }), keys).phi).toBe(true);
    expect(classifyPhi(res({ hipaa: 'yes' }), keys).phi).toBe(true);
    expect(classifyPhi(res({ 'data-classification': 'restricted-phi' }), keys).phi).toBe(true);
  });

  it('does not call a resource PHI for a negative or unrelated tag', () => {
    expect(classifyPhi(res({ phi: 'false' }), keys).phi).toBe(false);
    expect(classifyPhi(res({ 'data-classification': 'public' }), keys).phi).toBe(false);
    expect(classifyPhi(res({ app: 'phi-checkout' }), keys).phi).toBe(false);
  });

  it('uses only the engagement tag keys', () => {
    expect(classifyPhi(res({ phi: 'true' }), ['sensitivity']).phi).toBe(false);
    expect(classifyPhi(res({ sensitivity: 'ePHI' }), ['sensitivity']).phi).toBe(true);
  });

  it('matches PHI path patterns against the name', () => {
    const r = classifyPhi(res({}, 'nw-support-tickets-prod'), keys, ['*support-tickets*']);
    expect(r).toEqual({ phi: true, reason: 'name matches PHI pattern *support-tickets*' });
    expect(classifyPhi(res({}, 'nw-marketing'), keys, ['*support-tickets*']).phi).toBe(false);
  });
});

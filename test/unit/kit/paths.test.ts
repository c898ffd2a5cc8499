import { describe, expect, it } from 'vitest';
import { DEFAULT_PHI_URL_PATHS, pathPatternsOverlap, phiPathsServedBy } from '../../../src/kit/paths';

describe('PHI URL path patterns', () => {
  it.each([
    ['/account/*', '/account*', true],
    ['/accounts/*', '/account*', true],
    ['/api/v1/orders', '/api/*', true],
    ['*', '/checkout*', true],
    ['*.jpg', '/account*', true],
    ['/Account/*', '/account*', true],
    ['/static/*', '/account*', false],
    ['/images/*.png', '/api/*', false],
    ['/api', '/api/*', false],
    ['/ap?/x', '/api/*', true],
  ])('%s against %s: %s', (behaviour, phi, expected) => {
    expect(pathPatternsOverlap(behaviour, phi)).toBe(expected);
    expect(pathPatternsOverlap(phi, behaviour)).toBe(expected);
  });

  it('names the PHI paths a default behaviour serves', () => {
    expect(phiPathsServedBy('*', DEFAULT_PHI_URL_PATHS)).toEqual([...DEFAULT_PHI_URL_PATHS]);
    expect(phiPathsServedBy('/orders/*', DEFAULT_PHI_URL_PATHS)).toEqual(['/orders*']);
    expect(phiPathsServedBy('/assets/*', DEFAULT_PHI_URL_PATHS)).toEqual([]);
  });

  it('stays fast on many stars', () => {
    const many = '*a'.repeat(40);
    expect(pathPatternsOverlap(many, `${'a'.repeat(39)}b`)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyAzureError } from '../../../../src/cloud/azure/call';

describe('classifyAzureError', () => {
  it.each([
    [{ code: 'AuthorizationFailed', message: '', statusCode: 403 }, 'access_denied'],
    [{ code: 'InvalidAuthenticationTokenTenant', message: '', statusCode: 401 }, 'access_denied'],
    [{ code: 'TooManyRequests', message: '', statusCode: 429 }, 'throttled'],
    [{ code: 'LocationNotAvailableForResourceType', message: '', statusCode: 400 }, 'region_disabled'],
    [{ code: 'AbortError', message: '' }, 'timeout'],
    [{ code: 'SubscriptionNotFound', message: '', statusCode: 404 }, 'not_found'],
    [{ code: 'InternalServerError', message: '', statusCode: 500 }, 'error'],
  ])('%o → %s', (error, reason) => {
    expect(classifyAzureError(error)).toBe(reason);
  });
});

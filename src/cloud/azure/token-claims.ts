/**
 * Who an ARM access token belongs to, read from its claims. Only the claims below are kept: the
 * token itself is a secret and is dropped as soon as they are read.
 */
export interface AzurePrincipal {
  objectId: string | null;
  tenantId: string | null;
  /** A user's UPN, or null for a service principal */
  userPrincipalName: string | null;
  /** The application id of a service principal or of the client the user signed in with */
  appId: string | null;
}

function claim(claims: Record<string, unknown>, ...names: string[]): string | null {
  for (const name of names) {
    const value = claims[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

export function principalFromToken(token: string): AzurePrincipal | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    // Not a JWT (some sovereign or test endpoints issue opaque tokens): the identity stays unknown.
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;
  const record = claims as Record<string, unknown>;
  return {
    objectId: claim(record, 'oid'),
    tenantId: claim(record, 'tid'),
    userPrincipalName: claim(record, 'upn', 'unique_name', 'preferred_username'),
    appId: claim(record, 'appid', 'azp'),
  };
}

/** The identity string stored on the run, e.g. "auditor@contoso.com (object 1234…, tenant 5678…)". */
export function describePrincipal(principal: AzurePrincipal | null, fallbackTenant: string | null): string {
  if (!principal) return `unknown principal (tenant ${fallbackTenant ?? 'unknown'})`;
  const who =
    principal.userPrincipalName ?? (principal.appId ? `application ${principal.appId}` : 'unknown principal');
  const details = [
    principal.objectId ? `object ${principal.objectId}` : null,
    `tenant ${principal.tenantId ?? fallbackTenant ?? 'unknown'}`,
  ].filter(Boolean);
  return `${who} (${details.join(', ')})`;
}

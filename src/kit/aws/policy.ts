/**
 * Reading IAM-style policy documents (bucket, queue and key policies) as AWS evaluates them: the
 * same JSON allows a string or a list almost everywhere, and a Principal may be "*" or {"AWS": …}.
 */

/** A policy field as a list: absent or null → [], a single value → [value]. */
export const policyList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** Principal "*" or {"AWS": "*"} / {"AWS": [..., "*"]}: anyone, authenticated or not. */
export function isEveryonePrincipal(principal: unknown): boolean {
  if (principal === '*') return true;
  if (typeof principal === 'object' && principal !== null)
    return policyList((principal as { AWS?: unknown }).AWS).includes('*');
  return false;
}

/** A statement Condition with at least one operator (which may restrict a grant to "*"). */
export function hasPolicyCondition(condition: unknown): boolean {
  return typeof condition === 'object' && condition !== null && Object.keys(condition).length > 0;
}

/** Action "*" or "<service>:*" (e.g. "s3:*"), compared case-insensitively as IAM does. */
export function coversAllActions(action: unknown, service: string): boolean {
  const all = `${service.toLowerCase()}:*`;
  return policyList(action).some(
    (each) => typeof each === 'string' && (each === '*' || each.toLowerCase() === all),
  );
}

/** Condition Bool / BoolIfExists { "aws:SecureTransport": "false" }; the value may be a string, a boolean or a list. */
export function deniesInsecureTransport(condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.entries(condition).some(([operator, values]) => {
    if (!/^bool(ifexists)?$/i.test(operator) || typeof values !== 'object' || values === null) return false;
    return Object.entries(values).some(
      ([key, value]) =>
        key.toLowerCase() === 'aws:securetransport' &&
        policyList(value).some((each) => String(each).toLowerCase() === 'false'),
    );
  });
}

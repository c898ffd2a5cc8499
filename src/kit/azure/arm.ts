/** Reading ARM JSON as ARM sends it: absent and null properties stay absent, never invented. */

export const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

export const flagOf = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : undefined;

/** '/subscriptions/…/resourceGroups/rg-name/providers/…' → 'rg-name' */
export function resourceGroupOf(resourceId: string): string {
  return /\/resourceGroups\/([^/]+)/i.exec(resourceId)?.[1] ?? '';
}

/** ARM tags as strings (ARM allows only strings, but older resources may carry other JSON). */
export function tagsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, tag]) => [key, typeof tag === 'string' ? tag : String(tag)]),
  );
}

/** "O=…, OU=…, CN=Dana Whitfield" → "Dana Whitfield"; the whole subject when it has no CN. */
export function commonNameOf(subject: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1]?.trim() ?? subject;
}

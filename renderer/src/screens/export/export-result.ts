/** The fields of a finished export job's result this screen shows (the event carries it untyped). */
export interface ExportResult {
  folder: string;
  zip: string | null;
  files: number | null;
  manifestSha256: string | null;
  signerSubject: string | null;
  selfSigned: boolean;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function readExportResult(result: unknown): ExportResult | null {
  const r = record(result);
  const folder = text(r?.folder);
  if (!r || !folder) return null;
  const signer = record(r.signer);
  return {
    folder,
    zip: text(r.zip),
    files: typeof r.files === 'number' ? r.files : null,
    manifestSha256: text(r.manifestSha256),
    signerSubject: text(signer?.subject),
    selfSigned: signer?.selfSigned === true,
  };
}

/** "O=…, OU=…, CN=Dana Whitfield" → "Dana Whitfield"; the whole subject when it has no CN. */
export function commonNameOf(subject: string): string {
  return /(?:^|,\s*)CN=([^,]+)/.exec(subject)?.[1]?.trim() ?? subject;
}

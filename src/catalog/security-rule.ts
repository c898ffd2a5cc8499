/**
 * The HIPAA Security Rule catalog: every standard and implementation specification of
 * 45 CFR 164.308–164.316 (68 rows), as data (security-rule.json) with its source and date.
 * Rules cite these rows; the report's control matrix is built from them.
 */
import { z } from 'zod';
import data from './security-rule.json';

export const safeguards = [
  'administrative',
  'physical',
  'technical',
  'organizational',
  'documentation',
] as const;
export type Safeguard = (typeof safeguards)[number];

/** Which section of Subpart C holds each safeguard family. */
export const safeguardSections: Readonly<Record<Safeguard, string>> = {
  administrative: '164.308',
  physical: '164.310',
  technical: '164.312',
  organizational: '164.314',
  documentation: '164.316',
};

/**
 * A citation as the catalog writes it: section, then paragraph levels, no spaces or '§'.
 * e.g. 164.312(b), 164.310(d)(2)(iv), 164.308(a)(1)(ii)(A).
 */
export const CITATION_PATTERN =
  /^164\.3(?:08|10|12|14|16)\([a-z]\)(?:\(\d+\))?(?:\((?:i|ii|iii|iv|v)\))?(?:\([A-E]\))?$/;

const rowSchema = z
  .object({
    citation: z.string().regex(CITATION_PATTERN),
    safeguard: z.enum(safeguards),
    standard: z.string().min(1),
    implementationSpecification: z.string().min(1).nullable(),
    /** Required (R) or Addressable (A); null on standards, which are always mandatory (164.306(c)). */
    requirement: z.enum(['required', 'addressable']).nullable(),
    rowType: z.enum(['standard', 'implementation_specification']),
    /** Numbering changes, titles the rule does not give, scope limits. */
    note: z.string().nullable(),
  })
  .strict()
  .refine((row) => (row.rowType === 'standard') === (row.implementationSpecification === null), {
    message: 'a standard has no implementation specification name, a specification has one',
  })
  .refine((row) => (row.rowType === 'standard') === (row.requirement === null), {
    message: 'only implementation specifications are Required or Addressable',
  });

const sourceSchema = z
  .object({
    title: z.string(),
    regulation: z.string(),
    textVersion: z.string(),
    verifyAt: z.url(),
    compiledFrom: z.string(),
    compiledOn: z.iso.date(),
    notes: z.array(z.string()),
    counts: z.object({ rows: z.number(), standards: z.number(), implementationSpecifications: z.number() }),
  })
  .strict();

const catalogSchema = z.object({ source: sourceSchema, rows: z.array(rowSchema) }).strict();

export type SecurityRuleSource = z.infer<typeof sourceSchema>;

export interface SecurityRuleRow extends z.infer<typeof rowSchema> {
  /** Citation of the standard this row belongs to (itself, for a standard). */
  standardCitation: string;
}

export interface SecurityRuleCatalog {
  source: SecurityRuleSource;
  rows: readonly SecurityRuleRow[];
}

function buildCatalog(): SecurityRuleCatalog {
  const parsed = catalogSchema.parse(data);
  let currentStandard: string | null = null;
  const rows = parsed.rows.map((row): SecurityRuleRow => {
    if (row.rowType === 'standard') currentStandard = row.citation;
    // Rows are in regulation order, so a specification follows its standard.
    if (currentStandard === null)
      throw new Error(`Security Rule catalog: ${row.citation} precedes any standard`);
    return Object.freeze({ ...row, standardCitation: currentStandard });
  });
  const byCitation = new Set(rows.map((r) => r.citation));
  if (byCitation.size !== rows.length) throw new Error('Security Rule catalog: duplicate citation');
  const { counts } = parsed.source;
  const standards = rows.filter((r) => r.rowType === 'standard').length;
  if (
    rows.length !== counts.rows ||
    standards !== counts.standards ||
    rows.length - standards !== counts.implementationSpecifications
  ) {
    throw new Error('Security Rule catalog: row counts disagree with the source counts');
  }
  return Object.freeze({ source: Object.freeze(parsed.source), rows: Object.freeze(rows) });
}

const catalog = buildCatalog();
const index = new Map(catalog.rows.map((row) => [row.citation, row]));
const bySafeguard = Object.freeze({
  administrative: catalog.rows.filter((r) => r.safeguard === 'administrative'),
  physical: catalog.rows.filter((r) => r.safeguard === 'physical'),
  technical: catalog.rows.filter((r) => r.safeguard === 'technical'),
  organizational: catalog.rows.filter((r) => r.safeguard === 'organizational'),
  documentation: catalog.rows.filter((r) => r.safeguard === 'documentation'),
} satisfies Record<Safeguard, readonly SecurityRuleRow[]>);

/** The whole catalog: its source and date, and the 68 rows in regulation order. */
export function securityRuleCatalog(): SecurityRuleCatalog {
  return catalog;
}

/** The catalog row for an exact citation (e.g. '164.312(b)'), or undefined. */
export function getCitation(citation: string): SecurityRuleRow | undefined {
  return index.get(citation);
}

export function isKnownCitation(citation: string): boolean {
  return index.has(citation);
}

/** Rows grouped by safeguard, in regulation order (the control matrix's sections). */
export function citationsBySafeguard(): Readonly<Record<Safeguard, readonly SecurityRuleRow[]>> {
  return bySafeguard;
}

/** How a report names a row: "164.312(a)(2)(iv) Access control — Encryption and decryption (A)". */
export function describeCitation(citation: string): string {
  const row = index.get(citation);
  if (!row) return `${citation} (not in the Security Rule catalog)`;
  if (row.implementationSpecification === null) return `${row.citation} ${row.standard} (standard)`;
  const marker = row.requirement === 'required' ? 'R' : 'A';
  return `${row.citation} ${row.standard} — ${row.implementationSpecification} (${marker})`;
}

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CITATION_PATTERN,
  citationsBySafeguard,
  describeCitation,
  getCitation,
  isKnownCitation,
  safeguards,
  safeguardSections,
  securityRuleCatalog,
} from '../../../src/catalog/security-rule';

const { source, rows } = securityRuleCatalog();

describe('Security Rule catalog', () => {
  it('holds exactly 68 rows: 22 standards and 46 implementation specifications', () => {
    expect(rows).toHaveLength(68);
    expect(rows.filter((r) => r.rowType === 'standard')).toHaveLength(22);
    expect(rows.filter((r) => r.rowType === 'implementation_specification')).toHaveLength(46);
  });

  it('has unique, well-formed citations in the section of their safeguard', () => {
    const citations = rows.map((r) => r.citation);
    expect(new Set(citations).size).toBe(68);
    for (const row of rows) {
      expect(row.citation).toMatch(CITATION_PATTERN);
      expect(row.citation.startsWith(`${safeguardSections[row.safeguard]}(`), row.citation).toBe(true);
    }
  });

  it('marks specifications Required or Addressable and leaves standards unmarked', () => {
    for (const row of rows) {
      if (row.rowType === 'standard') {
        expect(row.requirement).toBeNull();
        expect(row.standardCitation).toBe(row.citation);
      } else {
        expect(['required', 'addressable']).toContain(row.requirement);
        expect(getCitation(row.standardCitation)?.standard, row.citation).toBe(row.standard);
      }
    }
    expect(getCitation('164.312(a)(2)(iv)')).toMatchObject({
      safeguard: 'technical',
      standard: 'Access control',
      implementationSpecification: 'Encryption and decryption',
      requirement: 'addressable',
      standardCitation: '164.312(a)(1)',
    });
    expect(getCitation('164.308(a)(1)(ii)(A)')?.requirement).toBe('required');
    expect(getCitation('164.308(b)(3)')?.note).toContain('164.308(b)(4)');
  });

  // The reference folder sits beside the repository on the project's machines, not in a clone.
  const referenceTsv = new URL('../../../../shared/reference/security-rule.tsv', import.meta.url);
  it.skipIf(!existsSync(referenceTsv))(
    'agrees row by row with the reference TSV it was compiled from',
    () => {
      const tsv = readFileSync(referenceTsv, 'utf8');
      const lines = tsv.trim().split('\n').slice(1);
      expect(lines).toHaveLength(rows.length);
      lines.forEach((line, i) => {
        const [citation, safeguard, standard, spec, ra] = line.split('\t');
        const row = rows[i];
        expect(row?.citation).toBe(citation);
        expect(row?.safeguard).toBe(safeguard);
        expect(row?.standard).toBe(standard);
        expect(row?.implementationSpecification ?? '').toBe(spec);
        expect(row?.requirement === null ? '' : row?.requirement === 'required' ? 'R' : 'A').toBe(ra ?? '');
      });
    },
  );

  it('names its source and date', () => {
    expect(source.regulation).toContain('164.308–164.316');
    expect(source.verifyAt).toMatch(/^https:\/\/www\.ecfr\.gov\/.*part-164\/subpart-C$/);
    expect(source.compiledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(source.textVersion).toContain('78 FR 5566');
  });

  it('answers lookups exactly', () => {
    expect(isKnownCitation('164.312(b)')).toBe(true);
    expect(isKnownCitation('164.312(e)(2)(ii)')).toBe(true);
    expect(isKnownCitation('164.308(b)(4)')).toBe(false);
    expect(isKnownCitation('§ 164.312(b)')).toBe(false);
    expect(isKnownCitation('164.306(a)')).toBe(false);
    expect(getCitation('164.999(a)')).toBeUndefined();
  });

  it('groups rows by safeguard in regulation order', () => {
    const groups = citationsBySafeguard();
    expect(Object.keys(groups)).toEqual([...safeguards]);
    const counts = Object.fromEntries(safeguards.map((s) => [s, groups[s].length]));
    expect(counts).toEqual({
      administrative: 30,
      physical: 12,
      technical: 12,
      organizational: 9,
      documentation: 5,
    });
    expect(groups.technical[0]?.citation).toBe('164.312(a)(1)');
    expect(safeguards.flatMap((s) => groups[s])).toEqual(rows);
  });

  it('describes a citation for the report', () => {
    expect(describeCitation('164.312(a)(2)(iv)')).toBe(
      '164.312(a)(2)(iv) Access control — Encryption and decryption (A)',
    );
    expect(describeCitation('164.312(b)')).toBe('164.312(b) Audit controls (standard)');
    expect(describeCitation('164.308(a)(1)(ii)(A)')).toBe(
      '164.308(a)(1)(ii)(A) Security management process — Risk analysis (R)',
    );
    expect(describeCitation('164.999(z)')).toBe('164.999(z) (not in the Security Rule catalog)');
  });

  it('is frozen: callers cannot edit the catalog', () => {
    expect(Object.isFrozen(rows)).toBe(true);
    expect(Object.isFrozen(rows[0])).toBe(true);
  });
});

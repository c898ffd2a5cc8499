/** The evidence index and the signature page. */
import { TOOL_NAME, TOOL_VERSION } from '../../version';
import { callout, cell, keyValue, paragraph, run, smallParagraph, type Block, type Section } from '../model';
import { EVIDENCE_INDEX_CSV, MANIFEST, MANIFEST_SIGNATURE, REPORT_PDF } from '../paths';
import { minute, plural, type ReportContext } from './context';

export function evidenceIndexSection(ctx: ReportContext): Section {
  const items = [...ctx.data.evidence.values()];
  const blocks: Block[] = [
    paragraph(
      `${plural(items.length, 'evidence item')}: each raw API response exactly as collected, in the evidence/ folder of this package. `,
      'The SHA-256 of each file equals the hash recorded at collection, and manifest.json lists it again under the package signature. ',
      run(`The full index is also in ${EVIDENCE_INDEX_CSV}.`, { bold: true }),
    ),
  ];
  if (items.length === 0) {
    blocks.push(paragraph('No evidence has been collected in this workspace.'));
  } else if (items.length <= ctx.evidenceListLimit) {
    blocks.push({
      kind: 'table',
      compact: true,
      columns: [
        { header: 'Id', width: 5, align: 'right' },
        { header: 'Service / operation', width: 19 },
        { header: 'Region', width: 9 },
        { header: 'Collected', width: 11 },
        // Wide enough for a SHA-256 on one line, so it can be searched for and copied whole.
        { header: 'Package file and SHA-256', width: 56, mono: true },
      ],
      rows: items.map((e) => [
        cell(e.id),
        cell(
          `${e.service}\n${e.operation}${e.outcome === 'error' ? ' (error)' : ''}`,
          e.outcome === 'error' ? 'warning' : undefined,
        ),
        cell(e.region),
        cell(minute(e.collectedAt)),
        cell(`${e.path}\n${e.sha256}`),
      ]),
    });
  } else {
    // Tens of thousands of rows would be thousands of pages: summarise, the CSV has every row.
    const groups = new Map<
      string,
      {
        service: string;
        operation: string;
        count: number;
        errors: number;
        regions: Set<string>;
        first: number;
        last: number;
      }
    >();
    for (const e of items) {
      const k = `${e.service}\u0000${e.operation}`;
      const g =
        groups.get(k) ??
        groups
          .set(k, {
            service: e.service,
            operation: e.operation,
            count: 0,
            errors: 0,
            regions: new Set(),
            first: e.id,
            last: e.id,
          })
          .get(k)!;
      g.count++;
      if (e.outcome === 'error') g.errors++;
      g.regions.add(e.region);
      g.first = Math.min(g.first, e.id);
      g.last = Math.max(g.last, e.id);
    }
    blocks.push(
      callout(
        'note',
        'Summarised index',
        `This package holds ${items.length.toLocaleString('en-US')} evidence items, too many to list here. They are summarised by operation below; ${EVIDENCE_INDEX_CSV} lists every item with its id, service, operation, region, collection time, SHA-256 and file path.`,
      ),
    );
    blocks.push({
      kind: 'table',
      compact: true,
      columns: [
        { header: 'Service', width: 14 },
        { header: 'Operation', width: 28 },
        { header: 'Items', width: 10, align: 'right' },
        { header: 'Errors', width: 9, align: 'right' },
        { header: 'Regions', width: 22 },
        { header: 'Id range', width: 17 },
      ],
      rows: [...groups.values()].map((g) => [
        cell(g.service),
        cell(g.operation),
        cell(g.count.toLocaleString('en-US')),
        cell(g.errors, g.errors ? 'warning' : undefined),
        cell([...g.regions].slice(0, 8).join(', ') + (g.regions.size > 8 ? ` +${g.regions.size - 8}` : '')),
        cell(`#${g.first} – #${g.last}`),
      ]),
    });
  }
  return { id: 'evidence-index', title: 'Evidence index', blocks };
}

export function signatureSection(ctx: ReportContext): Section {
  const s = ctx.signer;
  const blocks: Block[] = [
    paragraph(
      `This report (${REPORT_PDF}) carries an embedded digital signature over the whole file. ${MANIFEST} lists the SHA-256 and size of every file in the package and is signed in ${MANIFEST_SIGNATURE} (a detached CMS signature). Any change to any file is detected.`,
    ),
    keyValue([
      { key: 'Signer', value: s.subject },
      { key: 'Issuer', value: s.issuer },
      {
        key: 'Certificate',
        value: s.selfSigned
          ? 'Self-signed engagement certificate'
          : 'Issued by the certificate authority above',
      },
      { key: 'Certificate SHA-256', value: s.fingerprintSha256, mono: true },
      { key: 'Certificate valid', value: `${minute(s.notBefore)} to ${minute(s.notAfter)}` },
      { key: 'Evidence digest', value: ctx.contentDigest, mono: true },
      { key: 'Signed on', value: minute(ctx.createdAt) },
      { key: 'Produced by', value: `${TOOL_NAME} ${TOOL_VERSION}, ruleset ${ctx.data.rulesetVersion}` },
    ]),
    smallParagraph(
      `The evidence digest is the SHA-256 of the evidence and diagram entries of ${MANIFEST} (one line "sha256  size  path" per file, sorted by path); the manifest records it as contentDigest, so this page is bound to the evidence it describes.`,
    ),
  ];
  if (s.selfSigned) {
    blocks.push(
      callout(
        'warning',
        'Self-signed certificate',
        'This package was signed with a certificate the application created for this engagement, not one issued by a certificate authority. The signature proves the package has not changed since it was signed, but not who signed it: confirm the certificate SHA-256 above with the consultant through another channel.',
      ),
    );
  }
  blocks.push(
    paragraph(
      'To verify: ',
      run('phi-audit verify <package>', { mono: true }),
      '; ',
      run(`pdfsig ${REPORT_PDF}`, { mono: true }),
      '; ',
      run(
        `openssl cms -verify -binary -inform DER -in ${MANIFEST_SIGNATURE} -content ${MANIFEST} -noverify`,
        { mono: true },
      ),
      '.',
    ),
  );
  blocks.push({ kind: 'heading', level: 2, text: 'Consultant' });
  blocks.push(
    keyValue([
      { key: 'Name', value: ctx.data.engagement.consultant || s.commonName },
      { key: 'Signature', value: '_______________________________' },
      { key: 'Date', value: '_______________________________' },
    ]),
  );
  return { id: 'signature', title: 'Signature', blocks };
}

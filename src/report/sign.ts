/**
 * Signing the audit package: an embedded PDF signature (@signpdf: placeholder-plain on the
 * finished buffer, then SignPdf; a PAdES baseline signature: SubFilter ETSI.CAdES.detached, SHA-256,
 * with the ESS signing-certificate-v2 attribute) and a detached CMS signature over manifest.json. The signer is the
 * consultant's own P12/PFX, or a self-signed engagement certificate made here and labelled as such
 * everywhere it appears.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf, Signer } from '@signpdf/signpdf';
import forge from 'node-forge';
import { DeskError, messageOf } from '../errors';

/** Put in the OU of every certificate this app makes, so any tool that shows the DN says so. */
export const SELF_SIGNED_LABEL = 'Self-signed engagement certificate';

const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3';

export interface CertificateInfo {
  subject: string;
  commonName: string;
  issuer: string;
  selfSigned: boolean;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER certificate, hex */
  fingerprintSha256: string;
}

export interface SignerMaterial {
  p12: Buffer;
  passphrase: string;
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  chain: forge.pki.Certificate[];
  info: CertificateInfo;
}

const decoded = new WeakSet<forge.pki.Certificate>();

/**
 * forge parses a UTF8String name as raw UTF-8 bytes but re-encodes it as UTF-8 when it writes
 * the issuer into a CMS SignerInfo: "Zoë" would come out double-encoded and no verifier would
 * find the signer certificate. Decoding the values once after parsing makes both directions agree.
 */
export function decodeCertificateNames(cert: forge.pki.Certificate): forge.pki.Certificate {
  if (decoded.has(cert)) return cert;
  decoded.add(cert);
  for (const a of [...cert.subject.attributes, ...cert.issuer.attributes]) {
    if (a.valueTagClass !== (forge.asn1.Type.UTF8 as unknown) || typeof a.value !== 'string') continue;
    try {
      a.value = forge.util.decodeUtf8(a.value);
    } catch {
      // Not valid UTF-8: keep the bytes as they are (the names still match byte for byte).
    }
  }
  return cert;
}

function dn(attrs: forge.pki.CertificateField[]): string {
  return attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value ?? '')}`).join(', ');
}

export function certificateInfo(cert: forge.pki.Certificate): CertificateInfo {
  decodeCertificateNames(cert);
  let selfSigned: boolean;
  try {
    selfSigned = cert.isIssuer(cert) && cert.verify(cert);
  } catch {
    selfSigned = false; // a signature forge cannot check is not a self-signature we can vouch for
  }
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return {
    subject: dn(cert.subject.attributes),
    commonName: String(cert.subject.getField('CN')?.value ?? dn(cert.subject.attributes)),
    issuer: dn(cert.issuer.attributes),
    selfSigned,
    serialNumber: cert.serialNumber,
    notBefore: cert.validity.notBefore.toISOString(),
    notAfter: cert.validity.notAfter.toISOString(),
    fingerprintSha256: createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex'),
  };
}

/**
 * A fresh RSA-2048 key (Node's native generator: forge's pure-JS one takes seconds) and a
 * one-year certificate whose OU says it is self-signed. Returned as a P12 with a random
 * passphrase, the same shape a consultant's own certificate arrives in.
 */
export function createSelfSignedEngagementCertificate(opts: { commonName: string; organization: string }): {
  p12: Buffer;
  passphrase: string;
} {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // Positive serial: a leading 0x00..0x7f byte.
  cert.serialNumber = `0${randomBytes(15).toString('hex')}`;
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 365 * 24 * 3600_000);
  // A UTF8String (forge encodes it), so names such as "Zoë" or "—" survive; the default
  // PrintableString cannot hold them.
  const utf8 = (value: string) => ({
    value,
    valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class,
  });
  const attrs = [
    { name: 'organizationName', ...utf8(opts.organization || 'PHI Audit Desk') },
    { shortName: 'OU', ...utf8(SELF_SIGNED_LABEL) },
    { name: 'commonName', ...utf8(opts.commonName || 'PHI Audit Desk') },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const passphrase = randomBytes(24).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, {
    algorithm: '3des',
    friendlyName: opts.commonName,
  });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase };
}

/**
 * Opens a P12/PFX and checks it can sign, before anything is written. A wrong passphrase, a file
 * that is not PKCS#12, a key without its certificate or an expired certificate are SIGNING errors.
 */
export function loadSigner(p12: Buffer, passphrase: string, source = 'The certificate'): SignerMaterial {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
      false,
      passphrase,
    );
  } catch (err) {
    const msg = messageOf(err);
    if (/MAC could not be verified|Invalid password/i.test(msg)) {
      throw new DeskError(
        'SIGNING',
        `The certificate passphrase is wrong for ${source}. Nothing was written.`,
      );
    }
    throw new DeskError(
      'SIGNING',
      `${source} is not a readable PKCS#12 (.p12/.pfx) file (${msg}). Nothing was written.`,
    );
  }
  const keyBag = parsed.getBags({ bagType: OID_SHROUDED_KEY_BAG })[OID_SHROUDED_KEY_BAG]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key || !('n' in key)) {
    throw new DeskError(
      'SIGNING',
      `${source} holds no encrypted RSA private key. Export it again with its private key. Nothing was written.`,
    );
  }
  const certs = (parsed.getBags({ bagType: OID_CERT_BAG })[OID_CERT_BAG] ?? []).flatMap((b) =>
    b.cert ? [decodeCertificateNames(b.cert)] : [],
  );
  const certificate = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  });
  if (!certificate)
    throw new DeskError(
      'SIGNING',
      `${source} has no certificate matching its private key. Nothing was written.`,
    );
  const info = certificateInfo(certificate);
  const now = Date.now();
  if (now > certificate.validity.notAfter.getTime() || now < certificate.validity.notBefore.getTime()) {
    throw new DeskError(
      'SIGNING',
      `The certificate "${info.commonName}" is not valid now (valid ${info.notBefore} to ${info.notAfter}). Nothing was written.`,
    );
  }
  return { p12, passphrase, key, certificate, chain: certs, info };
}

/**
 * The same PKCS#7 that @signpdf's P12Signer makes (SHA-256; contentType, signingTime and
 * messageDigest signed attributes; detached), built from the already-opened signer so that the
 * certificate names are encoded right (see decodeCertificateNames) and the P12 is parsed once.
 */
class MaterialSigner extends Signer {
  constructor(private readonly material: SignerMaterial) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    // PAdES: no signing-time attribute; the placeholder writes the time as /M.
    void signingTime;
    return signDetached(pdfBuffer, this.material, null);
  }
}

/** PDF string values written by the placeholder: printable ASCII only (the plain writer does not escape). */
function pdfText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|[()\\]/g, '-');
}

/** Embeds a signature over the whole finished PDF. */
export async function signPdf(
  pdf: Buffer,
  signer: SignerMaterial,
  opts: { reason: string; location: string },
): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: pdfText(opts.reason),
    contactInfo: '',
    name: pdfText(signer.info.commonName),
    location: pdfText(opts.location),
    // Room for a consultant's certificate chain (the default 8 KiB fits one certificate).
    signatureLength: 16384,
    // Written as a PDF name object: no spaces.
    appName: 'PHI-Audit-Desk',
    // PAdES (ETSI EN 319 142-1) baseline: a CAdES detached signature, not adbe.pkcs7.detached.
    subFilter: 'ETSI.CAdES.detached',
  });
  try {
    return await new SignPdf().sign(withPlaceholder, new MaterialSigner(signer));
  } catch (err) {
    throw new DeskError('SIGNING', `Signing the PDF failed: ${messageOf(err)}`, { cause: err });
  }
}

/** ESS signing-certificate-v2 (RFC 5035): the hash of the signer's certificate, signed with the rest. */
export const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const oidNode = (oid: string) => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(oid).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(U, asn1.Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(U, asn1.Type.SET, true, items);
const octets = (bytes: string) => asn1.create(U, asn1.Type.OCTETSTRING, false, bytes);
const nullNode = () => asn1.create(U, asn1.Type.NULL, false, '');
const algorithm = (oid: string) => seq([oidNode(oid), nullNode()]);
const attribute = (oid: string, value: forge.asn1.Asn1) => seq([oidNode(oid), set([value])]);
const der = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();
const sha256 = (bytes: string) => forge.md.sha256.create().update(bytes).digest().getBytes();

/**
 * A detached CMS SignedData (DER) over `content`, signer certificate and chain included, in the
 * CAdES-BES form PAdES B-B asks for: content-type, message-digest and signing-certificate-v2
 * signed attributes (plus signing-time when given: the manifest carries one; a PDF signature must
 * not, its time is the signature dictionary's /M). Built with forge's ASN.1 layer because forge's
 * PKCS#7 writer knows only three attribute types.
 */
export function signDetached(
  content: Buffer,
  signer: SignerMaterial,
  signingTime: Date | null = new Date(),
): Buffer {
  const certificate = forge.pki.certificateToAsn1(signer.certificate);
  // issuer and serial exactly as encoded in the certificate (no re-encoding of names)
  const tbs = (certificate.value as forge.asn1.Asn1[])[0]!;
  const fields = (tbs.value as forge.asn1.Asn1[]).filter((n) => n.tagClass === U);
  const [serial, , issuer] = fields;
  if (!serial || !issuer)
    throw new DeskError('SIGNING', 'The signer certificate has no issuer or serial number.');

  const attributes = [
    attribute(forge.pki.oids.contentType!, oidNode(forge.pki.oids.data!)),
    attribute(forge.pki.oids.messageDigest!, octets(sha256(content.toString('binary')))),
    attribute(OID_SIGNING_CERTIFICATE_V2, seq([seq([seq([octets(sha256(der(certificate)))])])])),
    ...(signingTime
      ? [
          attribute(
            forge.pki.oids.signingTime!,
            asn1.create(U, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(signingTime)),
          ),
        ]
      : []),
  ]
    // DER: a SET OF is sorted by encoding, and verifiers hash the attributes re-encoded that way.
    .map((node) => ({ node, bytes: Buffer.from(der(node), 'binary') }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map((a) => a.node);
  const signature = signer.key.sign(forge.md.sha256.create().update(der(set(attributes))));

  const signerInfo = seq([
    asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(1).getBytes()),
    seq([issuer, serial]),
    algorithm(forge.pki.oids.sha256!),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(forge.pki.oids.rsaEncryption!),
    octets(signature),
  ]);
  const signedData = seq([
    asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(1).getBytes()),
    set([algorithm(forge.pki.oids.sha256!)]),
    seq([oidNode(forge.pki.oids.data!)]),
    asn1.create(
      asn1.Class.CONTEXT_SPECIFIC,
      0,
      true,
      [signer.certificate, ...signer.chain.filter((c) => c !== signer.certificate)].map((c) =>
        forge.pki.certificateToAsn1(c),
      ),
    ),
    set([signerInfo]),
  ]);
  const contentInfo = seq([
    oidNode(forge.pki.oids.signedData!),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData]),
  ]);
  return Buffer.from(der(contentInfo), 'binary');
}

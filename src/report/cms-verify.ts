/**
 * Verifies a CMS/PKCS#7 SignedData (detached) ourselves, with node-forge's ASN.1 parser and RSA:
 * the messageDigest attribute must equal the digest of the signed bytes, and the signer's
 * signature over the DER of the signed attributes must verify with the certificate it names.
 * Used for manifest.json.p7s and for the PDF's /Contents. forge has no pkcs7 verify of its own.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { messageOf } from '../errors';
import { certificateInfo, type CertificateInfo } from './sign';

export interface CmsVerification {
  /** The signature is intact and the content digest matches. */
  valid: boolean;
  /** The signature over the attributes verified but the signed bytes differ from the content. */
  contentChanged: boolean;
  signer: CertificateInfo | null;
  signingTime: string | null;
  reason: string;
}

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};
const FORGE_MD: Record<string, () => forge.md.MessageDigest> = {
  sha256: () => forge.md.sha256.create(),
  sha384: () => forge.md.sha384.create(),
  sha512: () => forge.md.sha512.create(),
  sha1: () => forge.md.sha1.create(),
};
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const RSA_SIGNATURE_OIDS = new Set([
  '1.2.840.113549.1.1.1',
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  '1.2.840.113549.1.1.5',
]);

type Asn1 = forge.asn1.Asn1;

function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? (node.value as Asn1[]) : [];
}

function oidOf(node: Asn1 | undefined): string {
  return node && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : '';
}

function bytesOf(node: Asn1 | undefined): string {
  return node && typeof node.value === 'string' ? node.value : '';
}

function normalizeSerial(hex: string): string {
  return hex.toLowerCase().replace(/^(00)+/, '');
}

function fail(reason: string, extra: Partial<CmsVerification> = {}): CmsVerification {
  return { valid: false, contentChanged: false, signer: null, signingTime: null, reason, ...extra };
}

/**
 * `digestOf(algorithm)` returns the digest (raw bytes) of the signed content: the whole file for a
 * detached signature over a manifest, the ByteRange segments for a PDF.
 */
export function verifyCms(der: Buffer, digestOf: (nodeAlgorithm: string) => Buffer): CmsVerification {
  let root: Asn1;
  try {
    // Not strict: the PDF /Contents is the DER followed by zero padding.
    const options = { strict: false, parseAllBytes: false, decodeBitStrings: true } as unknown as boolean; // typings lag the API
    root = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), options);
  } catch (err) {
    return fail(`the signature is not readable DER (${messageOf(err)})`);
  }
  try {
    const signedData = children(children(root)[1])[0];
    const parts = children(signedData);
    const certs = parts
      .filter((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0)
      .flatMap((p) => children(p))
      .map((c) => forge.pki.certificateFromAsn1(c));
    const signerInfos = parts[parts.length - 1];
    const si = children(signerInfos)[0];
    if (!si) return fail('the signature has no signer');
    const [, sid, digestAlg, ...rest] = children(si);
    const serial = normalizeSerial(forge.util.bytesToHex(bytesOf(children(sid)[1])));
    const cert = certs.find((c) => normalizeSerial(c.serialNumber) === serial);
    if (!cert) return fail('the signer certificate is not included in the signature');
    const signer = certificateInfo(cert);
    const digestName = DIGESTS[oidOf(children(digestAlg)[0])];
    if (!digestName) return fail(`unsupported digest algorithm ${oidOf(children(digestAlg)[0])}`, { signer });
    const signedAttrs = rest.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
    const afterAttrs = rest.filter((p) => p !== signedAttrs && p.tagClass === forge.asn1.Class.UNIVERSAL);
    const sigAlg = oidOf(children(afterAttrs[0])[0]);
    const signature = bytesOf(afterAttrs[1]);
    if (!RSA_SIGNATURE_OIDS.has(sigAlg))
      return fail(`unsupported signature algorithm ${sigAlg} (RSA PKCS#1 v1.5 is supported)`, { signer });
    if (!signedAttrs) return fail('the signature has no signed attributes (messageDigest)', { signer });

    let messageDigest = '';
    let signingTime: string | null = null;
    let signedCertHash: string | null = null;
    for (const attr of children(signedAttrs)) {
      const [type, values] = children(attr);
      const value = children(values)[0];
      if (oidOf(type) === OID_MESSAGE_DIGEST) messageDigest = bytesOf(value);
      // SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { [hashAlgorithm sha256,] certHash } }
      if (oidOf(type) === OID_SIGNING_CERTIFICATE_V2) {
        const essCertId = children(children(value)[0])[0];
        const hash = children(essCertId).find((n) => n.type === forge.asn1.Type.OCTETSTRING);
        signedCertHash = hash ? bytesOf(hash) : '';
      }
      if (oidOf(type) === OID_SIGNING_TIME && value) {
        const text = bytesOf(value);
        signingTime = (
          value.type === forge.asn1.Type.UTCTIME
            ? forge.asn1.utcTimeToDate(text)
            : forge.asn1.generalizedTimeToDate(text)
        ).toISOString();
      }
    }
    // The signature covers the attributes re-encoded as a SET OF (RFC 5652 5.4).
    const attrsSet = forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.SET,
      true,
      children(signedAttrs),
    );
    const md = FORGE_MD[digestName]!();
    md.update(forge.asn1.toDer(attrsSet).getBytes());
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    let signatureOk = false;
    try {
      signatureOk = publicKey.verify(md.digest().getBytes(), signature);
    } catch (err) {
      return fail(`the signature value does not verify (${messageOf(err)})`, { signer, signingTime });
    }
    if (!signatureOk)
      return fail('the signature value does not verify with the signer certificate', { signer, signingTime });
    // PAdES/CAdES: the signed attributes name the signer certificate; a swapped certificate fails here.
    if (signedCertHash !== null) {
      const certDer = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
      if (forge.md.sha256.create().update(certDer).digest().getBytes() !== signedCertHash) {
        return fail('the signer certificate is not the one the signature names (signing-certificate-v2)', {
          signer,
          signingTime,
        });
      }
    }
    const actual = digestOf(digestName).toString('binary');
    if (actual !== messageDigest) {
      return fail('the signed content was changed after signing (digest mismatch)', {
        signer,
        signingTime,
        contentChanged: true,
      });
    }
    return { valid: true, contentChanged: false, signer, signingTime, reason: 'signature valid' };
  } catch (err) {
    return fail(`the signature could not be parsed (${messageOf(err)})`);
  }
}

/** For a detached signature over a whole file held in memory. */
export function digestOfBuffer(content: Buffer): (alg: string) => Buffer {
  return (alg) => createHash(alg).update(content).digest();
}

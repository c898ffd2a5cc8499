import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { CLOUDFRONT_DISTRIBUTION, cloudfrontProperties, distributionLabel } from './common';

/** Security policies whose minimum protocol is TLS 1.2 or later (CloudFront MinimumProtocolVersion values). */
export function isTls12OrLater(version: string): boolean {
  return /^TLSv1\.[2-9]_/.test(version) || /^TLSv[2-9]/.test(version);
}

/** 164.312(e)(1), (e)(2)(i): viewers reach CloudFront over TLS 1.2 or later only. */
export const cloudfrontViewerTlsVersion: Rule = {
  id: 'aws.cloudfront.viewer-tls-version',
  title: 'CloudFront distributions refuse viewer TLS below 1.2',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: CLOUDFRONT_DISTRIBUTION,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) requires technical security measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(i) integrity controls in transit. TLS 1.0 and 1.1 are deprecated (RFC 8996) and NIST SP 800-52 Rev. 2 requires TLS 1.2 or later for systems handling sensitive data, which is what OCR and auditors measure transmission security against. CloudFront's security policy (ViewerCertificate.MinimumProtocolVersion) sets the lowest protocol it accepts from viewers: TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021, TLSv1.2_2025 and TLSv1.3_2025 pass; SSLv3, TLSv1, TLSv1_2016 and TLSv1.1_2016 fail. A distribution on the default *.cloudfront.net certificate (CloudFrontDefaultCertificate true) cannot choose: CloudFront sets TLSv1 for it whatever was asked, so it fails until it uses its own certificate.",
  remediation: {
    text: 'Serve the distribution on its own host name with an ACM certificate (issued in us-east-1), SNI, and the security policy TLSv1.2_2021 (or TLSv1.2_2025 / TLSv1.3_2025). The default *.cloudfront.net certificate always allows TLSv1, so leave it only for distributions that serve no PHI and no session.',
    terraform: `viewer_certificate {
  acm_certificate_arn      = aws_acm_certificate.storefront.arn # us-east-1
  ssl_support_method       = "sni-only"
  minimum_protocol_version = "TLSv1.2_2021"
}`,
    cloudformation: `ViewerCertificate:
  AcmCertificateArn: !Ref StorefrontCertificate # us-east-1
  SslSupportMethod: sni-only
  MinimumProtocolVersion: TLSv1.2_2021`,
    cli: `aws cloudfront get-distribution-config --id <distribution-id> > dist.json
# Set DistributionConfig.ViewerCertificate to
#   {"ACMCertificateArn":"<certificate-arn>","SSLSupportMethod":"sni-only","MinimumProtocolVersion":"TLSv1.2_2021"}
aws cloudfront update-distribution --id <distribution-id> --if-match <ETag from dist.json> \\
  --distribution-config file://config.json`,
  },
  evaluate(resource) {
    const subject = distributionLabel(resource);
    const { viewerCertificate } = cloudfrontProperties(resource);
    if (viewerCertificate === undefined)
      return notAssessed('viewer certificate (ListDistributions)', subject);
    if (viewerCertificate.defaultCertificate)
      return fail(
        `${subject} uses the default *.cloudfront.net certificate, with which CloudFront accepts viewers on TLSv1 whatever security policy is asked.${phiNote(resource)}`,
      );
    const version = viewerCertificate.minimumProtocolVersion;
    if (version === null) return notAssessed('minimum protocol version (ViewerCertificate)', subject);
    if (!isTls12OrLater(version))
      return fail(
        `${subject} accepts viewers below TLS 1.2: its security policy (minimum protocol version) is ${version}.${phiNote(resource)}`,
      );
    return pass(`${subject} requires TLS 1.2 or later from viewers (security policy ${version}).`);
  },
};

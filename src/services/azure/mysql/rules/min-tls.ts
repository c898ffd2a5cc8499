import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { tlsVersionsOf } from '../normalize';
import { bicepServer, MYSQL_SERVER, serverLabel, serverProperties, terraformServer } from './common';

/** tls_version entries that are older than TLS 1.2. */
const DEPRECATED = new Set(['tlsv1', 'tlsv1.0', 'tlsv1.1']);

/** 164.312(e)(1) and 164.312(e)(2)(ii): TLS 1.2 or later on every encrypted connection. */
export const mysqlMinTls: Rule = {
  id: 'azure.mysql.min-tls',
  title: 'MySQL flexible servers allow only TLS 1.2 or later (tls_version)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: MYSQL_SERVER,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "The server parameter tls_version is the list of TLS versions an Azure Database for MySQL flexible server accepts, for example 'TLSv1.2' or 'TLSv1.2,TLSv1.3' (the defaults on MySQL 8.0) or 'TLSv1,TLSv1.1,TLSv1.2' (still found on servers created on MySQL 5.7). A list that includes TLSv1 or TLSv1.1 lets a client — or an attacker downgrading the handshake — use TLS 1.0 or 1.1, deprecated by RFC 8996 and below the TLS 1.2 that NIST SP 800-52 Rev. 2 requires. Transmission security (164.312(e)(1)) and its encryption specification (164.312(e)(2)(ii)) are met only with current protocols. This rule judges the accepted versions; whether TLS is required at all is azure.mysql.secure-transport. Checked: Configurations_Get tls_version (properties.value), api-version 2023-12-30.",
  remediation: {
    text: 'Set tls_version to TLSv1.2 (or TLSv1.2,TLSv1.3). It is a static parameter: the server restarts to apply it, so schedule it in a maintenance window after updating old clients.',
    bicep: bicepServer(),
    terraform: terraformServer(),
    cli: `az mysql flexible-server parameter set --resource-group <resource-group> --server-name <server-name> --name tls_version --value TLSv1.2,TLSv1.3
az mysql flexible-server restart --resource-group <resource-group> --name <server-name>`,
  },
  evaluate(resource) {
    const { tlsVersion: value } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (value === undefined) return notAssessed('tls_version parameter', subject);
    const old = tlsVersionsOf(value).filter((version) => DEPRECATED.has(version.toLowerCase()));
    if (old.length > 0)
      return fail(
        `${subject} accepts ${old.join(' and ')} (tls_version ${value}): TLS below 1.2.${phiNote(resource)}`,
      );
    return pass(`${subject} accepts only TLS 1.2 or later (tls_version ${value}).`);
  },
};

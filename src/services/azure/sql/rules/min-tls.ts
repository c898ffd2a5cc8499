import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepServer, serverLabel, serverProperties, SQL_SERVER, terraformServer } from './common';

/** Minimal TLS versions that refuse TLS 1.0 and 1.1. */
const ACCEPTED = new Set(['1.2', '1.3']);

/** 164.312(e)(1) and 164.312(e)(2)(ii): ePHI in transit to the database is encrypted with current TLS. */
export const sqlMinTls: Rule = {
  id: 'azure.sql.min-tls',
  title: 'Azure SQL servers refuse TLS below 1.2',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: SQL_SERVER,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "Every query result leaving an Azure SQL database travels over the TDS connection, so the transmission security standard (164.312(e)(1)) and its encryption specification (164.312(e)(2)(ii)) apply to it. TLS 1.0 and 1.1 are deprecated (RFC 8996) and NIST SP 800-52 Rev. 2 requires TLS 1.2 or later. The logical server's properties.minimalTlsVersion decides what it accepts: '1.2' or '1.3' refuse older clients; 'None' (the portal's 'no minimum'), '1.0' and '1.1' accept them; a server that never set a minimum reports nothing and behaves as 'None'. Microsoft ended support for TLS 1.0 and 1.1 on Azure SQL Database in August 2025, but a server that still reports no minimum has not recorded the control the organisation relies on, and its configuration is what an auditor reads. Checked: Servers_List, api-version 2023-08-01.",
  remediation: {
    text: "Set the server's minimal TLS version to 1.2 (or 1.3 once every client supports it). Test client drivers first: old JDBC, ODBC and .NET Framework clients may need an update or an explicit TLS 1.2 setting.",
    bicep: bicepServer(),
    terraform: terraformServer(),
    cli: 'az sql server update --name <server-name> --resource-group <resource-group> --minimal-tls-version 1.2',
  },
  evaluate(resource) {
    const { minimalTlsVersion } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (minimalTlsVersion === undefined) return notAssessed('minimal TLS version', subject);
    if (minimalTlsVersion === null)
      return fail(
        `${subject} reports no minimal TLS version: it sets no minimum, so the server itself does not refuse TLS 1.0 and 1.1.${phiNote(resource)}`,
      );
    if (!ACCEPTED.has(minimalTlsVersion))
      return fail(
        minimalTlsVersion === 'None'
          ? `${subject} has minimal TLS version None: it sets no minimum, so the server itself does not refuse TLS 1.0 and 1.1.${phiNote(resource)}`
          : `${subject} has minimal TLS version ${minimalTlsVersion}, below 1.2.${phiNote(resource)}`,
      );
    return pass(`${subject} requires TLS ${minimalTlsVersion} or later.`);
  },
};

import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepServer, POSTGRES_SERVER, serverLabel, serverProperties, terraformServer } from './common';

/** ssl_min_protocol_version values that refuse TLS 1.0 and 1.1. */
const ACCEPTED = new Set(['tlsv1.2', 'tlsv1.3']);

/** 164.312(e)(1) and 164.312(e)(2)(ii): TLS 1.2 or later on every encrypted connection. */
export const postgresMinTls: Rule = {
  id: 'azure.postgres.min-tls',
  title: 'PostgreSQL flexible servers refuse TLS below 1.2 (ssl_min_protocol_version)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: POSTGRES_SERVER,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    'The server parameter ssl_min_protocol_version sets the oldest TLS version an Azure Database for PostgreSQL flexible server negotiates: TLSv1.2 (the default) or TLSv1.3 refuse deprecated protocols, while TLSv1 and TLSv1.1 let a client — or an attacker downgrading the handshake — use TLS 1.0 or 1.1, deprecated by RFC 8996 and below the TLS 1.2 that NIST SP 800-52 Rev. 2 requires. Transmission security (164.312(e)(1)) and its encryption specification (164.312(e)(2)(ii)) are met only with current protocols. This rule judges the protocol floor; whether TLS is required at all is azure.postgres.secure-transport. Checked: Configurations_Get ssl_min_protocol_version (properties.value), api-version 2024-08-01.',
  remediation: {
    text: 'Set ssl_min_protocol_version to TLSv1.2 (or TLSv1.3 when every client supports it). It is a dynamic parameter: no restart. Update old drivers (libpq before 1.1.1 OpenSSL builds, old JDBC) first.',
    bicep: bicepServer(),
    terraform: terraformServer(),
    cli: 'az postgres flexible-server parameter set --resource-group <resource-group> --server-name <server-name> --name ssl_min_protocol_version --value TLSv1.2',
  },
  evaluate(resource) {
    const { sslMinProtocolVersion: value } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (value === undefined) return notAssessed('ssl_min_protocol_version parameter', subject);
    if (!ACCEPTED.has(value.toLowerCase()))
      return fail(
        `${subject} has ssl_min_protocol_version ${value}: it accepts TLS below 1.2.${phiNote(resource)}`,
      );
    return pass(`${subject} refuses TLS below 1.2 (ssl_min_protocol_version ${value}).`);
  },
};

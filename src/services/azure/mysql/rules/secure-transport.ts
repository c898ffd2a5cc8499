import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepServer, MYSQL_SERVER, serverLabel, serverProperties, terraformServer } from './common';

/** 164.312(e)(1) and 164.312(e)(2)(ii): every connection to the database is encrypted. */
export const mysqlSecureTransport: Rule = {
  id: 'azure.mysql.secure-transport',
  title: 'MySQL flexible servers require encrypted connections (require_secure_transport ON)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: MYSQL_SERVER,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    'The server parameter require_secure_transport decides whether an Azure Database for MySQL flexible server refuses clients that connect without TLS. It is ON by default, but it is often turned OFF to get an old application or a migration tool working, and then a client that does not ask for TLS sends its password and receives query results — ePHI — in clear text across every network between it and the server, private networks included. Transmission security (164.312(e)(1)) and its encryption specification (164.312(e)(2)(ii)) ask that ePHI in transit be protected against interception. Checked: Configurations_Get require_secure_transport (properties.value), api-version 2023-12-30.',
  remediation: {
    text: "Set the server parameter require_secure_transport to ON (a dynamic parameter: no restart). Before that, make every client connect with ssl-mode=REQUIRED or stricter (VERIFY_IDENTITY with the server's CA for PHI workloads).",
    bicep: bicepServer(),
    terraform: terraformServer(),
    cli: 'az mysql flexible-server parameter set --resource-group <resource-group> --server-name <server-name> --name require_secure_transport --value ON',
  },
  evaluate(resource) {
    const { requireSecureTransport: value } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (value === undefined) return notAssessed('require_secure_transport parameter', subject);
    if (value.toUpperCase() !== 'ON')
      return fail(
        `${subject} has require_secure_transport ${value}: it accepts connections without TLS.${phiNote(resource)}`,
      );
    return pass(`${subject} requires TLS on every connection (require_secure_transport ${value}).`);
  },
};

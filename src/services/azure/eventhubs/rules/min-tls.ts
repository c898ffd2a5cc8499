import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import {
  bicepNamespace,
  namespaceLabel,
  namespaceProperties,
  EVENT_HUB_NAMESPACE,
  terraformNamespace,
} from './common';

/** '1.2' → [1, 2]; null when the value is not a TLS version Event Hubs reports. */
export function parseTlsVersion(value: string): [number, number] | null {
  const match = /^(?:TLS)?\s*(\d+)[._](\d+)$/i.exec(value.trim());
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/** 164.312(e)(1), (e)(2)(ii): producers and consumers negotiate TLS 1.2 or newer. */
export const eventHubMinTls: Rule = {
  id: 'azure.eventhubs.min-tls-1-2',
  title: 'Event Hubs namespaces require TLS 1.2 or newer',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: EVENT_HUB_NAMESPACE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "Events on an Event Hubs namespace (wearable heart-rate telemetry, device readings, order streams) travel between producers, consumers and the namespace over AMQP, Kafka or HTTPS. 164.312(e)(1) and its encryption specification 164.312(e)(2)(ii) ask that ePHI in transit be protected with encryption that is reasonable and appropriate today: TLS 1.0 and 1.1 are deprecated (RFC 8996) and NIST SP 800-52 Rev. 2 requires TLS 1.2 or newer. A namespace's properties.minimumTlsVersion ('1.0', '1.1' or '1.2', api-version 2022-01-01-preview and later) is the oldest protocol it accepts; below '1.2' a client may still carry events over the deprecated protocols. A namespace that does not report the setting is not assessed.",
  remediation: {
    text: "Set the namespace's minimum TLS version to 1.2. Check first that no producer or consumer still connects with TLS 1.0 or 1.1 (old SDKs and Kafka clients, .NET Framework without strong crypto, device gateways), and upgrade those clients.",
    bicep: bicepNamespace(`    minimumTlsVersion: '1.2'`),
    terraform: terraformNamespace(`  minimum_tls_version = "1.2"`),
    cli: `az eventhubs namespace update --name <namespace-name> --resource-group <resource-group> --minimum-tls-version 1.2`,
  },
  evaluate(resource) {
    const { minimumTlsVersion } = namespaceProperties(resource);
    const subject = namespaceLabel(resource);
    if (minimumTlsVersion === undefined) return notAssessed('minimum TLS version', subject);
    if (minimumTlsVersion === null)
      return notAssessed('minimum TLS version (ARM did not report minimumTlsVersion)', subject);
    const version = parseTlsVersion(minimumTlsVersion);
    if (version === null)
      return fail(
        `${subject} reports minimum TLS version '${minimumTlsVersion}', which is not a recognised TLS 1.2-or-newer value.${phiNote(resource)}`,
      );
    if (version[0] < 1 || (version[0] === 1 && version[1] < 2))
      return fail(
        `${subject} accepts TLS ${version.join('.')}: its minimum TLS version is ${minimumTlsVersion}, below 1.2.${phiNote(resource)}`,
      );
    return pass(`${subject} requires TLS ${minimumTlsVersion} or newer.`);
  },
};

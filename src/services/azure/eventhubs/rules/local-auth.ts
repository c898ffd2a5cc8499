import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import {
  bicepNamespace,
  namespaceLabel,
  namespaceProperties,
  EVENT_HUB_NAMESPACE,
  terraformNamespace,
} from './common';

/** 164.312(a)(2)(i), 164.312(d): every client is a named identity, not a holder of a shared key. */
export const eventHubLocalAuth: Rule = {
  id: 'azure.eventhubs.local-auth-disabled',
  title: 'Event Hubs namespaces accept Microsoft Entra ID only (local SAS authentication disabled)',
  severity: 'medium',
  exposure: 'internal',
  resourceType: EVENT_HUB_NAMESPACE,
  citations: ['164.312(a)(2)(i)', '164.312(d)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    "Shared access signature (SAS) keys are shared secrets: the namespace's RootManageSharedAccessKey grants send, listen and manage on every event hub to whoever holds the connection string, and the logs name the key, not the person or workload that used it. Unique user identification (164.312(a)(2)(i)) and person or entity authentication (164.312(d)) are met when every producer and consumer signs in with its own Microsoft Entra identity (a managed identity) and holds a data-plane role (Azure Event Hubs Data Sender / Receiver) on the event hub it needs. Setting disableLocalAuth true makes Event Hubs refuse every SAS token, on AMQP and Kafka alike. This rule reads properties.disableLocalAuth from Namespaces_List: false, or not reported (ARM's default is false), fails. Keys are never listed.",
  remediation: {
    text: 'Move producers and consumers to Microsoft Entra ID (managed identities with the Azure Event Hubs Data Sender / Data Receiver roles on their event hubs; Kafka clients through OAUTHBEARER), then set disableLocalAuth to true so SAS connection strings stop working. Rotate the SAS keys afterwards in case the namespace is ever switched back.',
    bicep: bicepNamespace(`    disableLocalAuth: true
    minimumTlsVersion: '1.2'`),
    terraform: terraformNamespace(`  local_auth_enabled = false`),
    cli: `az eventhubs namespace update --name <namespace-name> --resource-group <resource-group> --disable-local-auth true`,
  },
  evaluate(resource) {
    const { disableLocalAuth } = namespaceProperties(resource);
    const subject = namespaceLabel(resource);
    if (disableLocalAuth === undefined) return notAssessed('local (SAS) authentication setting', subject);
    if (disableLocalAuth === true)
      return pass(
        `${subject} has local (SAS) authentication disabled: clients sign in with Microsoft Entra ID.`,
      );
    const seen =
      disableLocalAuth === null
        ? 'does not report disableLocalAuth (default false)'
        : 'has disableLocalAuth false';
    return fail(
      `${subject} ${seen}: SAS keys and connection strings are accepted alongside Microsoft Entra ID.${phiNote(resource)}`,
    );
  },
};

import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { SERVICE } from './common';
import { judgeProtocols } from './tls';

const bicep = (side: 'client' | 'backend') => `resource apim 'Microsoft.ApiManagement/service@2022-08-01' = {
  name: apimName
  location: location
  sku: {
    name: 'Standard'
    capacity: 1
  }
  properties: {
    publisherEmail: 'platform-team@northwindvitals.example'
    publisherName: 'Northwind Vitals'
    customProperties: {
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.${side === 'backend' ? 'Backend.' : ''}Protocols.Tls10': 'False'
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.${side === 'backend' ? 'Backend.' : ''}Protocols.Tls11': 'False'
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.${side === 'backend' ? 'Backend.' : ''}Protocols.Ssl30': 'False'
    }
  }
}`;

const terraform = (side: 'client' | 'backend') => `resource "azurerm_api_management" "nwv" {
  name                = var.apim_name
  location            = azurerm_resource_group.apis.location
  resource_group_name = azurerm_resource_group.apis.name
  publisher_name      = "Northwind Vitals"
  publisher_email     = "platform-team@northwindvitals.example"
  sku_name            = "Standard_1"

  security {
    ${side === 'backend' ? 'backend' : 'frontend'}_ssl30_enabled = false
    ${side === 'backend' ? 'backend' : 'frontend'}_tls10_enabled = false
    ${side === 'backend' ? 'backend' : 'frontend'}_tls11_enabled = false
  }
}`;

const cli = (side: 'client' | 'backend') => {
  const prefix = `Microsoft.WindowsAzure.ApiManagement.Gateway.Security.${side === 'backend' ? 'Backend.' : ''}Protocols`;
  return `az apim update --resource-group <resource-group> --name <service> --set properties.customProperties."${prefix}.Tls10"=False properties.customProperties."${prefix}.Tls11"=False properties.customProperties."${prefix}.Ssl30"=False`;
};

/** 164.312(e)(1), (e)(2)(i): clients reach the gateway with TLS 1.2 or newer. */
export const apimGatewayTls: Rule = {
  id: 'azure.apim.gateway-tls',
  title: 'API Management gateways refuse TLS 1.0, TLS 1.1 and SSL 3.0 from clients',
  severity: 'high',
  exposure: 'network',
  resourceType: SERVICE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    '164.312(e)(1) and 164.312(e)(2)(i) require ePHI crossing networks to be protected with transmission security that is reasonable and appropriate today. SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 7568, RFC 8996) and NIST SP 800-52 Rev. 2 requires TLS 1.2 or newer. API Management keeps them as switches in the service\'s customProperties (Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10, .Tls11, .Ssl30: "True" enables the protocol for clients of the gateway). The API reference documents the default of an unset switch: enabled for a service created on or before 1 April 2018, disabled otherwise. This rule fails when a switch is True, or unset on a service whose createdAtUtc is on or before that date (said as such); an unset switch without a creation date is not assessed. Consumption and v2 tiers do not offer these switches.',
  remediation: {
    text: 'Set the client-side TLS 1.0, TLS 1.1 and SSL 3.0 switches to False (Protocols + ciphers in the portal). Check the gateway logs for clients still negotiating old protocols first; the change can take an hour to apply.',
    bicep: bicep('client'),
    terraform: terraform('client'),
    cli: cli('client'),
  },
  evaluate(resource) {
    return judgeProtocols(resource, 'gatewayProtocols', {
      where: 'accepts old protocols from clients',
      setting: 'client-side protocol settings',
      scope: 'for clients',
    });
  },
};

/** 164.312(e)(1), (e)(2)(i): the gateway reaches backends with TLS 1.2 or newer. */
export const apimBackendTls: Rule = {
  id: 'azure.apim.backend-tls',
  title: 'API Management gateways do not use TLS 1.0, TLS 1.1 or SSL 3.0 towards backends',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: SERVICE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    'Between the gateway and the backends, requests and answers carry the same ePHI as on the client side; 164.312(e)(1) and 164.312(e)(2)(i) apply to that hop too. The switches Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10, .Tls11 and .Ssl30 in customProperties let the gateway negotiate deprecated protocols with a backend that offers nothing better, so a legacy backend silently gets a weak connection. Unset switches follow the documented default (enabled for services created on or before 1 April 2018). This rule fails when a backend switch is True, or unset on such an old service.',
  remediation: {
    text: 'Set the backend-side TLS 1.0, TLS 1.1 and SSL 3.0 switches to False, after upgrading any backend that still offers only old protocols.',
    bicep: bicep('backend'),
    terraform: terraform('backend'),
    cli: cli('backend'),
  },
  evaluate(resource) {
    return judgeProtocols(resource, 'backendProtocols', {
      where: 'may use old protocols towards backends',
      setting: 'backend protocol settings',
      scope: 'towards backends',
    });
  },
};

import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { defenderPlan } from '../resource';

const properties = defenderPlan.properties;

/** The PHI-holding resource types each plan protects, to count in a failing detail. */
const protects: Readonly<Record<string, { types: readonly string[]; what: string }>> = {
  StorageAccounts: { types: ['azure.storage.account'], what: 'storage accounts' },
  SqlServers: { types: ['azure.sql.server', 'azure.sql.database'], what: 'Azure SQL servers or databases' },
  AppServices: { types: ['azure.appservice.site'], what: 'web apps' },
  KeyVaults: { types: ['azure.keyvault.vault'], what: 'key vaults' },
};

/** 164.308(a)(5)(ii)(B), 164.308(a)(6)(ii): threats against PHI services are detected and raised. */
export const policyDefenderPlan: Rule = {
  id: 'azure.policy.defender-plan',
  title: 'Microsoft Defender for Cloud plans protecting PHI services are on (Standard)',
  severity: 'medium',
  exposure: 'internal',
  resourceType: defenderPlan.type,
  citations: ['164.308(a)(5)(ii)(B)', '164.308(a)(6)(ii)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    "Microsoft Defender for Cloud's workload plans detect attacks on the services that hold ePHI: malware uploaded to and unusual extraction from storage accounts (Defender for Storage), SQL injection and anomalous database access (Defender for Azure SQL), attacks on web apps (App Service), unusual secret and key access (Key Vault), suspicious management operations (Resource Manager) and API abuse (APIs). With a plan at the Free tier none of these alerts exist. Protection from malicious software (164.308(a)(5)(ii)(B)) and security incident procedures (164.308(a)(6)(ii)), which start with identifying an incident, are served by turning these plans on for subscriptions that hold ePHI. This rule reads pricingTier from Pricings_List for the six plans: Standard passes, Free fails; a failing detail counts the PHI resources of the run the plan would protect.",
  remediation: {
    text: 'Turn the plan on (pricing tier Standard) for each subscription that holds ePHI, with the current sub-plan (Defender for Storage: DefenderForStorageV2 with malware scanning and sensitive data threat detection), and route its alerts to the security team (Sentinel or e-mail notifications).',
    bicep: `targetScope = 'subscription'

resource defenderStorage 'Microsoft.Security/pricings@2024-01-01' = {
  name: 'StorageAccounts'
  properties: {
    pricingTier: 'Standard'
    subPlan: 'DefenderForStorageV2'
  }
}

resource defenderSql 'Microsoft.Security/pricings@2024-01-01' = {
  name: 'SqlServers'
  properties: {
    pricingTier: 'Standard'
  }
}`,
    terraform: `resource "azurerm_security_center_subscription_pricing" "storage" {
  tier          = "Standard"
  resource_type = "StorageAccounts"
  subplan       = "DefenderForStorageV2"
}

resource "azurerm_security_center_subscription_pricing" "sql" {
  tier          = "Standard"
  resource_type = "SqlServers"
}`,
    cli: `az security pricing create --name StorageAccounts --tier Standard --subplan DefenderForStorageV2
az security pricing create --name SqlServers --tier Standard
az security pricing create --name AppServices --tier Standard
az security pricing create --name KeyVaults --tier Standard
az security pricing create --name Arm --tier Standard
az security pricing create --name Api --tier Standard --subplan P1`,
  },
  evaluate(resource, context) {
    const { plan, pricingTier, subPlan, deprecated, inheritedFrom } = properties(resource);
    const subject = `${resource.name} (${plan ?? 'plan'}) on subscription ${resource.scopeId}`;
    if (pricingTier === undefined || pricingTier === null) return notAssessed('pricing tier', subject);
    const sub = subPlan ? `, sub-plan ${subPlan}` : '';
    const from = inheritedFrom ? `, inherited from ${inheritedFrom}` : '';
    if (pricingTier.toLowerCase() === 'standard')
      return pass(
        `${subject} is on (Standard${sub}${from}).${deprecated ? ' The plan is deprecated: move to its replacement.' : ''}`,
      );
    const guarded = plan ? protects[plan] : undefined;
    const phi = guarded
      ? context.resources.filter(
          (each) => each.phi && each.scopeId === resource.scopeId && guarded.types.includes(each.type),
        ).length
      : 0;
    const count = guarded && phi > 0 ? ` It would protect ${phi} PHI ${guarded.what} found in this run.` : '';
    return fail(
      `${subject} is at the ${pricingTier} tier: no threat detection alerts are raised for it.${count}`,
    );
  },
};

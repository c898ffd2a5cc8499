import { DeskError } from '../errors';
import { createSimulator, demoScenario, loadScenario, type Simulator } from '../cloud/sim';
import type { TargetSpec } from '../kit/model';
import type { AwsOrganizationSpec } from './aws-organization';
import type { AzureTenantSpec } from './azure-subscriptions';

/** An organization as the API names it: the management account's sign-in and the member role. */
export interface AwsOrganizationInput {
  label: string;
  cloud: 'aws' | 'aws-us-gov';
  auth: Record<string, string>;
  roleName: string;
  externalId?: string | undefined;
  regions: string[];
}

export type AssessmentSource =
  | { kind: 'demo' }
  | {
      kind: 'scenario';
      path: string;
      awsOrganization?: { roleName: string } | undefined;
      azureAllSubscriptions?: boolean | undefined;
    }
  | {
      kind: 'live';
      targets: TargetSpec[];
      awsOrganizations?: AwsOrganizationInput[] | undefined;
      azureTenants?: AzureTenantSpec[] | undefined;
    };

export interface PreparedAssessment {
  targets: TargetSpec[];
  simulator?: Simulator;
  scenarioName?: string;
  awsOrganizations?: AwsOrganizationSpec[];
  azureTenants?: AzureTenantSpec[];
}

function organizationSpec(input: AwsOrganizationInput): AwsOrganizationSpec {
  return {
    label: input.label,
    management: {
      provider: 'aws',
      label: input.label,
      cloud: input.cloud,
      scopeId: 'from-credentials',
      regions: input.regions,
      auth: input.auth,
    },
    roleName: input.roleName,
    ...(input.externalId ? { externalId: input.externalId } : {}),
    regions: input.regions,
  };
}

/** Turns what the user chose (demo, a scenario file, real targets) into targets and clients. */
export function prepareAssessment(source: AssessmentSource): PreparedAssessment {
  switch (source.kind) {
    case 'demo': {
      const simulator = createSimulator(demoScenario());
      return { targets: simulator.targets(), simulator, scenarioName: simulator.scenario.name };
    }
    case 'scenario': {
      const simulator = createSimulator(loadScenario(source.path));
      const scenarioName = simulator.scenario.name;
      const prepared: PreparedAssessment = { targets: simulator.targets(), simulator, scenarioName };
      // The scenario's AWS accounts are found through its organization, as --aws-org finds real ones.
      if (source.awsOrganization) {
        prepared.targets = prepared.targets.filter((t) => t.provider !== 'aws');
        prepared.awsOrganizations = [scenarioOrganization(simulator, source.awsOrganization.roleName)];
      }
      // Its Azure subscriptions are found by listing them, as --azure-all-subscriptions finds real ones.
      if (source.azureAllSubscriptions) {
        prepared.targets = prepared.targets.filter((t) => t.provider !== 'azure');
        prepared.azureTenants = [
          { label: 'all subscriptions', cloud: 'AzureCloud', auth: { method: 'simulated' }, regions: [] },
        ];
      }
      return prepared;
    }
    case 'live': {
      const organizations = (source.awsOrganizations ?? []).map(organizationSpec);
      const tenants = source.azureTenants ?? [];
      if (source.targets.length === 0 && organizations.length === 0 && tenants.length === 0)
        throw new DeskError('BAD_INPUT', 'Add at least one AWS account or Azure subscription to assess.');
      return {
        targets: source.targets,
        ...(organizations.length > 0 ? { awsOrganizations: organizations } : {}),
        ...(tenants.length > 0 ? { azureTenants: tenants } : {}),
      };
    }
  }
}

function scenarioOrganization(simulator: Simulator, roleName: string): AwsOrganizationSpec {
  const organization = simulator.scenario.aws.organization;
  if (!organization)
    throw new DeskError(
      'BAD_INPUT',
      `The scenario "${simulator.scenario.name}" has no aws.organization to list accounts from.`,
    );
  const management = simulator
    .targets()
    .find((t) => t.provider === 'aws' && t.scopeId === organization.managementAccountId);
  if (!management)
    throw new DeskError('BAD_INPUT', `The scenario has no AWS account ${organization.managementAccountId}.`);
  return {
    label: `AWS Organization ${organization.id}`,
    // The simulator answers by account: the management account is named, not found from credentials.
    management: { ...management, label: `AWS Organization ${organization.id}` },
    roleName,
    regions: management.regions,
  };
}

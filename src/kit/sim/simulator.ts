import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import type { MetadataBearer, Pluggable } from '@smithy/types';
import type { TargetSpec } from '../model';
import { DeskError } from '../../errors';
import type { ServiceModule } from '../service';
import { awsSimulatorPlugin, type AwsSimTarget } from './aws';
import { azureSimulatorHttpClient, simulatedAzureCredential } from './azure';
import type { SimCallCounter } from './faults';
import type { ScenarioBase } from './scenario';
import { createWorld } from './world';

/** The simulated cloud for one run: AWS and Azure answered from a scenario through the real SDK clients. */
export interface Simulator {
  readonly scenario: ScenarioBase;
  /** Calls answered (each retry counts), per provider/service/operation */
  readonly calls: SimCallCounter;
  /** The answering middleware for an AWS client of one account and region (connectTarget adds it). */
  awsMiddleware(target: AwsSimTarget): Pluggable<object, MetadataBearer>;
  /** The transport for every Azure client. */
  readonly azureHttpClient: HttpClient;
  /** The sign-in for one subscription (tokens naming the scenario's principal). */
  azureCredential(subscriptionId: string): TokenCredential;
  /** One target per AWS account and Azure subscription, auth { method: 'simulated' }. */
  targets(): TargetSpec[];
}

export function createServiceSimulator(
  scenario: ScenarioBase,
  services: readonly ServiceModule[],
): Simulator {
  const world = createWorld(scenario, services);
  const azureHttpClient = azureSimulatorHttpClient(world);
  const azureServices = services.flatMap((service) => (service.provider === 'azure' ? [service] : []));
  return {
    scenario,
    calls: world.calls,
    awsMiddleware: (target) => awsSimulatorPlugin(world, target),
    azureHttpClient,
    azureCredential(subscriptionId) {
      const subscription = scenario.azure.subscriptions.find(
        (each) => each.subscriptionId.toLowerCase() === subscriptionId.toLowerCase(),
      );
      if (!subscription)
        throw new DeskError('NOT_FOUND', `The scenario has no Azure subscription ${subscriptionId}.`);
      return simulatedAzureCredential(subscription);
    },
    targets() {
      const aws: TargetSpec[] = scenario.aws.accounts.map((account) => ({
        provider: 'aws',
        label: account.label,
        cloud: account.partition,
        scopeId: account.accountId,
        regions: [...account.regions],
        auth: { method: 'simulated' },
      }));
      const azure: TargetSpec[] = scenario.azure.subscriptions.map((subscription) => ({
        provider: 'azure',
        label: subscription.label,
        cloud: 'AzureCloud',
        scopeId: subscription.subscriptionId,
        regions:
          subscription.regions ??
          [
            ...new Set(azureServices.flatMap((service) => service.sim.locations?.(subscription) ?? [])),
          ].sort(),
        auth: { method: 'simulated', tenantId: subscription.tenantId },
      }));
      return [...aws, ...azure];
    },
  };
}

import type { TokenCredential } from '@azure/core-auth';
import type { HttpClient } from '@azure/core-rest-pipeline';
import type { MetadataBearer, Pluggable } from '@smithy/types';
import type { TargetSpec } from '../../kit/model';
import { DeskError } from '../../errors';
import { awsSimulatorPlugin, type AwsSimTarget } from './aws';
import { azureSimulatorHttpClient, simulatedAzureCredential } from './azure';
import type { SimCallCounter } from './faults';
import { loadScenario, type Scenario } from './scenario';
import { createWorld } from './world';

/** The simulated cloud for one run: AWS and Azure answered from a scenario through the real SDK clients. */
export interface Simulator {
  readonly scenario: Scenario;
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

export function createSimulator(scenarioOrPath: Scenario | string): Simulator {
  const scenario = typeof scenarioOrPath === 'string' ? loadScenario(scenarioOrPath) : scenarioOrPath;
  const world = createWorld(scenario);
  const azureHttpClient = azureSimulatorHttpClient(world);
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
          [...new Set(subscription.storageAccounts.map((account) => account.location))].sort(),
        auth: { method: 'simulated', tenantId: subscription.tenantId },
      }));
      return [...aws, ...azure];
    },
  };
}

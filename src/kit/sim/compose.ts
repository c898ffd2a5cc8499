/**
 * The demo organisation and the benchmark generator, composed from the service modules: the
 * organisation's skeleton (accounts, subscriptions, engagement, faults) is data of its own, and each
 * service adds its resources to the accounts and subscriptions its fragment names.
 */
import { DeskError } from '../../errors';
import type { ServiceModule } from '../service';
import type { GenerateRandom } from './types';

type Json = Record<string, unknown>;

function mergeInto(target: Json, fields: Json, where: string): void {
  for (const [key, value] of Object.entries(fields)) {
    if (key in target)
      throw new DeskError(
        'INTERNAL',
        `Demo fragments both set ${where}.${key}: each field belongs to one service.`,
      );
    target[key] = value;
  }
}

/**
 * skeleton: { aws: { accounts: [{ accountId, … }] }, azure: { subscriptions: [{ subscriptionId, … }] }, … }
 * Each AWS service's demo: { accounts: { "<accountId>": { field: … } }, organisation: { field: … } };
 * each Azure service's: { subscriptions: { "<subscriptionId>": { field: … } } }.
 */
export function composeDemo(skeleton: Json, services: readonly ServiceModule[]): Json {
  const demo = structuredClone(skeleton) as Json & {
    aws?: Json & { accounts?: Json[] };
    azure?: Json & { subscriptions?: Json[] };
  };
  demo.aws ??= { accounts: [] };
  demo.aws.accounts ??= [];
  demo.azure ??= { subscriptions: [] };
  demo.azure.subscriptions ??= [];
  const accounts = new Map(demo.aws.accounts.map((account) => [String(account.accountId), account]));
  const subscriptions = new Map(
    demo.azure.subscriptions.map((subscription) => [
      String(subscription.subscriptionId).toLowerCase(),
      subscription,
    ]),
  );
  for (const service of services) {
    if (service.provider === 'aws') {
      for (const [id, fields] of Object.entries(service.sim.demo.accounts ?? {})) {
        const account = accounts.get(id);
        if (!account)
          throw new DeskError(
            'INTERNAL',
            `${service.id}'s demo names AWS account ${id}, which the demo organisation lacks.`,
          );
        mergeInto(account, structuredClone(fields), `aws.accounts[${id}]`);
      }
      mergeInto(demo.aws, structuredClone(service.sim.demo.organisation ?? {}), 'aws');
    } else {
      for (const [id, fields] of Object.entries(service.sim.demo.subscriptions ?? {})) {
        const subscription = subscriptions.get(id.toLowerCase());
        if (!subscription)
          throw new DeskError(
            'INTERNAL',
            `${service.id}'s demo names Azure subscription ${id}, which the demo organisation lacks.`,
          );
        mergeInto(subscription, structuredClone(fields), `azure.subscriptions[${id}]`);
      }
    }
  }
  return demo;
}

/** mulberry32: a small, fast, seeded generator; the benchmark needs the same organisation every run. */
export function seededRandom(seed: number): GenerateRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p) => next() < p,
    pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T,
    hex: (length) => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}

/** A seed per service, so adding a service never changes what another generates. */
export function serviceSeed(seed: number, serviceId: string): number {
  let hash = seed >>> 0;
  for (const char of serviceId) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

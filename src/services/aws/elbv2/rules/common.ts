import type { NormalizedResource } from '../../../../kit';
import { elbv2LoadBalancer, type Elbv2Listener } from '../resource';

export const ELBV2_LOAD_BALANCER = elbv2LoadBalancer.type;

/** The collector's facts about a load balancer; a field left undefined could not be collected. */
export const elbv2Properties = elbv2LoadBalancer.properties;

const typeWords: Record<string, string> = {
  application: 'Application Load Balancer',
  network: 'Network Load Balancer',
  gateway: 'Gateway Load Balancer',
};

/** "Application Load Balancer nwv-storefront-alb (internet-facing) in us-east-1" */
export function loadBalancerLabel(resource: NormalizedResource): string {
  const { type, scheme } = elbv2Properties(resource);
  const kind = typeWords[type ?? ''] ?? 'load balancer';
  return `${kind} ${resource.name}${scheme ? ` (${scheme})` : ''} in ${resource.region}`;
}

/** "HTTP:80" */
export const listenerLabel = (listener: Elbv2Listener): string => `${listener.protocol}:${listener.port}`;

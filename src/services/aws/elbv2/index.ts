import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { defineService } from '../../../kit';
import { collectElbv2LoadBalancers } from './collect';
import { ops } from './operations';
import { elbv2LoadBalancer } from './resource';
import { elbv2AccessLogs } from './rules/access-logs';
import { elbv2HttpRedirectsToHttps } from './rules/http-redirects-to-https';
import { elbv2TlsPolicy } from './rules/tls-policy';
import { elbv2Sim } from './sim';

/** Elastic Load Balancing v2 (Application, Network, Gateway Load Balancers), read per region. */
export const elbv2 = defineService({
  id: 'aws.elbv2',
  provider: 'aws',
  service: 'elbv2',
  title: 'Elastic Load Balancing (Application, Network and Gateway Load Balancers)',
  hipaaListName: 'elasticloadbalancing',
  scope: 'regional',
  client: ElasticLoadBalancingV2Client,
  operations: Object.values(ops),
  resources: [elbv2LoadBalancer],
  rules: [elbv2HttpRedirectsToHttps, elbv2TlsPolicy, elbv2AccessLogs],
  collect: collectElbv2LoadBalancers,
  sim: elbv2Sim,
});

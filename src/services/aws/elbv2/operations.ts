import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  DescribeSSLPoliciesCommand,
  DescribeTagsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { awsOperation } from '../../../kit';

/**
 * Every Elastic Load Balancing (v2: Application, Network and Gateway Load Balancers) call the
 * collector makes: configuration only, never a target's traffic or the access-log objects.
 */
export const ops = {
  describeLoadBalancers: awsOperation(
    DescribeLoadBalancersCommand,
    'elasticloadbalancing:DescribeLoadBalancers',
  ),
  describeListeners: awsOperation(DescribeListenersCommand, 'elasticloadbalancing:DescribeListeners'),
  describeLoadBalancerAttributes: awsOperation(
    DescribeLoadBalancerAttributesCommand,
    'elasticloadbalancing:DescribeLoadBalancerAttributes',
  ),
  describeSslPolicies: awsOperation(DescribeSSLPoliciesCommand, 'elasticloadbalancing:DescribeSSLPolicies'),
  describeTags: awsOperation(DescribeTagsCommand, 'elasticloadbalancing:DescribeTags'),
};

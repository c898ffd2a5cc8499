import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { ec2Vpc } from '../resource';
import { describeInstance, instancesNear, label, phiInstances, VPC } from './common';

const NEEDED = ['s3', 'dynamodb'] as const;

/** 164.312(e)(1) transmission security, 164.312(a)(1): PHI traffic to S3 and DynamoDB stays on the AWS network path. */
export const ec2VpcGatewayEndpoints: Rule = {
  id: 'aws.ec2.vpc-gateway-endpoints',
  title: 'VPCs holding PHI workloads have S3 and DynamoDB gateway endpoints',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'network',
  resourceType: VPC,
  citations: ['164.312(e)(1)', '164.312(a)(1)'],
  failurePattern: failurePatterns.openNetworkPaths,
  rationale:
    "164.312(e)(1) requires technical measures against unauthorized access to ePHI transmitted over networks, and 164.312(a)(1) access control is easier to enforce when PHI stores accept requests only from known network paths. Without a gateway endpoint, an instance that reads or writes S3 objects or DynamoDB items goes out through a NAT or internet gateway to the public service endpoints; the traffic is TLS, but it cannot be limited with an endpoint policy, and bucket or table policies cannot require aws:SourceVpce. S3 and DynamoDB gateway endpoints cost nothing. The rule applies to VPCs that are tagged as PHI or in which the run found a PHI-classified instance (DescribeInstances), reads the Gateway endpoints of DescribeVpcEndpoints, and fails when the S3 or the DynamoDB one is missing or not available. It cannot see which services the workloads call, nor whether every subnet's route table is associated; a VPC whose workloads never use DynamoDB may accept that part in triage.",
  remediation: {
    text: "Create S3 and DynamoDB gateway endpoints in the VPC, associate them with the route tables of the subnets that hold PHI workloads, and restrict them with an endpoint policy to the organisation's buckets and tables. Then PHI bucket and table policies can require aws:SourceVpce.",
    terraform: `resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.legacy.id
  service_name      = "com.amazonaws.us-east-1.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]
}

resource "aws_vpc_endpoint" "dynamodb" {
  vpc_id            = aws_vpc.legacy.id
  service_name      = "com.amazonaws.us-east-1.dynamodb"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]
}`,
    cloudformation: `S3GatewayEndpoint:
  Type: AWS::EC2::VPCEndpoint
  Properties:
    VpcId: !Ref LegacyVpc
    ServiceName: !Sub com.amazonaws.\${AWS::Region}.s3
    VpcEndpointType: Gateway
    RouteTableIds: [!Ref PrivateRouteTable]
DynamoDbGatewayEndpoint:
  Type: AWS::EC2::VPCEndpoint
  Properties:
    VpcId: !Ref LegacyVpc
    ServiceName: !Sub com.amazonaws.\${AWS::Region}.dynamodb
    VpcEndpointType: Gateway
    RouteTableIds: [!Ref PrivateRouteTable]`,
    cli: `aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Gateway \\
  --service-name com.amazonaws.<region>.s3 --route-table-ids <rtb-id>
aws ec2 create-vpc-endpoint --vpc-id <vpc-id> --vpc-endpoint-type Gateway \\
  --service-name com.amazonaws.<region>.dynamodb --route-table-ids <rtb-id>`,
  },
  evaluate(resource, context) {
    const { gatewayEndpoints, instanceIds } = ec2Vpc.properties(resource);
    const subject = label('VPC', resource);
    const phi = instanceIds ? phiInstances(instanceIds, instancesNear(resource, context)) : [];
    if (!resource.phi && phi.length === 0) {
      if (instanceIds === undefined) return notAssessed('instances (DescribeInstances)', subject);
      return notApplicable(`${subject} is not tagged as PHI and no PHI-classified instance was found in it.`);
    }
    if (gatewayEndpoints === undefined) return notAssessed('VPC endpoints (DescribeVpcEndpoints)', subject);
    const available = (service: string) =>
      gatewayEndpoints.find(
        (each) => each.service === service && (each.state ?? 'available') === 'available',
      );
    const missing = NEEDED.filter((service) => !available(service));
    const holds =
      phi.length > 0 ? ` It holds PHI-classified workloads: ${phi.map(describeInstance).join('; ')}.` : '';
    if (missing.length === 0)
      return pass(
        `${subject} has available S3 (${available('s3')!.vpcEndpointId}) and DynamoDB (${available('dynamodb')!.vpcEndpointId}) gateway endpoints.`,
      );
    const names = missing.map((service) => (service === 's3' ? 'S3' : 'DynamoDB')).join(' and ');
    return fail(
      `${subject} has no available ${names} gateway endpoint: its traffic to ${names} leaves through a NAT or internet gateway to the public endpoints.${holds}${phiNote(resource)}`,
    );
  },
};

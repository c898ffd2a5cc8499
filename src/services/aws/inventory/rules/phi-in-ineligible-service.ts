import { awsEligibleSource, awsServiceEligibility } from '../../../../catalog/aws-eligible';
import type { NormalizedResource, Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import { inventoryResource } from '../resource';

/** "sqs:queue nwv-support-tickets in us-east-1", the subject of every inventory detail. */
function label(resource: NormalizedResource, resourceType: string | undefined): string {
  return `${resourceType ?? 'AWS resource'} ${resource.name} in ${resource.region}`;
}

const listName = `the AWS HIPAA eligible services list dated ${awsEligibleSource.listDateLabel}`;

/**
 * 164.308(b)(1) business associate contracts, 164.314(a)(1) their required content: AWS is a
 * business associate only for the services its BAA covers, which are the eligible services.
 */
export const inventoryPhiInIneligibleService: Rule = {
  id: 'aws.inventory.phi-in-ineligible-service',
  title: 'PHI-classified resources run only on HIPAA eligible AWS services',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internal',
  resourceType: inventoryResource.type,
  citations: ['164.308(b)(1)', '164.314(a)(1)'],
  failurePattern: failurePatterns.phiOutsideBaa,
  rationale:
    'Under 164.308(b)(1) a covered entity may let a business associate create, receive, maintain or transmit ePHI only with satisfactory assurances in a business associate contract, and 164.314(a)(1) sets what that contract must contain. The AWS Business Associate Addendum is that contract for AWS, and it covers only the services on the AWS HIPAA eligible services list: ePHI stored or processed in any other AWS service is held by AWS without a business associate agreement, a disclosure the Privacy Rule does not permit and a gap no configuration can close. The inventory reads every tagged resource of each account and region (Resource Groups Tagging API), so a PHI-classified queue, function or database in an ineligible service is found even where no other check of this product looks. The list is dated; each finding names its date, and a list more than six months older than the run should be re-checked against the live AWS page.',
  remediation: {
    text: 'Move the PHI workload to a service on the AWS HIPAA eligible list (for example AWS App Runner → Amazon ECS on AWS Fargate or AWS Lambda; Amazon Lightsail → Amazon EC2 or Amazon RDS), or remove the PHI and its classification tag once nothing PHI is stored there. Then deny the ineligible services in accounts that hold PHI with a service control policy, and re-check the list date against the live AWS page.',
    terraform: `# Deny services that are not HIPAA eligible in the organisational unit that holds PHI.
resource "aws_organizations_policy" "phi_eligible_services_only" {
  name = "phi-eligible-services-only"
  type = "SERVICE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "DenyIneligibleServices"
      Effect   = "Deny"
      Action   = ["apprunner:*", "lightsail:*"]
      Resource = "*"
    }]
  })
}

resource "aws_organizations_policy_attachment" "phi_ou" {
  policy_id = aws_organizations_policy.phi_eligible_services_only.id
  target_id = var.phi_ou_id
}`,
    cloudformation: `PhiEligibleServicesOnly:
  Type: AWS::Organizations::Policy
  Properties:
    Name: phi-eligible-services-only
    Type: SERVICE_CONTROL_POLICY
    TargetIds:
      - !Ref PhiOrganizationalUnitId
    Content:
      Version: "2012-10-17"
      Statement:
        - Sid: DenyIneligibleServices
          Effect: Deny
          Action:
            - "apprunner:*"
            - "lightsail:*"
          Resource: "*"`,
    cli: `# Every PHI-tagged resource of a region, to check against the eligible list:
aws resourcegroupstaggingapi get-resources --region <region> \\
  --tag-filters Key=phi,Values=true --query 'ResourceTagMappingList[].ResourceARN'
# After moving the workload, delete the ineligible resource (App Runner shown):
aws apprunner delete-service --service-arn <service-arn> --region <region>`,
  },
  evaluate(resource) {
    const { service, resourceType } = inventoryResource.properties(resource);
    const subject = label(resource, resourceType);
    if (service === undefined) return notAssessed('service code (from the ARN)', subject);
    const eligibility = awsServiceEligibility(service);
    if (eligibility.status === 'unknown')
      return notApplicable(
        `${subject}: service code "${service}" could not be matched to ${listName}; its eligibility was not judged.`,
      );
    if (eligibility.status === 'eligible') {
      const { name, qualifier } = eligibility.service;
      const scope =
        qualifier && resource.phi
          ? ` The listing is qualified ("${qualifier}"): confirm this resource is within it.`
          : '';
      return pass(`${subject} runs on ${name}, which is on ${listName}.${scope}`);
    }
    if (!resource.phi)
      return notApplicable(
        `${subject}: service ${service} is not on the HIPAA eligible list (dated ${awsEligibleSource.listDateLabel}): confirm no PHI is stored here. ${eligibility.reason}`,
      );
    return fail(
      `${subject} is classified as PHI (${resource.phiReason ?? 'engagement classification'}), but service ${service} is not on ${listName}. ${eligibility.reason}`,
    );
  },
};

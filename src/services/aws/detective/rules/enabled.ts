import type { Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import { detectiveRegion } from '../resource';

/**
 * 164.308(a)(6)(ii) response and reporting: when GuardDuty raises a finding, someone can see what the
 * principal and the resource did before and after it, to scope the incident and decide on notification.
 */
export const detectiveEnabled: Rule = {
  id: 'aws.detective.enabled',
  title: 'Detective builds a behavior graph for the account in every assessed region',
  severity: 'low',
  exposure: 'internal',
  resourceType: detectiveRegion.type,
  citations: ['164.308(a)(6)(ii)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    '164.308(a)(6)(ii) requires that security incidents be responded to, mitigated and documented. Responding to a GuardDuty finding means answering what the role, user or address did before and after it, and whether PHI stores were touched: the answer is needed to decide whether a breach occurred and whom to notify (164.402, 164.404). Amazon Detective keeps up to a year of CloudTrail, VPC flow, EKS audit and GuardDuty activity as a behavior graph per region, so that timeline is a query rather than a reconstruction from raw logs. The rule reads ListGraphs (graphs the account administers) and ListInvitations (graphs it is a member of) in each region and passes when the account administers a graph or its membership status is ENABLED; an invitation not accepted, or a membership ACCEPTED_BUT_DISABLED (for example over the data volume quota), does not count. Low severity: Detective speeds investigation, it detects nothing new.',
  remediation: {
    text: "Enable Detective in each region (it needs GuardDuty enabled for 48 hours first), through the Detective delegated administrator with auto-enable for the organization, or accept the administrator's invitation in a member account.",
    terraform: `resource "aws_detective_graph" "this" {}

# In a member account, accept the administrator's invitation:
resource "aws_detective_invitation_accepter" "member" {
  graph_arn = "<administrator-graph-arn>"
}`,
    cloudformation: `DetectiveGraph:
  Type: AWS::Detective::Graph
  Properties:
    AutoEnableMembers: true`,
    cli: `aws detective create-graph --region <region>
# in a member account:
aws detective accept-invitation --graph-arn <administrator-graph-arn> --region <region>`,
  },
  evaluate(resource) {
    const { administeredGraphs, memberships } = detectiveRegion.properties(resource);
    if (administeredGraphs !== undefined && administeredGraphs.length > 0)
      return pass(
        `Detective is enabled in ${resource.name}: the account administers behavior graph ${administeredGraphs.join(', ')}.`,
      );
    const member = (memberships ?? []).filter((each) => each.status === 'ENABLED');
    if (member.length > 0)
      return pass(
        `Detective is enabled in ${resource.name}: the account is an ENABLED member of behavior graph ${member
          .map(
            (each) =>
              `${each.graphArn}${each.administratorId ? ` (administrator ${each.administratorId})` : ''}`,
          )
          .join(', ')}.`,
      );
    if (administeredGraphs === undefined || memberships === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the Detective ${administeredGraphs === undefined ? 'behavior graphs (ListGraphs)' : 'memberships (ListInvitations)'} of ${resource.name} could not be read (see coverage gaps).`,
      );
    const pending =
      memberships.length > 0
        ? ` Invitations seen: ${memberships.map((each) => `${each.graphArn} (${each.status})`).join(', ')}.`
        : '';
    return fail(
      `Detective is not enabled in ${resource.name}: the account administers no behavior graph and is no ENABLED member of one.${pending}`,
    );
  },
};

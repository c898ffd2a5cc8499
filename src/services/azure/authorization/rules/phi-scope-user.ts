import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import { describeScope } from '../normalize';
import {
  assignmentLabel,
  assignmentProperties,
  bicepGroupAssignment,
  phiResourceAt,
  ROLE_ASSIGNMENT,
  terraformGroupAssignment,
} from './common';

/** 164.308(a)(4)(ii)(B)/(C), 164.308(a)(3)(ii)(A): administrative access to PHI goes through reviewed groups. */
export const authorizationPhiScopeUser: Rule = {
  id: 'azure.authorization.phi-scope-user-privileged',
  title:
    'Owner, Contributor and User Access Administrator on PHI resources are granted to groups, not to individual users',
  severity: 'medium',
  exposure: 'internal',
  resourceType: ROLE_ASSIGNMENT,
  citations: ['164.308(a)(4)(ii)(B)', '164.308(a)(4)(ii)(C)', '164.308(a)(3)(ii)(A)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    'Administrative roles on a resource that holds ePHI, or on its resource group, let the holder read the data, change its protections and grant access to others. Access authorization (164.308(a)(4)(ii)(B)) and access establishment and modification (164.308(a)(4)(ii)(C)) and authorization and supervision (164.308(a)(3)(ii)(A)) are easiest to show when such access is granted to a named Entra group whose membership is reviewed (access reviews, PIM for Groups), not to individual accounts that accumulate and are forgotten when people change jobs. This rule looks at Owner, Contributor and User Access Administrator assignments whose scope is a PHI-classified resource or the resource group of one (PHI resources of this run, or a resource group tagged as PHI): a user fails, a group passes, and service principals are left to the service-principal rule. Whether a user is a guest (Microsoft Graph userType) is not read.',
  remediation: {
    text: 'Create an Entra group for the PHI administrators of the resource group (membership approved and reviewed, ideally PIM-eligible), assign the role to the group at the same scope, and remove the individual user assignments.',
    bicep: bicepGroupAssignment,
    terraform: terraformGroupAssignment,
    cli: `az role assignment create --assignee-object-id <group-object-id> --assignee-principal-type Group --role Contributor --scope <phi-resource-group-id>
az role assignment delete --assignee <user-object-id> --role Owner --scope <phi-resource-group-id>`,
  },
  evaluate(resource, context) {
    const { principalType, scope, scopeKind, roleName } = assignmentProperties(resource);
    const subject = assignmentLabel(resource);
    if (principalType === undefined || scope === undefined || scopeKind === undefined)
      return notAssessed('principal type and scope', subject);
    if (scopeKind !== 'resourceGroup' && scopeKind !== 'resource')
      return notApplicable(`${subject} is not scoped to a resource group or resource.`);
    const holder = phiResourceAt(scope, context);
    const why = holder
      ? `${describeScope(scope)} holds PHI (${holder.name}: ${holder.phiReason ?? 'classified as PHI'})`
      : resource.phi
        ? `${describeScope(scope)} is classified as PHI (${resource.phiReason ?? 'engagement classification'})`
        : null;
    if (!why) return notApplicable(`${subject} is not on a resource or resource group classified as PHI.`);
    if (principalType === 'User')
      return fail(`${subject} gives an individual user ${roleName ?? 'a privileged role'} where ${why}.`);
    if (principalType === 'Group' || principalType === 'ForeignGroup')
      return pass(`${subject} grants ${roleName ?? 'the role'} through a group where ${why}.`);
    return notApplicable(`${subject} is held by a ${principalType}, not a user or group.`);
  },
};

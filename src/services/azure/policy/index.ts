import { defineService } from '../../../kit';
import { collectPolicy } from './collect';
import { ops } from './operations';
import { defenderPlan, policyScope } from './resource';
import { policyDefenderPlan } from './rules/defender-plan';
import { policyHipaaInitiative } from './rules/hipaa-initiative';
import { policySim } from './sim';

/**
 * Azure Policy and Microsoft Defender for Cloud: the HITRUST/HIPAA initiative's assignment and
 * latest compliance summary, and the Defender plans that protect PHI services, through ARM.
 */
export const policy = defineService({
  id: 'azure.policy',
  provider: 'azure',
  service: 'policy',
  title: 'Azure Policy and Microsoft Defender for Cloud',
  hipaaListName: 'Azure Policy',
  namespace: 'Microsoft.Authorization',
  scope: 'global',
  operations: Object.values(ops),
  resources: [policyScope, defenderPlan],
  rules: [policyHipaaInitiative, policyDefenderPlan],
  collect: collectPolicy,
  sim: policySim,
});

import { registry } from '../../services';
import type { ruleOps } from '../contract/rules';
import type { HandlersOf } from './types';

export const ruleHandlers: HandlersOf<typeof ruleOps> = {
  'rules.list': () => ({
    rulesetVersion: registry.rulesetVersion,
    services: registry.services.map((service) => ({
      id: service.id,
      provider: service.provider,
      title: service.title,
      resourceTypes: service.resources.map((resource) => resource.type),
      operations: service.operations.length,
    })),
    rules: registry.services.flatMap((service) =>
      service.rules.map((rule) => ({
        id: rule.id,
        service: service.id,
        serviceTitle: service.title,
        provider: service.provider,
        title: rule.title,
        severity: rule.severity,
        severityWhenPhi: rule.severityWhenPhi ?? null,
        exposure: rule.exposure ?? 'internal',
        resourceType: rule.resourceType,
        resourceLabel: registry.resourceType(rule.resourceType)?.label ?? rule.resourceType,
        citations: [...rule.citations],
        failurePattern: rule.failurePattern,
      })),
    ),
  }),
};

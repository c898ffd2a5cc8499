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
    rules: registry.ruleMetadata().map((rule) => ({
      ...rule,
      serviceTitle: registry.serviceOfRule(rule.id)?.title ?? rule.service,
      resourceLabel: registry.resourceType(rule.resourceType)?.label ?? rule.resourceType,
    })),
  }),
};

import { defineService } from '../../../kit';
import { collectAppServiceSites } from './collect';
import { ops } from './operations';
import { appServiceSite } from './resource';
import { appServiceAccessRestrictions } from './rules/access-restrictions';
import { appServiceAuthentication } from './rules/authentication';
import { appServiceFtpsOnly } from './rules/ftps-only';
import { appServiceHealthEndpoint } from './rules/health-endpoint';
import { appServiceHttpsOnly } from './rules/https-only';
import { appServiceMinTls } from './rules/min-tls';
import { appServiceSim } from './sim';

/** Azure App Service: web and function apps by subscription, their site configuration and authentication, through ARM. */
export const appservice = defineService({
  id: 'azure.appservice',
  provider: 'azure',
  service: 'appservice',
  title: 'Azure App Service and Functions',
  hipaaListName: 'App Service',
  namespace: 'Microsoft.Web',
  scope: 'global',
  operations: Object.values(ops),
  resources: [appServiceSite],
  rules: [
    appServiceHttpsOnly,
    appServiceMinTls,
    appServiceFtpsOnly,
    appServiceAuthentication,
    appServiceHealthEndpoint,
    appServiceAccessRestrictions,
  ],
  collect: collectAppServiceSites,
  sim: appServiceSim,
});

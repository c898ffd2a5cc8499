import { defineService } from '../../../kit';
import { collectFrontDoor } from './collect';
import { ops } from './operations';
import { frontDoorCustomDomain, frontDoorEndpoint, frontDoorProfile, frontDoorRoute } from './resource';
import { frontDoorHttpsRedirect } from './rules/https-redirect';
import { frontDoorMinTls } from './rules/min-tls';
import { frontDoorOriginHttps } from './rules/origin-https';
import { frontDoorPhiCachedAtEdge } from './rules/phi-cached-at-edge';
import { frontDoorWaf } from './rules/waf';
import { frontDoorSim } from './sim';

/**
 * Azure Front Door Standard/Premium (Microsoft.Cdn profiles with an AzureFrontDoor SKU): routes and
 * the rule sets that change their caching, custom domains, and WAF security policies, through ARM.
 * Classic CDN profiles and Front Door (classic, Microsoft.Network/frontDoors) are not assessed.
 */
export const frontdoor = defineService({
  id: 'azure.frontdoor',
  provider: 'azure',
  service: 'frontdoor',
  title: 'Azure Front Door',
  hipaaListName: 'Azure Front Door',
  namespace: 'Microsoft.Cdn',
  scope: 'global',
  operations: Object.values(ops),
  resources: [frontDoorProfile, frontDoorEndpoint, frontDoorRoute, frontDoorCustomDomain],
  rules: [
    frontDoorPhiCachedAtEdge,
    frontDoorHttpsRedirect,
    frontDoorOriginHttps,
    frontDoorMinTls,
    frontDoorWaf,
  ],
  collect: collectFrontDoor,
  sim: frontDoorSim,
});

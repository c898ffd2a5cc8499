import type { NormalizedResource, Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import type { Authentication } from '../resource';
import { bicepAuthSettings, SITE, siteLabel, siteProperties, terraformAuthSettings } from './auth-snippets';

/** Whether App Service authentication turns unauthenticated requests away (not AllowAnonymous). */
export function enforcesSignIn(auth: Authentication): boolean {
  if (!auth.enabled || auth.requireAuthentication === false) return false;
  return (auth.unauthenticatedClientAction ?? '').toLowerCase() !== 'allowanonymous';
}

function confirmWording(resource: NormalizedResource): string {
  return siteProperties(resource).functionApp
    ? 'confirm each function requires a function key or validates a token itself (keys are never read by this tool)'
    : 'confirm the app authenticates every user itself before it serves PHI';
}

/** 164.312(d), 164.312(a)(1): a PHI app turns away requests from people who have not signed in. */
export const appServiceAuthentication: Rule = {
  id: 'azure.appservice.authentication',
  title: 'App Service and function apps holding PHI have platform authentication on',
  severity: 'medium',
  exposure: 'internet',
  resourceType: SITE,
  citations: ['164.312(d)', '164.312(a)(1)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    "164.312(d) requires verifying that a person or entity seeking access to ePHI is the one claimed, and 164.312(a)(1) that only authorized persons and software get access. App Service authentication (Easy Auth) does this in front of the app: with it on and sign-in required, App Service turns away every request without a valid Entra ID (or other provider) session or token before the app's code runs, so a forgotten [Authorize] attribute or a new route cannot leak PHI. Many apps authenticate in their own code instead, which can be equally sound, so a failure here says what was seen — platform authentication off, or on but letting anonymous requests through (AllowAnonymous) — and asks the consultant to confirm the app's own sign-in. Only apps classified as PHI are judged. The settings are read with WebApps_GetAuthSettingsV2WithoutSecrets (GET config/authsettingsV2), which names identity providers but never returns client secrets.",
  remediation: {
    text: "Turn on App Service authentication with the organisation's Entra ID tenant, require authentication, and answer unauthenticated API calls with 401 (or redirect browsers to sign-in). If the app authenticates users in its own code, record that as the compensating control in the risk analysis instead.",
    bicep: bicepAuthSettings,
    terraform: terraformAuthSettings,
    cli: `az webapp auth microsoft update --name <app-name> --resource-group <resource-group> --client-id <entra-app-client-id> --client-secret-setting-name MICROSOFT_PROVIDER_AUTHENTICATION_SECRET --issuer https://login.microsoftonline.com/<tenant-id>/v2.0
az webapp auth update --name <app-name> --resource-group <resource-group> --enabled true --action Return401`,
  },
  evaluate(resource) {
    const subject = siteLabel(resource);
    if (!resource.phi)
      return notApplicable(
        `${subject} is not classified as PHI; platform authentication is judged on PHI apps only.`,
      );
    const { authentication: auth } = siteProperties(resource);
    if (auth === undefined) return notAssessed('authentication settings (authsettingsV2)', subject);
    if (!auth.enabled)
      return fail(
        `${subject} has App Service (platform) authentication off: ${confirmWording(resource)}.${phiNote(resource)}`,
      );
    if (!enforcesSignIn(auth))
      return fail(
        `${subject} has platform authentication on but lets unauthenticated requests through to the app (AllowAnonymous): ${confirmWording(resource)}.${phiNote(resource)}`,
      );
    const via = auth.identityProviders.length > 0 ? ` through ${auth.identityProviders.join(', ')}` : '';
    return pass(
      `${subject} requires sign-in${via} before any request reaches the app (unauthenticated requests: ${auth.unauthenticatedClientAction ?? 'not reported'}).`,
    );
  },
};

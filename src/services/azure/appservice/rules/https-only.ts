import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepSite, CLI_NOTE, SITE, siteLabel, siteProperties, terraformSite } from './common';

/** 164.312(e)(1), (e)(2)(ii): the app redirects every plain-HTTP request to HTTPS. */
export const appServiceHttpsOnly: Rule = {
  id: 'azure.appservice.https-only',
  title: 'App Service and function apps accept HTTPS only',
  severity: 'high',
  exposure: 'network',
  resourceType: SITE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    '164.312(e)(1) requires technical measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(ii) calls for encrypting it in transit. An App Service app with HTTPS Only off answers plain HTTP on its *.azurewebsites.net and custom host names: a link, bookmark or client that uses http:// sends sign-in forms, session cookies, bearer tokens and whatever PHI the page carries in clear text, readable and alterable by anyone on the network path. With httpsOnly on, App Service answers every HTTP request with a redirect to HTTPS before it reaches the app. This rule reads properties.httpsOnly from WebApps_List.',
  remediation: {
    text: 'Turn on HTTPS Only for the app (and for each deployment slot). Add HSTS in the app or at the front door so browsers stop trying http:// at all.',
    bicep: bicepSite('    httpsOnly: true', "      minTlsVersion: '1.2'"),
    terraform: terraformSite('  https_only          = true', '    minimum_tls_version = "1.2"'),
    cli: `az webapp update --name <app-name> --resource-group <resource-group> --https-only true
${CLI_NOTE}`,
  },
  evaluate(resource) {
    const { httpsOnly } = siteProperties(resource);
    const subject = siteLabel(resource);
    if (httpsOnly === undefined) return notAssessed('HTTPS Only setting', subject);
    if (!httpsOnly)
      return fail(
        `${subject} has HTTPS Only off: it answers plain-HTTP requests without redirecting them to HTTPS.${phiNote(resource)}`,
      );
    return pass(`${subject} has HTTPS Only on: plain-HTTP requests are redirected to HTTPS.`);
  },
};

import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepSite, CLI_NOTE, SITE, siteLabel, siteProperties, terraformSite } from './common';

/** 164.312(e)(1), (e)(2)(ii), 164.312(d): deployments never travel over plain FTP. */
export const appServiceFtpsOnly: Rule = {
  id: 'azure.appservice.ftps-only',
  title: 'App Service and function apps refuse plain FTP (FTPS only or FTP disabled)',
  severity: 'medium',
  exposure: 'network',
  resourceType: SITE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)', '164.312(d)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "Every App Service app has an FTP endpoint for deployments. With ftpsState AllAllowed it accepts plain FTP, which sends the deployment user name and password and every file in clear text: anyone on the network path can take the credentials and replace the app's code, and with it whatever the app does with PHI. 164.312(e)(1) and 164.312(e)(2)(ii) call for transmission security and encryption in transit, and 164.312(d) for authentication that cannot simply be replayed. FtpsOnly keeps FTP deployments but over TLS; Disabled (the better choice when deployments go through a pipeline, zip deploy or the SCM site) removes the endpoint. This rule reads ftpsState from the site configuration (WebApps_GetConfiguration).",
  remediation: {
    text: 'Set FTP state to Disabled (or FtpsOnly if someone still deploys over FTP), and turn off FTP basic-auth publishing credentials where deployments use Entra ID.',
    bicep: bicepSite('    httpsOnly: true', "      ftpsState: 'Disabled'"),
    terraform: terraformSite(
      `  https_only          = true
  ftp_publish_basic_authentication_enabled = false`,
      '    ftps_state = "Disabled"',
    ),
    cli: `az webapp config set --name <app-name> --resource-group <resource-group> --ftps-state Disabled
${CLI_NOTE}`,
  },
  evaluate(resource) {
    const { ftpsState } = siteProperties(resource);
    const subject = siteLabel(resource);
    if (ftpsState === undefined || ftpsState === null) return notAssessed('FTP state', subject);
    if (ftpsState.toLowerCase() === 'allallowed')
      return fail(
        `${subject} accepts plain FTP (ftpsState AllAllowed): deployment credentials and files can cross the network unencrypted.${phiNote(resource)}`,
      );
    if (ftpsState.toLowerCase() === 'ftpsonly')
      return pass(`${subject} accepts FTPS only (ftpsState FtpsOnly).`);
    if (ftpsState.toLowerCase() === 'disabled')
      return pass(`${subject} has FTP disabled (ftpsState Disabled).`);
    return fail(
      `${subject} reports FTP state '${ftpsState}', which is not FtpsOnly or Disabled.${phiNote(resource)}`,
    );
  },
};

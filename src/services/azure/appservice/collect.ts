import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import {
  authenticationOf,
  normalizeSite,
  siteConfigProperties,
  type ArmConfig,
  type ArmSite,
} from './normalize';
import { ops } from './operations';
import { appServiceSite } from './resource';

/** Sites in flight at once; ctx schedules every call within the run's limits as well. */
const PARALLEL = 8;

/**
 * Web and function apps of one subscription (every page of WebApps_List), then each app's site
 * configuration and App Service authentication settings. A read that fails is a coverage gap
 * naming the app, and the properties it would have given stay absent ("not assessed").
 */
export async function collectAppServiceSites(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listSites);
  const sites = listed.items.flatMap(({ item, evidenceId }) => {
    const site = normalizeSite(item as ArmSite);
    return site ? [{ site, evidenceId }] : [];
  });
  return mapWithConcurrency(sites, PARALLEL, async ({ site, evidenceId }) => {
    const params = { resourceGroupName: site.properties.resourceGroup, name: site.name };
    const options = { region: site.location, subject: `app ${site.name}` };
    const [config, auth] = await Promise.all([
      ctx.get(ops.getSiteConfig, params, options),
      ctx.get(ops.getAuthSettingsV2, params, options),
    ]);
    return ctx.resource({
      type: appServiceSite.type,
      nativeId: site.id,
      name: site.name,
      region: site.location,
      tags: site.tags,
      properties: {
        ...site.properties,
        ...(config.status === 'ok' ? siteConfigProperties(config.body as ArmConfig) : {}),
        ...(auth.status === 'ok' ? { authentication: authenticationOf(auth.body as ArmConfig) } : {}),
      },
      evidenceIds: [
        evidenceId,
        ...(config.status !== 'gap' ? [config.evidenceId] : []),
        ...(auth.status !== 'gap' ? [auth.evidenceId] : []),
      ],
    });
  });
}

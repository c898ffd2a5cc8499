import type { NormalizedResource, RuleResult } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import type { ServiceProperties } from '../resource';
import { serviceLabel, serviceProperties } from './common';

/** "For all the settings except Http2 the default value is True if the service was created on or before April 1, 2018 and False otherwise." */
export const LEGACY_DEFAULT_CUTOFF = '2018-04-01T23:59:59Z';

const names = { ssl30: 'SSL 3.0', tls10: 'TLS 1.0', tls11: 'TLS 1.1' } as const;

/**
 * Judges one side's protocol switches: enabled ones fail; unreported ones follow the documented
 * default for the service's creation date, said as such; without a creation date they are not assessed.
 */
export function judgeProtocols(
  resource: NormalizedResource,
  side: 'gatewayProtocols' | 'backendProtocols',
  wording: { where: string; setting: string; scope: string },
): RuleResult {
  const props = serviceProperties(resource);
  const switches: ServiceProperties['gatewayProtocols'] = props[side];
  const subject = serviceLabel(resource);
  if (switches === undefined) return notAssessed(`${wording.setting} (customProperties)`, subject);
  const enabled: string[] = [];
  const byDefault: string[] = [];
  const unreported: string[] = [];
  for (const key of ['ssl30', 'tls10', 'tls11'] as const) {
    const value = switches[key];
    if (value === true) enabled.push(names[key]);
    else if (value === null) unreported.push(names[key]);
  }
  if (unreported.length > 0) {
    if (!props.createdAtUtc)
      return notAssessed(`${wording.setting} (${unreported.join(', ')} not reported)`, subject);
    if (props.createdAtUtc <= LEGACY_DEFAULT_CUTOFF) byDefault.push(...unreported);
  }
  if (enabled.length > 0 || byDefault.length > 0) {
    const parts = [
      ...(enabled.length > 0 ? [`${enabled.join(' and ')} enabled`] : []),
      ...(byDefault.length > 0
        ? [
            `${byDefault.join(' and ')} not set, which for a service created on or before 1 April 2018 (this one: ${props.createdAtUtc?.slice(0, 10)}) defaults to enabled`,
          ]
        : []),
    ];
    return fail(`${subject} ${wording.where}: ${parts.join('; ')}.${phiNote(resource)}`);
  }
  const note =
    unreported.length > 0
      ? ` (${unreported.join(', ')} not set: off by default for services created after 1 April 2018)`
      : '';
  return pass(`${subject} has SSL 3.0, TLS 1.0 and TLS 1.1 disabled ${wording.scope}${note}.`);
}

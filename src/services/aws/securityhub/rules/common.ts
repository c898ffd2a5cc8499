import { securityHubHub } from '../resource';

export const SECURITYHUB_HUB = securityHubHub.type;

/** The collector's facts about Security Hub in a region; a field left undefined could not be collected. */
export const hubProperties = securityHubHub.properties;

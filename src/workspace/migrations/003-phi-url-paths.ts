import { DEFAULT_PHI_URL_PATHS } from '../../kit/paths';
import type { Migration } from './types';

/**
 * Schema v3: the engagement's PHI URL paths (`/account*`, `/api/*`), which CDN rules match against
 * cache behaviours and routes. Existing engagements get the defaults, recorded as such in the audit
 * log by the first change a user makes; nothing else is rewritten.
 */
export const migration003: Migration = {
  version: 3,
  name: 'engagement PHI URL paths',
  up(db) {
    const defaults = JSON.stringify(DEFAULT_PHI_URL_PATHS).replaceAll("'", "''");
    db.exec(`ALTER TABLE engagement ADD COLUMN phi_url_paths TEXT NOT NULL DEFAULT '${defaults}'`);
  },
};

import { azureOperation } from '../../../kit';

/**
 * The one call of the Azure inventory: a Resource Graph query (REST operation "Resources",
 * api-version 2022-10-01), a POST whose body carries the KQL query, its scope (`subscriptions`) and
 * paging (`options.$top`, `options.$skipToken`). It reads ARM's resource index (id, name, type,
 * location, tags): no data plane, no keys. The guard lets POST through only to this endpoint and
 * only because it is declared here; RBAC needs read on the queried resources (Reader).
 */
export const ops = {
  query: azureOperation({
    id: 'Resources',
    method: 'POST',
    path: '/providers/Microsoft.ResourceGraph/resources',
    apiVersion: '2022-10-01',
    permission: 'Microsoft.ResourceGraph/resources/read',
  }),
};

import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { DetectiveProperties } from './resource';

/** Detective region resources as the collector hands them to rules. */

const ACCOUNT = '111122223333';
const ADMIN = '444455556666';
const REGION = 'us-east-1';
const NAME = `${REGION} of account ${ACCOUNT}`;
const OWN_GRAPH = `arn:aws:detective:${REGION}:${ACCOUNT}:graph:0123456789abcdef0123456789abcdef`;
const ADMIN_GRAPH = `arn:aws:detective:${REGION}:${ADMIN}:graph:fedcba9876543210fedcba9876543210`;

export function detectiveResource(properties: Partial<DetectiveProperties> = {}): NormalizedResource {
  return {
    provider: 'aws',
    type: 'aws.detective.region',
    nativeId: `arn:aws:detective:${REGION}:${ACCOUNT}:behavior-graphs`,
    name: NAME,
    scopeId: ACCOUNT,
    region: REGION,
    tags: {},
    properties: { accountId: ACCOUNT, ...properties },
    phi: false,
    phiReason: null,
    evidenceIds: [1, 2],
  };
}

const membership = (status: string) => ({ graphArn: ADMIN_GRAPH, administratorId: ADMIN, status });

export const detectiveFixtures: ServiceFixtures = {
  'aws.detective.enabled': {
    pass: [
      {
        name: 'administers a graph (memberships unknown)',
        resource: detectiveResource({ administeredGraphs: [OWN_GRAPH] }),
        detail: `Detective is enabled in ${NAME}: the account administers behavior graph ${OWN_GRAPH}.`,
      },
      {
        name: 'an ENABLED member of the administrator graph',
        resource: detectiveResource({ administeredGraphs: [], memberships: [membership('ENABLED')] }),
        detail: `the account is an ENABLED member of behavior graph ${ADMIN_GRAPH} (administrator ${ADMIN}).`,
      },
    ],
    fail: [
      {
        name: 'no graph, no membership',
        resource: detectiveResource({ administeredGraphs: [], memberships: [] }),
        detail: `Detective is not enabled in ${NAME}: the account administers no behavior graph and is no ENABLED member of one.`,
      },
      {
        name: 'an invitation never accepted, a membership over quota',
        resource: detectiveResource({
          administeredGraphs: [],
          memberships: [membership('INVITED'), membership('ACCEPTED_BUT_DISABLED')],
        }),
        detail: `Invitations seen: ${ADMIN_GRAPH} (INVITED), ${ADMIN_GRAPH} (ACCEPTED_BUT_DISABLED).`,
      },
    ],
    notApplicable: [
      {
        name: 'ListGraphs refused, no enabled membership',
        resource: detectiveResource({ memberships: [] }),
        detail:
          /^Not assessed: the Detective behavior graphs \(ListGraphs\) of us-east-1 of account 111122223333/,
      },
      {
        name: 'no graph, ListInvitations refused',
        resource: detectiveResource({ administeredGraphs: [] }),
        detail: /^Not assessed: the Detective memberships \(ListInvitations\)/,
      },
    ],
  },
};

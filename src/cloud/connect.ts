import type { TargetConnection, TargetSpec } from '../kit/model';
import { connectAws } from './aws/connect';
import { connectAzure } from './azure/connect';
import type { ConnectOptions } from './connect-options';
import { awsClientsOf } from './aws/clients';

export type { ConnectOptions } from './connect-options';

/**
 * Signs in to a target (real or simulated) and returns its guarded clients and caller identity.
 * Missing or expired credentials fail with ACCESS_DENIED, naming the profile or tenant and the
 * command that fixes it (`aws sso login --profile X`, `az login --tenant T`).
 */
export function connectTarget(target: TargetSpec, options: ConnectOptions): Promise<TargetConnection> {
  return target.provider === 'aws' ? connectAws(target, options) : connectAzure(target, options);
}

/** Releases the connection's sockets once its collectors are done. */
export function closeConnection(connection: TargetConnection): void {
  // Each AWS client owns an HTTP agent; Azure's pipelines share Node's global one.
  if (connection.provider === 'aws') awsClientsOf(connection).destroy();
}

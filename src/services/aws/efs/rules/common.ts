import type { NormalizedResource } from '../../../../kit';
import { efsFileSystem } from '../resource';

export const EFS_FILE_SYSTEM = efsFileSystem.type;
export const efsProperties = efsFileSystem.properties;

/** "EFS file system nwv-telehealth-attachments (fs-0a1b2c3d) in us-east-1" */
export function fileSystemLabel(resource: NormalizedResource): string {
  const id = efsProperties(resource).fileSystemId;
  const named = id && id !== resource.name ? `${resource.name} (${id})` : resource.name;
  return `EFS file system ${named} in ${resource.region}`;
}

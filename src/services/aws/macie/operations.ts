import { GetMacieSessionCommand } from '@aws-sdk/client-macie2';
import { awsOperation } from '../../../kit';

/**
 * The one Macie call: is there a Macie session (Macie enabled) in the region, and is it paused. No
 * finding, bucket inventory or sensitive-data sample is read.
 */
export const ops = {
  getMacieSession: awsOperation(GetMacieSessionCommand, 'macie2:GetMacieSession'),
};

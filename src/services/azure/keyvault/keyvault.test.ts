import { describeService } from '../../../../test/support/describe-service';
import { keyVaultFixtures } from './fixtures';
import { keyvault } from '.';

describeService(keyvault, keyVaultFixtures);

import { describeService } from '../../../../test/support/describe-service';
import { storageFixtures } from './fixtures';
import { storage } from '.';

describeService(storage, storageFixtures);

import { describeService } from '../../../../test/support/describe-service';
import { apigatewayFixtures } from './fixtures';
import { apigateway } from '.';

describeService(apigateway, apigatewayFixtures);

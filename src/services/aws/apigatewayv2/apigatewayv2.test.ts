import { describeService } from '../../../../test/support/describe-service';
import { apigatewayv2Fixtures } from './fixtures';
import { apigatewayv2 } from '.';

describeService(apigatewayv2, apigatewayv2Fixtures);

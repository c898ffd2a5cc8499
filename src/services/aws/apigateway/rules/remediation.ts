import type { Remediation } from '../../../../kit';

/** How to put an authorizer in front of a REST API method (shared by the two method rules). */
export const methodAuthorizationRemediation: Remediation = {
  text: 'Give every method that returns or accepts customer data an authorizer: COGNITO_USER_POOLS for signed-in customers, a Lambda (CUSTOM) authorizer for your own tokens, or AWS_IAM for service-to-service calls, then redeploy the stage. An API key identifies a caller for throttling; it is not authentication. For a health check that must stay open, have it return no data (a fixed 200 from a mock integration) and name it as such in the triage note.',
  terraform: `resource "aws_api_gateway_method" "account_get" {
  rest_api_id   = aws_api_gateway_rest_api.storefront.id
  resource_id   = aws_api_gateway_resource.account.id
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.customers.id
}`,
  cloudformation: `AccountGet:
  Type: AWS::ApiGateway::Method
  Properties:
    RestApiId: !Ref StorefrontApi
    ResourceId: !Ref AccountResource
    HttpMethod: GET
    AuthorizationType: COGNITO_USER_POOLS
    AuthorizerId: !Ref CustomersAuthorizer`,
  cli: `aws apigateway update-method --rest-api-id <api-id> --resource-id <resource-id> --http-method GET \\
  --patch-operations op=replace,path=/authorizationType,value=COGNITO_USER_POOLS op=replace,path=/authorizerId,value=<authorizer-id>
aws apigateway create-deployment --rest-api-id <api-id> --stage-name prod`,
};

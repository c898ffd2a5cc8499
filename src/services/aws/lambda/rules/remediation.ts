import type { Rule } from '../../../../kit';

/** Shared by both URL rules: require AWS_IAM, or put the function behind an authenticating front. */
export const functionUrlRemediation: Rule['remediation'] = {
  text: 'Set the function URL AuthType to AWS_IAM and have callers sign requests with SigV4 (a webhook sender that cannot sign goes through API Gateway with an authorizer, or the function verifies the sender\'s signature and the URL stays NONE only with that recorded in triage). Remove the resource-based policy statement that allows lambda:InvokeFunctionUrl to Principal "*" (the console names it FunctionURLAllowPublicAccess). If the URL is not used, delete it.',
  terraform: `resource "aws_lambda_function_url" "order_status" {
  function_name      = aws_lambda_function.order_status.function_name
  authorization_type = "AWS_IAM"
}

# and no aws_lambda_permission with principal = "*" and action = "lambda:InvokeFunctionUrl"`,
  cloudformation: `OrderStatusUrl:
  Type: AWS::Lambda::Url
  Properties:
    TargetFunctionArn: !GetAtt OrderStatusFunction.Arn
    AuthType: AWS_IAM
# and remove the AWS::Lambda::Permission with Principal '*' and Action lambda:InvokeFunctionUrl`,
  cli: `aws lambda update-function-url-config --function-name <function> --auth-type AWS_IAM
aws lambda get-policy --function-name <function> --query Policy --output text
aws lambda remove-permission --function-name <function> --statement-id FunctionURLAllowPublicAccess`,
};

import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * 'aws.apigateway.rest-api': nativeId arn:<partition>:apigateway:<region>::/restapis/<id> (the
 * documented API Gateway ARN format), name = the API's name.
 * 'aws.apigateway.domain-name': nativeId arn:<partition>:apigateway:<region>::/domainnames/<name>.
 * A property that could not be collected is absent: rules then answer "not assessed".
 */
export const methodSchema = z.object({
  /** The resource path, e.g. /orders/{orderId} */
  path: z.string(),
  httpMethod: z.string(),
  /** NONE | AWS_IAM | CUSTOM | COGNITO_USER_POOLS */
  authorizationType: z.string(),
  apiKeyRequired: z.boolean(),
});

export const restApiSchema = z.object({
  apiId: z.string(),
  /** EDGE | REGIONAL | PRIVATE */
  endpointTypes: z.array(z.string()),
  /** True when the default execute-api endpoint is turned off */
  disableExecuteApiEndpoint: z.boolean(),
  /** GetResources with embed=methods; absent when it was refused */
  methods: z.array(methodSchema).optional(),
  /** GetStages; absent when it was refused */
  stages: z
    .array(
      z.object({
        name: z.string(),
        deploymentId: z.string().nullable(),
        /** accessLogSettings.destinationArn; null when access logging is off */
        accessLogDestination: z.string().nullable(),
      }),
    )
    .optional(),
});

export const domainNameSchema = z.object({
  /** TLS_1_0 | TLS_1_2 (legacy) or an enhanced SecurityPolicy_… name; null when not reported */
  securityPolicy: z.string().nullable(),
  /** EDGE | REGIONAL | PRIVATE */
  endpointTypes: z.array(z.string()),
  mutualTls: z.boolean(),
  status: z.string().nullable(),
});

export type RestApiProperties = z.infer<typeof restApiSchema>;
export type RestApiMethod = z.infer<typeof methodSchema>;
export type DomainNameProperties = z.infer<typeof domainNameSchema>;

export const restApi = defineResourceType('aws.apigateway.rest-api', 'API Gateway REST API', restApiSchema);
export const domainName = defineResourceType(
  'aws.apigateway.domain-name',
  'API Gateway custom domain name',
  domainNameSchema,
);

import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.apigatewayv2.api'; nativeId arn:<partition>:apigateway:<region>::/apis/<id>
 * (the documented API Gateway ARN format); name = the API's name. A property that could not be
 * collected is absent: rules then answer "not assessed".
 */
export const routeSchema = z.object({
  /** As written: 'GET /orders/{id}', 'ANY /{proxy+}', '$default', '$connect' */
  routeKey: z.string(),
  /** The route key's method ('ANY' for $default), or null for WebSocket route keys */
  method: z.string().nullable(),
  /** The route key's path, or null for $default and WebSocket route keys */
  path: z.string().nullable(),
  /** NONE | AWS_IAM | CUSTOM | JWT */
  authorizationType: z.string(),
  /** WebSocket APIs only */
  apiKeyRequired: z.boolean(),
});

export const apiSchema = z.object({
  apiId: z.string(),
  /** HTTP | WEBSOCKET */
  protocolType: z.string(),
  apiEndpoint: z.string().nullable(),
  disableExecuteApiEndpoint: z.boolean(),
  /** GetRoutes; absent when it was refused */
  routes: z.array(routeSchema).optional(),
  /** GetStages; absent when it was refused */
  stages: z
    .array(
      z.object({
        name: z.string(),
        autoDeploy: z.boolean(),
        /** AccessLogSettings.DestinationArn; null when access logging is off */
        accessLogDestination: z.string().nullable(),
      }),
    )
    .optional(),
});

export type ApiProperties = z.infer<typeof apiSchema>;
export type ApiRoute = z.infer<typeof routeSchema>;

export const v2Api = defineResourceType(
  'aws.apigatewayv2.api',
  'API Gateway HTTP or WebSocket API',
  apiSchema,
);

import {
  GetDomainNamesCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  GetStagesCommand,
} from '@aws-sdk/client-api-gateway';
import { awsOperation } from '../../../kit';

/**
 * Every API Gateway (REST API, v1) call the collector makes. API Gateway authorizes its management
 * API by HTTP verb on resource paths, so each read is the IAM action apigateway:GET (on
 * /restapis, /restapis/{id}/resources, /restapis/{id}/stages, /domainnames). No API is invoked, no
 * export or API key is read.
 */
export const ops = {
  getRestApis: awsOperation(GetRestApisCommand, 'apigateway:GET'),
  getResources: awsOperation(GetResourcesCommand, 'apigateway:GET'),
  getStages: awsOperation(GetStagesCommand, 'apigateway:GET'),
  getDomainNames: awsOperation(GetDomainNamesCommand, 'apigateway:GET'),
};

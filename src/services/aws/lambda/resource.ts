import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.lambda.function'; nativeId = the unqualified function ARN; name = the function
 * name. A property that could not be collected is absent: rules report it as "not assessed", never
 * as pass or fail. Environment variable values are never kept (they are often secrets): only names.
 */

/** The function's resource-based policy as the rules read it for a function URL. */
export const urlPolicySchema = z.object({
  /** False when GetPolicy answered ResourceNotFoundException: the function has no resource-based policy. */
  present: z.boolean(),
  /** False when the Policy text was not a JSON policy: nothing is claimed from it. */
  parsed: z.boolean(),
  /**
   * Allow statements to Principal "*" (or {"AWS":"*"}) whose actions cover lambda:InvokeFunctionUrl,
   * with no Condition beyond lambda:FunctionUrlAuthType = NONE (the one the console writes).
   */
  publicUrlGrants: z.array(z.object({ sid: z.string().nullable(), actions: z.array(z.string()) })),
  /** Such statements that carry another Condition (aws:SourceIp, aws:SourceVpc …): restricted, for review. */
  conditionedPublicGrants: z.number(),
  document: z.unknown().nullable(),
});

export const functionUrlSchema = z.object({
  /** https://<url-id>.lambda-url.<region>.on.aws/ */
  url: z.string(),
  /** The alias the URL belongs to, or null for the unqualified function ($LATEST) */
  qualifier: z.string().nullable(),
  authType: z.enum(['NONE', 'AWS_IAM']),
  invokeMode: z.string().nullable(),
  /** Cors as configured; null when the URL has no CORS settings */
  cors: z
    .object({
      allowOrigins: z.array(z.string()),
      allowCredentials: z.boolean(),
    })
    .nullable(),
  /**
   * The resource-based policy that governs this URL (the function's, or the alias's). Read only for
   * AuthType NONE URLs; absent for AWS_IAM URLs and when GetPolicy failed.
   */
  policy: urlPolicySchema.optional(),
});

export const functionSchema = z.object({
  /** Runtime identifier (nodejs20.x, python3.12 …); null for a container image (PackageType Image) */
  runtime: z.string().nullable(),
  packageType: z.string(),
  /** Environment variable NAMES only (ListFunctions' Environment.Variables keys); values are never kept */
  environmentVariableNames: z.array(z.string()),
  /** ListFunctionUrlConfigs: the function's URLs (empty when it has none) */
  urls: z.array(functionUrlSchema).optional(),
  /** False when ListTags failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected: z.boolean().optional(),
});

export type LambdaFunctionProperties = z.infer<typeof functionSchema>;
export type LambdaFunctionUrl = z.infer<typeof functionUrlSchema>;
export type LambdaUrlPolicy = z.infer<typeof urlPolicySchema>;

export const lambdaFunction = defineResourceType('aws.lambda.function', 'Lambda function', functionSchema);

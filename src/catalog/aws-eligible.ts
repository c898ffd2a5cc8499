/**
 * AWS HIPAA eligible services (aws-eligible.json: 173 entries, list dated May 22, 2026, a derived
 * copy — see its source.provenance). Under the AWS BAA, PHI may be stored or processed only in
 * eligible services (164.308(b)(1), 164.314(a)): the report prints this list's date and provenance.
 */
import { z } from 'zod';
import data from './aws-eligible.json';

const sourceSchema = z
  .object({
    title: z.string(),
    officialUrl: z.url(),
    listDate: z.iso.date(),
    listDateLabel: z.string(),
    count: z.number().int(),
    transcribedFrom: z.string(),
    provenance: z.string(),
    compiledOn: z.iso.date(),
    changesSincePreviousList: z.string(),
    notes: z.array(z.string()),
  })
  .strict();

const listSchema = z.object({ source: sourceSchema, services: z.array(z.string().min(1)) }).strict();

export type AwsEligibleSource = z.infer<typeof sourceSchema>;

export interface AwsEligibleService {
  /** The line exactly as published, qualifier included. */
  listing: string;
  /** The service name without its bracketed qualifier. */
  name: string;
  /** The bracketed scope limit, e.g. 'excludes Simple AD'; null when the whole service is eligible. */
  qualifier: string | null;
}

function parseListing(listing: string): AwsEligibleService {
  const match = /^(.*?)\s*\[(.+)\]$/.exec(listing);
  if (!match) return { listing, name: listing, qualifier: null };
  return { listing, name: match[1] ?? listing, qualifier: match[2] ?? null };
}

function buildList() {
  const parsed = listSchema.parse(data);
  const services = parsed.services.map((s) => Object.freeze(parseListing(s)));
  if (services.length !== parsed.source.count) {
    throw new Error(`AWS eligible list: ${services.length} entries, source says ${parsed.source.count}`);
  }
  return { source: Object.freeze(parsed.source), services: Object.freeze(services) };
}

const list = buildList();

function normalize(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const byName = new Map<string, AwsEligibleService>();
for (const service of list.services) {
  byName.set(normalize(service.listing), service);
  byName.set(normalize(service.name), service);
}

export const awsEligibleSource: AwsEligibleSource = list.source;
export const awsEligibleServices: readonly AwsEligibleService[] = list.services;

/**
 * Service codes the collectors use (IAM action prefixes, plus a few SDK aliases) → the list's
 * service name. null = a real AWS service that is not on the list, with the reason in
 * `awsServicesNotListed`.
 */
export const awsServiceCodes: Readonly<Record<string, string | null>> = {
  acm: 'AWS Certificate Manager',
  apigateway: 'Amazon API Gateway',
  appsync: 'AWS AppSync',
  athena: 'Amazon Athena',
  backup: 'AWS Backup',
  batch: 'AWS Batch',
  bedrock: 'Amazon Bedrock',
  cloudformation: 'AWS CloudFormation',
  cloudfront: 'Amazon CloudFront',
  cloudhsm: 'AWS CloudHSM',
  cloudtrail: 'AWS CloudTrail',
  cloudwatch: 'Amazon CloudWatch',
  monitoring: 'Amazon CloudWatch',
  codebuild: 'AWS CodeBuild',
  'cognito-idp': 'Amazon Cognito',
  cognito: 'Amazon Cognito',
  config: 'AWS Config',
  directconnect: 'AWS Direct Connect',
  dms: 'AWS Database Migration Service (DMS)',
  docdb: 'Amazon DocumentDB',
  dynamodb: 'Amazon DynamoDB',
  ebs: 'Amazon Elastic Block Store (Amazon EBS)',
  ec2: 'Amazon Elastic Compute Cloud (Amazon EC2)',
  ecr: 'Amazon Elastic Container Registry (ECR)',
  ecs: 'Amazon Elastic Container Service (ECS)',
  efs: 'Amazon Elastic File System (EFS)',
  elasticfilesystem: 'Amazon Elastic File System (EFS)',
  eks: 'Amazon Elastic Kubernetes Service (EKS)',
  elasticache: 'Amazon ElastiCache',
  elasticloadbalancing: 'Elastic Load Balancing',
  elb: 'Elastic Load Balancing',
  emr: 'Amazon Elastic MapReduce (EMR)',
  elasticmapreduce: 'Amazon Elastic MapReduce (EMR)',
  events: 'Amazon EventBridge',
  eventbridge: 'Amazon EventBridge',
  firehose: 'Amazon Kinesis Data Firehose',
  fsx: 'Amazon FSx',
  glacier: 'Amazon S3 Glacier',
  glue: 'AWS Glue',
  guardduty: 'Amazon GuardDuty',
  healthlake: 'AWS HealthLake',
  inspector2: 'Amazon Inspector',
  kafka: 'Amazon Managed Streaming for Apache Kafka',
  kinesis: 'Amazon Kinesis Data Streams',
  kms: 'AWS Key Management Service (KMS)',
  lambda: 'AWS Lambda',
  logs: 'Amazon CloudWatch Logs',
  macie2: 'Amazon Macie',
  memorydb: 'Amazon MemoryDB',
  mq: 'Amazon MQ',
  neptune: 'Amazon Neptune',
  'network-firewall': 'AWS Network Firewall',
  es: 'Amazon OpenSearch Service',
  opensearch: 'Amazon OpenSearch Service',
  organizations: 'AWS Organizations',
  rds: 'Amazon Relational Database Service (Amazon RDS)',
  aurora: 'Amazon Aurora',
  redshift: 'Amazon Redshift',
  route53: 'Amazon Route 53',
  s3: 'Amazon Simple Storage Service (S3)',
  sagemaker: 'Amazon SageMaker AI',
  secretsmanager: 'AWS Secrets Manager',
  securityhub: 'AWS Security Hub CSPM (formerly AWS Security Hub)',
  ses: 'Amazon Simple Email Service (Amazon SES)',
  sns: 'Amazon Simple Notification Service (SNS)',
  sqs: 'Amazon Simple Queue Service (SQS)',
  ssm: 'AWS Systems Manager',
  states: 'AWS Step Functions',
  storagegateway: 'AWS Storage Gateway',
  transfer: 'AWS Transfer Family',
  vpc: 'Amazon Virtual Private Cloud (VPC)',
  waf: 'AWS Web Application Firewall (WAF)',
  wafv2: 'AWS Web Application Firewall (WAF)',
  'resource-explorer-2': 'AWS Resource Explorer',
  iam: null,
  sts: null,
  tag: null,
  apprunner: null,
  lightsail: null,
};

/**
 * Why a code maps to no listing: IAM, STS and the tagging API hold account metadata, not customer
 * content; App Runner and Lightsail are services that could hold PHI but are not on the list.
 */
export const awsServicesNotListed: Readonly<Record<string, string>> = {
  iam: 'AWS Identity and Access Management is not on the eligible list: it holds identities and policies, not customer content. Keep PHI out of IAM names, tags and policies.',
  sts: 'AWS Security Token Service is not on the eligible list: it issues credentials and holds no customer content. Keep PHI out of session names and tags.',
  tag: 'The AWS Resource Groups Tagging API is not on the eligible list: it reads resource ARNs and tags, not customer content. Keep PHI out of tag keys and values.',
  apprunner:
    'AWS App Runner is not on the eligible list: under the AWS BAA, PHI may be stored or processed only in eligible services.',
  lightsail:
    'Amazon Lightsail is not on the eligible list: under the AWS BAA, PHI may be stored or processed only in eligible services.',
};

export type AwsEligibility =
  | { status: 'eligible'; service: AwsEligibleService }
  | { status: 'not_listed'; query: string; reason: string }
  | { status: 'unknown'; query: string };

/**
 * Looks a service up by collector code ('s3', 'logs'…), published name ('Amazon DynamoDB') or
 * full listing (with its bracketed qualifier), case-insensitively. 'unknown' means neither a
 * known code nor a listed name: the caller should say so rather than call it ineligible.
 */
export function awsServiceEligibility(codeOrName: string): AwsEligibility {
  const query = normalize(codeOrName);
  if (Object.hasOwn(awsServiceCodes, query)) {
    const name = awsServiceCodes[query];
    if (name === null || name === undefined) {
      return {
        status: 'not_listed',
        query: codeOrName,
        reason: awsServicesNotListed[query] ?? 'Not on the eligible list.',
      };
    }
    const service = byName.get(normalize(name));
    if (!service)
      throw new Error(`awsServiceCodes.${query} names '${name}', which is not on the eligible list`);
    return { status: 'eligible', service };
  }
  const service = byName.get(query);
  return service ? { status: 'eligible', service } : { status: 'unknown', query: codeOrName };
}

/** True when the service is on the AWS HIPAA eligible list (mind `service.qualifier` for scope limits). */
export function isAwsServiceEligible(codeOrName: string): boolean {
  return awsServiceEligibility(codeOrName).status === 'eligible';
}

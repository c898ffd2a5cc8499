/**
 * The AWS managed policies the simulated IAM knows, by name: path and default-version document.
 * Documents are abridged to the statements that matter for the rules (the real ReadOnlyAccess lists
 * hundreds of actions); AdministratorAccess is verbatim. ARNs are arn:<partition>:iam::aws:policy<path><name>.
 */
export interface SimManagedPolicy {
  path: string;
  versionId: string;
  description: string;
  document: { Version: string; Statement: Record<string, unknown>[] };
}

const allow = (Action: string | string[], Resource: string | string[] = '*') => ({
  Effect: 'Allow',
  Action,
  Resource,
});

export const awsManagedPolicies: Readonly<Record<string, SimManagedPolicy>> = {
  AdministratorAccess: {
    path: '/',
    versionId: 'v1',
    description: 'Provides full access to AWS services and resources.',
    document: { Version: '2012-10-17', Statement: [allow('*')] },
  },
  PowerUserAccess: {
    path: '/',
    versionId: 'v5',
    description:
      'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        allow([
          'iam:CreateServiceLinkedRole',
          'iam:DeleteServiceLinkedRole',
          'iam:ListRoles',
          'organizations:DescribeOrganization',
        ]),
      ],
    },
  },
  ReadOnlyAccess: {
    path: '/',
    versionId: 'v118',
    description: 'Provides read-only access to AWS services and resources.',
    document: {
      Version: '2012-10-17',
      Statement: [
        allow([
          's3:Get*',
          's3:List*',
          'dynamodb:Describe*',
          'dynamodb:Get*',
          'dynamodb:Scan',
          'ec2:Describe*',
          'iam:Get*',
          'iam:List*',
          'logs:Get*',
        ]),
      ],
    },
  },
  SecurityAudit: {
    path: '/',
    versionId: 'v44',
    description: 'The security audit template grants access to read security configuration metadata.',
    document: {
      Version: '2012-10-17',
      Statement: [
        allow([
          'iam:GetAccountAuthorizationDetails',
          'iam:List*',
          'cloudtrail:Describe*',
          'config:Describe*',
          's3:GetBucketPolicy',
          'kms:ListKeys',
        ]),
      ],
    },
  },
  AmazonS3ReadOnlyAccess: {
    path: '/',
    versionId: 'v3',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    document: {
      Version: '2012-10-17',
      Statement: [
        allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*']),
      ],
    },
  },
  AmazonS3FullAccess: {
    path: '/',
    versionId: 'v2',
    description: 'Provides full access to all buckets via the AWS Management Console.',
    document: { Version: '2012-10-17', Statement: [allow(['s3:*', 's3-object-lambda:*'])] },
  },
  AWSLambdaBasicExecutionRole: {
    path: '/service-role/',
    versionId: 'v1',
    description: 'Provides write permissions to CloudWatch Logs.',
    document: {
      Version: '2012-10-17',
      Statement: [allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'])],
    },
  },
  AWSSupportServiceRolePolicy: {
    path: '/aws-service-role/',
    versionId: 'v30',
    description: 'Enables resource access for AWS to provide billing, administrative and support services.',
    document: {
      Version: '2012-10-17',
      Statement: [allow(['ec2:Describe*', 'iam:GetAccountSummary', 'trustedadvisor:Describe*'])],
    },
  },
};

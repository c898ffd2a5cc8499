/**
 * The normalized `properties` of each resource type, the contract between collectors and rules.
 * A property that could not be collected (access denied, throttled, timed out) is absent
 * (undefined): rules report it as "not assessed", never as pass or fail.
 */

/** resource.type 'aws.s3.bucket'; nativeId arn:aws:s3:::name (arn:aws-us-gov:s3::: in GovCloud); region = the bucket's region */
export interface S3BucketProperties {
  /** GetBucketEncryption. Not configured → { enabled: false, algorithm: null, ... } */
  encryption?: {
    enabled: boolean;
    algorithm: string | null;
    kmsKeyId: string | null;
    bucketKeyEnabled: boolean;
  };
  /** GetBucketPolicy. No policy → { present: false, denyInsecureTransport: false, allowsPublicPrincipal: false, document: null } */
  policy?: {
    present: boolean;
    /** A Deny statement for all S3 actions when aws:SecureTransport is false (TLS-only bucket policy). */
    denyInsecureTransport: boolean;
    /** An Allow statement to Principal "*" without a restricting condition. */
    allowsPublicPrincipal: boolean;
    /** The parsed policy document */
    document: unknown | null;
  };
  /** GetPublicAccessBlock (bucket level). null = none configured */
  publicAccessBlock?: {
    blockPublicAcls: boolean;
    ignorePublicAcls: boolean;
    blockPublicPolicy: boolean;
    restrictPublicBuckets: boolean;
  } | null;
  /** GetBucketLogging (server access logging) */
  logging?: { enabled: boolean; targetBucket: string | null; targetPrefix: string | null };
  /** GetBucketReplication. Not configured → { enabled: false, destinations: [] } */
  replication?: {
    /** At least one rule is Enabled */
    enabled: boolean;
    destinations: {
      bucketArn: string;
      bucket: string;
      /** Resolved from the inventory or GetBucketLocation; null when it could not be (see the run's coverage gaps). */
      region: string | null;
      /** The rule's status: 'Enabled' | 'Disabled' */
      status: string;
    }[];
  };
  /** False when GetBucketTagging failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected?: boolean;
  /** ISO timestamp from ListBuckets */
  creationDate?: string;
}

/** resource.type 'azure.storage.account'; nativeId = ARM resource id; region = location */
export interface StorageAccountProperties {
  resourceGroup: string;
  /** e.g. 'StorageV2' */
  kind: string;
  /** e.g. 'Standard_RAGRS' */
  skuName: string;
  /** supportsHttpsTrafficOnly (ARM's default since 2019-04-01 is true when absent) */
  httpsOnly?: boolean;
  /** 'TLS1_0' | 'TLS1_1' | 'TLS1_2' | 'TLS1_3' (ARM's documented default when absent is TLS1_0) */
  minimumTlsVersion?: string;
  /** allowBlobPublicAccess (ARM's documented default when absent is false) */
  allowBlobPublicAccess?: boolean;
  primaryLocation: string;
  /** The paired region a geo-redundant SKU copies to; null for LRS/ZRS */
  secondaryLocation: string | null;
  /** GRS, RA-GRS, GZRS or RA-GZRS */
  geoReplicated: boolean;
  encryption?: { keySource: string; requireInfrastructureEncryption: boolean };
  /** 'Enabled' | 'Disabled' | 'SecuredByPerimeter', when ARM reports it */
  publicNetworkAccess?: string;
}

import type { HttpClient } from '@azure/core-rest-pipeline';
import type { DeclaredOperation } from '../kit/model';
import type { CommonAwsClientConfig } from './aws/clients';
import type { Simulator } from '../kit/sim/simulator';

export interface ConnectOptions {
  /** Answer every call from this simulator instead of the real clouds. */
  simulator?: Simulator;
  /** Cancels sign-in and every later call made through the connection's clients' callers. */
  signal?: AbortSignal;
  /**
   * The operations the read-only guards allow (the registry's declared operations, or a narrower
   * set); connectTarget's own identity reads are added to them.
   */
  operations: readonly DeclaredOperation[];
  /** Where credentials and AWS_ENDPOINT_URL are read from; default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** AWS attempts per call (adaptive retry mode), Azure retries + 1. Default 5. */
  maxAttempts?: number;
  /** Per attempt. Default 20 s (AWS), 30 s (Azure). */
  requestTimeoutMs?: number;
  /** An explicit AWS endpoint; without it the SDK honours AWS_ENDPOINT_URL itself. */
  awsEndpoint?: string;
  /** Replaces the AWS transport (tests). */
  awsRequestHandler?: CommonAwsClientConfig['requestHandler'];
  /** Replaces the Azure transport (tests). */
  azureHttpClient?: HttpClient;
  /** Replaces the transport of Entra ID token requests (a proxy-aware client, or a fake token service in tests). */
  azureIdentityHttpClient?: HttpClient;
  /** Where the Azure device-code message is shown; default stderr. */
  onDeviceCode?: (message: string) => void;
}

/** A provider's error message ending with a full stop, so a hint can follow it. */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  return trimmed === '' || /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * What a service module gives the simulated cloud (ARCHITECTURE.md "The simulated cloud"): the
 * fields it adds to a scenario, its answers per operation, its own error class, its part of the
 * demo organisation and of the benchmark generator. The engine (src/kit/sim) knows no service.
 */
import type { z } from 'zod';
import type { ScenarioAccountBase, ScenarioBase, ScenarioSubscriptionBase } from './scenario';

/** Reports a scenario problem at a path below the scenario root, e.g. ['aws', 'accounts', 0, 'kmsKeys', 2, 'id']. */
export type ScenarioIssue = (path: readonly (string | number)[], message: string) => void;

/** A random source for generators: same seed, same organisation. */
export interface GenerateRandom {
  /** [0, 1) */
  next(): number;
  chance(p: number): boolean;
  pick<T>(values: readonly T[]): T;
  hex(length: number): string;
}

export interface AwsGenerateAccount {
  index: number;
  accountId: string;
  partition: 'aws' | 'aws-us-gov';
  regions: readonly string[];
  /** Resources of this service to create per region (the generator's size knob) */
  perRegion: number;
  /** A short tag of the seed, to keep generated names unique across seeds */
  tag: string;
  random: GenerateRandom;
}

export interface AzureGenerateSubscription {
  index: number;
  subscriptionId: string;
  /** Resources of this service to create in the subscription */
  count: number;
  tag: string;
  random: GenerateRandom;
}

/** One simulated AWS call, as a service answer sees it. */
export interface AwsSimCall<A, O, S> {
  /** The scenario account with this service's fields */
  account: ScenarioAccountBase & A;
  /** The organisation-wide fields of this service (scenario.aws) */
  organisation: O;
  scenario: ScenarioBase;
  region: string;
  /** The command input, as the real client serialized it */
  input: Record<string, unknown>;
  /** This service's derived state (state() below), built once per simulator */
  state: S;
  /** The service's own exception, as the SDK deserializes it */
  error(name: string, httpStatusCode: number, message: string): Error;
  /** The scenario's cap on items per list page (real APIs have their own; the smaller one wins) */
  pageSize: number;
}

/** The call type of a service's own fragments: `AwsSimCallFor<typeof account, typeof organisation, State>`. */
export type AwsSimCallFor<A extends z.ZodRawShape, O extends z.ZodRawShape, S> = AwsSimCall<
  z.output<z.ZodObject<A>>,
  z.output<z.ZodObject<O>>,
  S
>;

/** How an API words the injected faults it words differently from the common AWS codes. */
export type AwsFaultWording = Partial<
  Record<'throttle' | 'access_denied' | 'region_disabled', { name: string; status: number; message: string }>
>;

export interface AwsServiceSim<A extends z.ZodRawShape, O extends z.ZodRawShape, S> {
  /** Fields added to each scenario account, e.g. { kmsKeys: z.array(keySchema).default([]) } */
  account: A;
  /** Fields added to scenario.aws itself (resources outside the scenario's accounts) */
  organisation?: O;
  /** Derived once per simulator from the whole scenario, e.g. an index by name */
  state?: (scenario: ScenarioBase) => S;
  /** Cross-field rules a per-field schema cannot state */
  check?: (scenario: ScenarioBase, issue: ScenarioIssue) => void;
  /** Answers by operation name ('ListKeys'); a thrown error is the service's error answer */
  answers: Readonly<
    Record<string, (call: AwsSimCall<z.output<z.ZodObject<A>>, z.output<z.ZodObject<O>>, S>) => object>
  >;
  /**
   * Builds the service's own exception (e.g. KMSServiceException); `operation` ('ListIndexes')
   * lets a service of several APIs pick the exception class of the API that answers.
   */
  error(name: string, httpStatusCode: number, message: string, operation?: string): Error;
  /**
   * How this service words the injected faults (defaults are the common AWS JSON-protocol codes);
   * a function of the operation for a service whose APIs word them differently.
   */
  faults?: AwsFaultWording | ((operation: string) => AwsFaultWording | undefined);
  /** Part of the demo organisation: { accounts: { "<accountId>": { <field>: … } }, organisation?: { … } } */
  demo: { accounts?: Record<string, Record<string, unknown>>; organisation?: Record<string, unknown> };
  /** Fields of one generated account for the benchmark organisation */
  generate?: (account: AwsGenerateAccount) => Record<string, unknown>;
}

/** One simulated ARM GET (or POST query), as a service answer sees it. */
export interface AzureSimCall<F, S> {
  subscription: ScenarioSubscriptionBase & F;
  scenario: ScenarioBase;
  /** The declared path's placeholders, decoded: { subscriptionId, resourceGroupName, vaultName } */
  params: Readonly<Record<string, string>>;
  url: URL;
  /** The parsed JSON body of a POST query (Resource Graph); absent for a GET */
  body?: Readonly<Record<string, unknown>>;
  state: S;
}

/**
 * An ARM answer: a list (the engine pages a GET's with $skipToken/nextLink as ARM does, and a POST
 * query's with the body's $skipToken as Resource Graph does), one body, or an error status with
 * ARM's { error: { code, message } } body.
 */
export type AzureSimAnswer =
  { list: readonly object[] } | { body: object } | { status: number; code: string; message: string };

export interface AzureServiceSim<F extends z.ZodRawShape, S> {
  /** Fields added to each scenario subscription, e.g. { keyVaults: z.array(vaultSchema).default([]) } */
  subscription: F;
  state?: (scenario: ScenarioBase) => S;
  check?: (scenario: ScenarioBase, issue: ScenarioIssue) => void;
  /** Answers by REST operation id ('Vaults_ListBySubscription') */
  answers: Readonly<Record<string, (call: AzureSimCall<z.output<z.ZodObject<F>>, S>) => AzureSimAnswer>>;
  /** Regions this service's resources of a subscription live in (default target regions) */
  locations?: (subscription: z.output<z.ZodObject<F>>) => string[];
  /** Part of the demo organisation: { subscriptions: { "<subscriptionId>": { <field>: … } } } */
  demo: { subscriptions?: Record<string, Record<string, unknown>> };
  generate?: (subscription: AzureGenerateSubscription) => Record<string, unknown>;
}

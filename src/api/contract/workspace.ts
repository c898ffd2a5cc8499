import { z } from 'zod';
import { defineOperation } from './define';
import { runStatusSchema } from './run-results';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const nonEmpty = (what: string) => z.string().trim().min(1, `${what} is required`).max(200);
const regionList = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{2,40}$/i, 'a region name such as us-east-1 or eastus'),
  )
  .max(200);
const tagKeyList = z.array(z.string().trim().min(1).max(128)).max(50);

export const engagementSettingsSchema = z.object({
  client: nonEmpty('client'),
  title: z.string().trim().max(200),
  periodStart: isoDate,
  periodEnd: isoDate,
  approvedRegions: regionList,
  phiTagKeys: tagKeyList,
  phiPathPatterns: z.array(z.string().trim().min(1).max(300)).max(100),
  /** URL paths that serve PHI (`/account*`): CDN rules judge cache behaviours and routes against them */
  phiUrlPaths: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(300)
        .regex(/^[/*]/, 'a PHI URL path starts with "/" (or "*"), e.g. /account*'),
    )
    .max(100),
  consultant: z.string().trim().max(200),
});

export const engagementSchema = engagementSettingsSchema.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const workspaceSummarySchema = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  schemaVersion: z.number(),
  engagement: engagementSchema,
  counts: z.object({
    targets: z.number(),
    runs: z.number(),
    evidence: z.number(),
    resources: z.number(),
    failingFindings: z.number(),
    coverageGaps: z.number(),
    attestations: z.number(),
    phiFlows: z.number(),
    exports: z.number(),
    auditLogEntries: z.number(),
  }),
  lastRun: z
    .object({
      id: z.number(),
      kind: z.string(),
      status: runStatusSchema,
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
    })
    .nullable(),
});

export const recentWorkspaceSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  modifiedAt: z.string(),
  sizeBytes: z.number(),
});

export const workspaceOps = {
  'app.info': defineOperation({
    summary: 'Version, front door and the folder where new workspaces are created.',
    input: z.object({}),
    output: z.object({
      toolVersion: z.string(),
      frontDoor: z.enum(['electron', 'browser', 'cli']),
      workspaceDir: z.string(),
      platform: z.string(),
    }),
  }),
  'workspace.create': defineOperation({
    summary: 'Create a new engagement workspace and open it.',
    input: engagementSettingsSchema
      .partial({
        title: true,
        phiTagKeys: true,
        phiPathPatterns: true,
        phiUrlPaths: true,
        consultant: true,
        approvedRegions: true,
      })
      .extend({
        /** A file name inside the workspace folder, or an absolute path (Electron save dialog). */
        file: z.string().trim().min(1, 'file is required').max(1000),
      }),
    output: workspaceSummarySchema,
  }),
  'workspace.open': defineOperation({
    summary: 'Open an existing workspace (closing the current one).',
    input: z.object({ path: z.string().trim().min(1, 'path is required').max(4096) }),
    output: workspaceSummarySchema,
  }),
  'workspace.close': defineOperation({
    summary: 'Close the open workspace.',
    input: z.object({}),
    output: z.object({ closed: z.boolean() }),
  }),
  'workspace.current': defineOperation({
    summary: 'The open workspace, if any.',
    input: z.object({}),
    output: workspaceSummarySchema.nullable(),
  }),
  'workspace.recent': defineOperation({
    summary: 'Workspaces in the workspace folder, newest first.',
    input: z.object({}),
    output: z.array(recentWorkspaceSchema),
  }),
  'engagement.update': defineOperation({
    summary: 'Change the engagement settings (recorded in the audit log).',
    input: engagementSettingsSchema.partial(),
    output: workspaceSummarySchema,
  }),
} as const;

import type { jobOps } from '../contract/jobs';
import type { HandlersOf } from './types';

export const jobHandlers: HandlersOf<typeof jobOps> = {
  'job.list': (_input, session) => session.listJobs(),
  'job.cancel': (input, session) => ({ cancelled: session.cancelJob(input.jobId) }),
};

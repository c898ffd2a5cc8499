import { describe, expect, it } from 'vitest';
import { judgeOutcome, type TargetAttempt, type TaskAttempt } from '../../../src/assess/outcome';

const prod = { label: 'prod', provider: 'aws', scopeId: '111122223333' };
const shared = { label: 'shared', provider: 'aws', scopeId: '444455556666' };
const azure = { label: 'azure prod', provider: 'azure', scopeId: 'sub-1' };

const signedIn = (t: typeof prod): TargetAttempt => ({ ...t, signInError: null });
const refused = (t: typeof prod, why = 'access denied'): TargetAttempt => ({ ...t, signInError: why });

function task(
  target: typeof prod,
  service: string,
  region: string,
  over: Partial<TaskAttempt> = {},
): TaskAttempt {
  return { target, service, region, thrown: null, gaps: 0, resources: 3, errorCodes: [], ...over };
}
/** Its list call was refused: gaps and no resources. */
const refusedList = (target: typeof prod, service: string, region: string, code = 'AccessDenied') =>
  task(target, service, region, { gaps: 1, resources: 0, errorCodes: [code] });

describe('judgeOutcome', () => {
  it('completed: every target signed in and every task assessed, even with per-resource gaps', () => {
    const outcome = judgeOutcome(
      [signedIn(prod), signedIn(azure)],
      [
        task(prod, 's3', 'global', { gaps: 2, errorCodes: ['AccessDenied'] }),
        task(prod, 'kms', 'us-east-1'),
        task(azure, 'storage', 'global'),
      ],
    );
    expect(outcome).toEqual({
      status: 'completed',
      unassessedTargets: [],
      unassessedServices: [],
      statement: null,
    });
  });

  it('completed: a list call that answered with nothing is an assessed empty service', () => {
    expect(judgeOutcome([signedIn(prod)], [task(prod, 'kms', 'eu-west-1', { resources: 0 })]).status).toBe(
      'completed',
    );
  });

  it('partial: one target of three could not be signed in to', () => {
    const outcome = judgeOutcome(
      [signedIn(prod), refused(shared), signedIn(azure)],
      [task(prod, 's3', 'global'), task(azure, 'storage', 'global')],
    );
    expect(outcome.status).toBe('partial');
    expect(outcome.unassessedTargets).toEqual([
      { target: 'shared', provider: 'aws', scopeId: '444455556666', reason: 'access denied' },
    ]);
    expect(outcome.statement).toBe(
      'Assessment partial: 1 of 3 targets could not be signed in to (shared (444455556666): access denied)',
    );
  });

  it('partial: a service whose list call was refused in one region, named with the region and the error code', () => {
    const outcome = judgeOutcome(
      [signedIn(prod)],
      [task(prod, 's3', 'global'), task(prod, 'kms', 'us-east-1'), refusedList(prod, 'kms', 'eu-west-1')],
    );
    expect(outcome.status).toBe('partial');
    expect(outcome.unassessedServices).toEqual([
      {
        target: 'prod',
        provider: 'aws',
        scopeId: '111122223333',
        service: 'kms',
        region: 'eu-west-1',
        reason: 'AccessDenied',
      },
    ]);
    expect(outcome.statement).toBe('Assessment partial: kms not assessed in eu-west-1 (AccessDenied)');
  });

  it('partial: a collector that threw; with several targets the statement names the target', () => {
    const outcome = judgeOutcome(
      [signedIn(prod), signedIn(shared), refused(azure, 'token expired')],
      [
        task(prod, 's3', 'global'),
        task(shared, 's3', 'global', { thrown: 'socket hang up' }),
        refusedList(shared, 'kms', 'us-east-1', 'AccessDeniedException'),
        refusedList(shared, 'kms', 'us-west-2', 'AccessDeniedException'),
      ],
    );
    expect(outcome.status).toBe('partial');
    expect(outcome.statement).toBe(
      'Assessment partial: 1 of 3 targets could not be signed in to (azure prod (sub-1): token expired); ' +
        's3 not assessed in global of shared (444455556666) (socket hang up); ' +
        'kms not assessed in us-east-1, us-west-2 of shared (444455556666) (AccessDeniedException)',
    );
  });

  it('failed: every target failed to sign in', () => {
    const outcome = judgeOutcome([refused(prod), refused(azure)], []);
    expect(outcome.status).toBe('failed');
    expect(outcome.statement).toBe(
      'Assessment failed: no target could be assessed (none of the 2 targets could be signed in to (prod (111122223333): access denied; azure prod (sub-1): access denied))',
    );
  });

  it('failed: every task of every signed-in target was refused or threw', () => {
    const outcome = judgeOutcome(
      [signedIn(prod), refused(shared)],
      [refusedList(prod, 's3', 'global'), task(prod, 'kms', 'us-east-1', { thrown: 'boom' })],
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.statement).toMatch(/^Assessment failed: no target could be assessed \(1 of 2 targets/);
    expect(outcome.statement).toContain(
      's3 not assessed in global (AccessDenied); kms not assessed in us-east-1 (boom)',
    );
  });

  it('failed: signed in, but there was nothing to collect', () => {
    expect(judgeOutcome([signedIn(prod)], []).statement).toBe(
      'Assessment failed: no target could be assessed (no collection task ran)',
    );
  });

  it('a single target that could not be signed in to reads naturally', () => {
    expect(judgeOutcome([refused(prod)], []).statement).toBe(
      'Assessment failed: no target could be assessed (the target could not be signed in to (prod (111122223333): access denied))',
    );
  });
});

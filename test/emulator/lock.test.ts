/**
 * LockService with contention a test can stage: another execution holding
 * the document lock, for good or for a while, on the emulated clock.
 */
import {thrown, world} from './world';

const TIMEOUT =
  'Lock timeout: another process was holding the lock for too long.';

describe('LockService', () => {
  it('tryLock takes a free lock and hasLock reports it until releaseLock', () => {
    const {LockService} = world();
    const lock = LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  it("waitLock throws Apps Script's timeout message when another execution holds the document lock", () => {
    const {emulator, LockService, ctx} = world({
      now: new Date('2024-05-03T16:00:00Z'),
    });
    emulator.holdDocumentLock();
    const error = thrown(() => LockService.getDocumentLock().waitLock(30_000));
    expect(error.message).toBe(TIMEOUT);
    // It waited the whole timeout before giving up.
    expect(ctx.now().toISOString()).toBe('2024-05-03T16:00:30.000Z');
  });

  it('tryLock returns false under contention, and true once the other execution lets go', () => {
    const {emulator, LockService} = world();
    emulator.holdDocumentLock();
    expect(LockService.getDocumentLock().tryLock(5000)).toBe(false);
    emulator.releaseDocumentLock();
    expect(LockService.getDocumentLock().tryLock(5000)).toBe(true);
  });

  it('a holder that finishes within the timeout is waited for, on the emulated clock', () => {
    const {emulator, LockService, ctx} = world({
      now: new Date('2024-05-03T16:00:00Z'),
    });
    emulator.holdDocumentLock({forMs: 4000});
    LockService.getDocumentLock().waitLock(10_000);
    expect(ctx.now().toISOString()).toBe('2024-05-03T16:00:04.000Z');
  });

  it('two executions contend for the document lock; locks are released when an execution ends', () => {
    const {emulator, LockService} = world();
    emulator.run({}, () => {
      LockService.getDocumentLock().waitLock(1000);
      // A second execution cannot get it while the first one holds it.
      const inner = emulator.run({}, () =>
        LockService.getDocumentLock().tryLock(0),
      );
      expect(inner).toBe(false);
      // The first execution ends without releaseLock.
    });
    expect(
      emulator.run({}, () => LockService.getDocumentLock().tryLock(0)),
    ).toBe(true);
  });

  it('the document lock does not block the script lock, and user locks are per user', () => {
    const {emulator, LockService} = world({owner: 'cro@acme.example'});
    emulator.holdDocumentLock();
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
    const other = emulator.run({user: 'revops@acme.example'}, () =>
      LockService.getUserLock().tryLock(0),
    );
    expect(other).toBe(true);
  });

  it('lets a test assert that a write ran under the document lock', () => {
    const {emulator, LockService, sheet} = world();
    emulator.run({}, () => {
      const lock = LockService.getDocumentLock();
      lock.waitLock(30_000);
      sheet().appendRow(['week 6', 0.071]);
      lock.releaseLock();
      sheet().getRange('C1').setValue('late');
    });
    expect(
      emulator.ctx.writes.map(w => `${w.method}:${w.underDocumentLock}`),
    ).toEqual(['appendRow:true', 'setValue:false']);
  });
});

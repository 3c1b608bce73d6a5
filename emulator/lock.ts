/**
 * LockService: document, script and user locks shared by every execution of
 * one emulated world. Tests simulate another execution holding the document
 * lock (holdDocumentLock), for good or for a while; waiting for it moves the
 * emulated clock, and a wait that runs out throws Apps Script's message.
 * Locks still held when an execution ends are released, as Apps Script does.
 */
import {
  OTHER_EXECUTION,
  appsScriptError,
  type EmulatorContext,
  type LockHolder,
} from './context';
import {expose, type Emulates} from './instrument';

type RealLock = GoogleAppsScript.Lock.Lock;
type RealLockService = GoogleAppsScript.Lock.LockService;

export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

export type LockKind = 'document' | 'script' | 'user';

export class FakeLock implements Emulates<
  RealLock,
  'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'
> {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly kind: LockKind,
    private readonly user: string,
  ) {}

  private get holder(): LockHolder | undefined {
    const locks = this.ctx.locks;
    return this.kind === 'user' ? locks.user[this.user] : locks[this.kind];
  }

  private set holder(value: LockHolder | undefined) {
    const locks = this.ctx.locks;
    if (this.kind === 'user') {
      if (value) locks.user[this.user] = value;
      else delete locks.user[this.user];
    } else {
      locks[this.kind] = value;
    }
  }

  /**
   * Takes the lock if it is free, or becomes free within the timeout (the
   * clock moves to that moment); otherwise waits the whole timeout and gives
   * up. Re-entrant within one execution.
   */
  tryLock(timeoutInMillis: number): boolean {
    const timeout = Math.max(0, Number(timeoutInMillis) || 0);
    const held = this.holder;
    if (!held || held.execution === this.ctx.execution) {
      this.holder = {execution: this.ctx.execution};
      return true;
    }
    const now = this.ctx.now().getTime();
    if (held.until !== undefined && held.until <= now + timeout) {
      this.ctx.advance(held.until - now);
      this.holder = {execution: this.ctx.execution};
      return true;
    }
    this.ctx.advance(timeout);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis))
      throw appsScriptError(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    if (this.hasLock()) this.holder = undefined;
  }

  hasLock(): boolean {
    return this.holder?.execution === this.ctx.execution;
  }
}

export class FakeLockService implements Emulates<
  RealLockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  constructor(private readonly ctx: EmulatorContext) {}

  exposed() {
    return expose(this, 'LockService', this.ctx);
  }

  private lock(kind: LockKind, method: string) {
    this.ctx.requireAuth(`LockService.${method}`, 'basic');
    return expose(
      new FakeLock(this.ctx, kind, this.ctx.user),
      'Lock',
      this.ctx,
    );
  }

  /**
   * LockService reference: "If this method is called outside of the context of
   * a containing document (such as from a standalone script or webapp), null is
   * returned." A time-driven trigger has no containing document here.
   */
  getDocumentLock() {
    if (!this.ctx.hasDocument()) {
      this.ctx.requireAuth('LockService.getDocumentLock', 'basic');
      return null as unknown as ReturnType<FakeLockService['lock']>;
    }
    return this.lock('document', 'getDocumentLock');
  }

  getScriptLock() {
    return this.lock('script', 'getScriptLock');
  }

  getUserLock() {
    return this.lock('user', 'getUserLock');
  }
}

/** Test hook: another execution takes the document lock, until released or for `forMs` of emulated time. */
export function holdDocumentLock(
  ctx: EmulatorContext,
  options: {forMs?: number} = {},
): void {
  holdLock(ctx, 'document', options);
}

/** Test hook: another execution takes the document or script lock (the script lock serialises a trigger with no document). */
export function holdLock(
  ctx: EmulatorContext,
  kind: 'document' | 'script',
  options: {forMs?: number} = {},
): void {
  const held = ctx.locks[kind];
  if (held && held.execution !== OTHER_EXECUTION)
    throw new Error(
      `holdLock: an execution of the script holds the ${kind} lock`,
    );
  ctx.locks[kind] = {
    execution: OTHER_EXECUTION,
    until:
      options.forMs === undefined
        ? undefined
        : ctx.now().getTime() + options.forMs,
  };
}

/** Test hook: the other execution lets go of the document lock. */
export function releaseDocumentLock(ctx: EmulatorContext): void {
  releaseLock(ctx, 'document');
}

export function releaseLock(
  ctx: EmulatorContext,
  kind: 'document' | 'script',
): void {
  if (ctx.locks[kind]?.execution === OTHER_EXECUTION)
    ctx.locks[kind] = undefined;
}

// Python/pystate.c: PyGILState_Ensure / PyGILState_Release; Python/ceval.c:
// PyEval_SaveThread / PyEval_RestoreThread (Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS);
// the debug check of _Py_EnsureTstateNotNULL ("the function must be called with the GIL
// held").
//
// heapscope runs one Python thread, so the GIL is a state, not a lock: it is held unless a
// nogil() guard released it. What matters is the check: native code that calls into the
// runtime (creates objects, changes refcounts, calls Python) while it has released the GIL
// is a bug in a real extension that usually passes unnoticed; here it throws GilError at
// once. Guards nest and must be released in reverse order (`using` guarantees that).

/** Thrown when native code uses the runtime without the GIL, or releases guards out of order. */
export class GilError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GilError";
  }
}

let held = true;
/** Open guards, innermost last: each remembers the state to restore. */
const guards: GilGuardBase[] = [];

/** Is the GIL held by the running code (PyGILState_Check)? */
export function gilHeld(): boolean {
  return held;
}

/**
 * The check every native API entry point makes: one boolean test on the fast path.
 * `what` names the API function in the message.
 */
export function requireGil(what: string): void {
  if (!held) gilMissing(what);
}

function gilMissing(what: string): never {
  throw new GilError(
    `${what} called without holding the GIL: a nogil() guard released it. ` +
      "Reacquire it first (leave the nogil() scope, call its reacquire(), or take gil()).",
  );
}

abstract class GilGuardBase implements Disposable {
  /** The state before this guard changed it, restored when the guard ends. */
  private readonly previous: boolean;
  private open = true;

  protected constructor(newState: boolean) {
    this.previous = held;
    held = newState;
    guards.push(this);
  }

  /** Ends the guard: restores the state it found. Only the innermost open guard may end. */
  protected end(operation: string): void {
    if (!this.open) throw new GilError(`${operation}: this guard was already released`);
    if (guards[guards.length - 1] !== this) {
      throw new GilError(`${operation}: guards must be released in reverse order of creation (an inner guard is still open)`);
    }
    guards.pop();
    this.open = false;
    held = this.previous;
  }

  get isOpen(): boolean {
    return this.open;
  }

  [Symbol.dispose](): void {
    if (this.open) this.end("dispose");
  }
}

/** What gil() returns: the GIL is held until release() or the end of its `using` scope. */
export class GilGuard extends GilGuardBase {
  constructor() {
    super(true);
  }

  /** PyGILState_Release: back to the state before gil(). */
  release(): void {
    this.end("GilGuard.release()");
  }
}

/** What nogil() returns: the GIL is released until reacquire() or the end of its `using` scope. */
export class NoGilGuard extends GilGuardBase {
  constructor() {
    if (!held) throw new GilError("nogil() called without holding the GIL: there is nothing to release");
    super(false);
  }

  /** Py_END_ALLOW_THREADS: take the GIL back. */
  reacquire(): void {
    this.end("NoGilGuard.reacquire()");
  }
}

/**
 * PyGILState_Ensure: make sure the GIL is held (re-entrant: taking it while holding it is
 * allowed). `using g = gil();` releases it at the end of the scope.
 */
export function gil(): GilGuard {
  return new GilGuard();
}

/**
 * Py_BEGIN_ALLOW_THREADS: release the GIL for work that does not touch Python objects
 * (I/O, number crunching on native buffers). `using _ = nogil();` takes it back at the end of
 * the scope. The native allocator works without the GIL (it is the raw domain).
 */
export function nogil(): NoGilGuard {
  return new NoGilGuard();
}

/** For tests and host code recovering from an error: drop every open guard, GIL held. */
export function resetGil(): void {
  guards.length = 0;
  held = true;
}

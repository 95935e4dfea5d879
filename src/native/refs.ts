// Include/object.h: Py_INCREF, Py_DECREF, Py_REFCNT, Py_NewRef; the C API's ownership
// vocabulary ("borrowed reference", "new reference", "steals a reference") made into types.
//
// Native code never holds a bare PyObject: it holds a handle that says whether it owns a
// reference. `Owned<T>` is a new reference the holder must release exactly once (decref(),
// or the end of a `using` scope: TypeScript's counterpart of Zig's `defer obj.decref()`).
// `Borrowed<T>` is a reference someone else owns (an argument, an item read from a
// container): it can be read and passed on, and incref() turns it into an Owned one. The two
// are different classes, so passing a borrowed reference where an owned one is required (a
// return value, a function that steals) is a compile-time error.
//
// A handle checks its own use: decref twice through the same handle, or use after decref /
// move, throws HandleError naming the object, before the runtime's refcount is touched.
// Borrowed handles given to a native function as arguments expire when the function returns,
// so one kept by mistake fails loudly instead of pointing at a freed object later.

import type { PyObject } from "../runtime/object.js";
import { decref as rtDecref, describeObject, incref as rtIncref } from "../runtime/refcount.js";
import { requireGil } from "./gil.js";

/** Misuse of a reference handle: use after release, double release, an expired borrow. */
export class HandleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HandleError";
  }
}

const RELEASED = 1;
const MOVED = 2;
const EXPIRED = 3;

/** What both kinds of handle offer: reading the object and making new references to it. */
export abstract class Ref<T extends PyObject = PyObject> {
  /** The object, or null once this handle is no longer usable. */
  protected o: T | null;
  /** Why `o` is null (RELEASED, MOVED, EXPIRED), for the error message. */
  protected deadReason: number;
  /** What the object was, kept for messages after the handle dies. */
  protected description: string;

  protected constructor(o: T) {
    this.o = o;
    this.deadReason = 0;
    this.description = "";
  }

  /** The runtime object (for code that calls the runtime directly). */
  get obj(): T {
    const o = this.o;
    if (o === null) this.dead();
    return o;
  }

  /** Py_REFCNT */
  get refcnt(): number {
    return this.obj.refcnt;
  }

  /** The name of the object's type ("str", "list", "mymod.Counter"). */
  get typeName(): string {
    return this.obj.type.name;
  }

  /** Is this handle still usable? */
  get alive(): boolean {
    return this.o !== null;
  }

  /** Py_INCREF + return: a new reference, owned by the caller of incref(). */
  incref(): Owned<T> {
    requireGil("incref()");
    const o = this.obj;
    rtIncref(o);
    return new Owned(o);
  }

  /** A borrowed view of the same object (no refcount change). */
  borrow(): Borrowed<T> {
    return new Borrowed(this.obj);
  }

  /** Identity (`is`). */
  is(other: Ref<PyObject>): boolean {
    return this.obj === other.obj;
  }

  toString(): string {
    return this.o === null ? `<dead handle to ${this.description}>` : describeObject(this.o);
  }

  protected kill(reason: number): void {
    const o = this.o;
    if (o !== null) this.description = describeObject(o);
    this.o = null;
    this.deadReason = reason;
  }

  protected dead(): never {
    const what = this.description;
    switch (this.deadReason) {
      case RELEASED:
        throw new HandleError(`use of a released reference to ${what}: this handle was decref'd`);
      case MOVED:
        throw new HandleError(`use of a moved reference to ${what}: ownership was passed on with move()/take()`);
      default:
        throw new HandleError(
          `use of an expired borrowed reference to ${what}: an argument is only borrowed for the duration of the call; ` +
            "incref() it to keep it",
        );
    }
  }
}

/**
 * A new reference: the holder owns one count of the object's refcount and must give it up
 * exactly once, by decref(), by the end of a `using` scope, or by passing it on (returning it
 * from a native function, move(), or a function named `...Owned` that steals it).
 */
export class Owned<T extends PyObject = PyObject> extends Ref<T> implements Disposable {
  /** Nominal brand: a Borrowed is never assignable to an Owned. */
  declare private readonly ownedBrand: true;

  constructor(o: T) {
    super(o);
  }

  /**
   * Takes over a new reference produced by runtime code (a function documented as returning
   * a new reference).
   */
  static adopt<T extends PyObject>(o: T): Owned<T> {
    return new Owned(o);
  }

  /** Py_DECREF: gives up this reference; the handle is dead afterwards. */
  decref(): void {
    requireGil("decref()");
    const o = this.o;
    if (o === null) {
      if (this.deadReason === RELEASED) throw new HandleError(`double decref of ${this.description} through the same handle`);
      this.dead();
    }
    this.kill(RELEASED);
    rtDecref(o);
  }

  /**
   * Passes ownership on to a new handle; this one is dead afterwards, so its `using` scope
   * releases nothing. The way to return an object created under `using` (Zig's errdefer):
   * `using list = PyList.new(); ...; return list.move();`.
   */
  move(): Owned<T> {
    const o = this.obj;
    this.kill(MOVED);
    return new Owned(o);
  }

  /**
   * Gives the reference to runtime code that takes over a new reference (the raw form of
   * move()); the handle is dead afterwards.
   */
  take(): T {
    const o = this.obj;
    this.kill(MOVED);
    return o;
  }

  /** End of a `using` scope: decref if this handle still owns its reference. */
  [Symbol.dispose](): void {
    if (this.o !== null) this.decref();
  }
}

/** A borrowed reference: valid while its owner keeps the object alive; never decref'd. */
export class Borrowed<T extends PyObject = PyObject> extends Ref<T> {
  declare private readonly borrowedBrand: true;

  constructor(o: T) {
    super(o);
  }

  /** A borrowed handle for an object runtime code lent to native code. */
  static of<T extends PyObject>(o: T): Borrowed<T> {
    return new Borrowed(o);
  }

  /** Called when the call that lent this reference returns. */
  expire(): void {
    if (this.o !== null) this.kill(EXPIRED);
  }
}

/** Py_INCREF on any handle: a new owned reference. */
export function incref<T extends PyObject>(ref: Ref<T>): Owned<T> {
  return ref.incref();
}

/** Py_DECREF: only an owned reference can be given up. */
export function decref(ref: Owned<PyObject>): void {
  ref.decref();
}

/** Py_XDECREF */
export function xdecref(ref: Owned<PyObject> | null | undefined): void {
  if (ref !== null && ref !== undefined) ref.decref();
}

/** Py_REFCNT */
export function refcnt(ref: Ref<PyObject>): number {
  return ref.obj.refcnt;
}

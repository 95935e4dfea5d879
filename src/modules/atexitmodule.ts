// Modules/atexitmodule.c (3.11): struct atexit_state, _PyAtExit_Init, _PyAtExit_Fini,
// atexit_delete_cb, atexit_cleanup, atexit_callfuncs (_PyAtExit_Call), atexit_register,
// atexit_unregister, atexit_clear, atexit_run_exitfuncs, atexit_ncallbacks.
//
// Each interpreter keeps its exit functions in an array of callback records (both in the
// PyMem domain, as CPython's are): registering appends, unregistering empties matching slots
// without shrinking the count, and running calls them from the last slot to the first, then
// drops all of them, including any registered while they ran.

import type { PyObject } from "../runtime/object.js";
import { decref, newRef, xdecref } from "../runtime/refcount.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { callWithTuple, richCompareBool } from "../runtime/abstract.js";
import { CMP_EQ } from "../runtime/type.js";
import { newIntSsize } from "../runtime/int.js";
import { newStr, staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { dictSetItem, newPresizedDict, type PyDict } from "../runtime/dict.js";
import { tupleFromBorrowed, type PyTuple } from "../runtime/tuple.js";
import { newModule, type PyModule } from "../runtime/moduleobject.js";
import { newCFunction } from "../runtime/methodobject.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { writeUnraisable } from "../runtime/finalize.js";
import { allocator } from "../runtime/heap.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { currentInterpreter, registerBuiltinModule, type Interpreter } from "./interp_state.js";

/** sizeof(atexit_py_callback): func, args, kwargs. */
const CALLBACK_RECORD_SIZE = 24;
const POINTER_SIZE = 8;
const INITIAL_CALLBACK_LEN = 32;
const CALLBACK_LEN_STEP = 16;

class AtExitCallback {
  func: PyObject;
  args: PyTuple;
  kwargs: PyDict | null;
  /** The record's PyMem block. */
  address: number;
  constructor(func: PyObject, args: PyTuple, kwargs: PyDict | null, address: number) {
    this.func = func;
    this.args = args;
    this.kwargs = kwargs;
    this.address = address;
  }
}

/** struct atexit_state */
class AtExitState {
  /** Slots 0..ncallbacks-1; null where a callback was unregistered. */
  callbacks: (AtExitCallback | null)[];
  ncallbacks: number;
  callbackLen: number;
  /** The PyMem block of the pointer array (0 once finalized). */
  arrayAddress: number;
  constructor() {
    this.callbacks = [];
    this.ncallbacks = 0;
    this.callbackLen = INITIAL_CALLBACK_LEN;
    this.arrayAddress = allocator.malloc(DOMAIN_MEM, INITIAL_CALLBACK_LEN * POINTER_SIZE);
  }
}

const states = new WeakMap<Interpreter, AtExitState>();

/**
 * _PyAtExit_Init: the interpreter's exit-function table. CPython makes it while creating every
 * interpreter; call this there so the table's memory exists from the start (it is otherwise
 * made on first use).
 */
export function initAtExitState(interp: Interpreter): void {
  if (!states.has(interp)) states.set(interp, new AtExitState());
}

function stateOf(interp: Interpreter): AtExitState {
  let state = states.get(interp);
  if (state === undefined) {
    state = new AtExitState();
    states.set(interp, state);
  }
  return state;
}

function currentState(): AtExitState {
  const interp = currentInterpreter;
  if (interp === null) throw new Error("heapscope internal error: atexit used without an interpreter");
  return stateOf(interp);
}

/** atexit_delete_cb */
function deleteCallback(state: AtExitState, i: number): void {
  const cb = state.callbacks[i]!;
  state.callbacks[i] = null;
  decref(cb.func);
  decref(cb.args);
  xdecref(cb.kwargs);
  allocator.free(DOMAIN_MEM, cb.address);
}

/** atexit_cleanup: drop every callback without calling it. */
function clearCallbacks(state: AtExitState): void {
  for (let i = 0; i < state.ncallbacks; i++) {
    if (state.callbacks[i] !== null) deleteCallback(state, i);
  }
  state.callbacks.length = 0;
  state.ncallbacks = 0;
}

/**
 * atexit_callfuncs: call each registered function, last registered first; an exception goes
 * to the unraisable hook as "Exception ignored in atexit callback: <func>" (SystemExit
 * included). Afterwards every callback is dropped, those registered meanwhile too.
 */
function callAll(state: AtExitState): void {
  if (state.ncallbacks === 0) return;
  for (let i = state.ncallbacks - 1; i >= 0; i--) {
    const cb = state.callbacks[i];
    if (cb === null || cb === undefined) continue;
    // The call may unregister its own callback: keep the function alive for the report.
    const func = newRef(cb.func);
    try {
      decref(callWithTuple(func, cb.args, cb.kwargs));
    } catch (e) {
      writeUnraisable(e, func, "Exception ignored in atexit callback");
    }
    decref(func);
  }
  clearCallbacks(state);
}

/**
 * _PyAtExit_Call: interpreter shutdown runs the exit functions first (Py_FinalizeEx), before
 * any collection or module teardown.
 */
export function runAtExitCallbacks(interp: Interpreter): void {
  const state = states.get(interp);
  if (state !== undefined) callAll(state);
}

/** _PyAtExit_Fini: drop what is left and free the table (interpreter deletion). */
export function finiAtExit(interp: Interpreter): void {
  const state = states.get(interp);
  if (state === undefined) return;
  clearCallbacks(state);
  if (state.arrayAddress !== 0) allocator.free(DOMAIN_MEM, state.arrayAddress);
  state.arrayAddress = 0;
  states.delete(interp);
}

/** Number of slots in use, unregistered ones included (atexit._ncallbacks()). */
export function atExitCallbackCount(interp: Interpreter): number {
  return states.get(interp)?.ncallbacks ?? 0;
}

// ---------------------------------------------------------------------- functions

/** atexit_register: METH_VARARGS | METH_KEYWORDS, so CPython first packs a tuple and a dict. */
function atexitRegister(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const argsTuple = tupleFromBorrowed(args, start, start + nargs);
  let kwargs: PyDict | null = null;
  try {
    const nkw = kwnames === null ? 0 : kwnames.items.length;
    if (nkw !== 0) {
      kwargs = newPresizedDict(nkw);
      for (let k = 0; k < nkw; k++) dictSetItem(kwargs, kwnames!.items[k]!, args[start + nargs + k]!);
    }
    return register(argsTuple, kwargs);
  } finally {
    decref(argsTuple);
    xdecref(kwargs);
  }
}

function register(args: PyTuple, kwargs: PyDict | null): PyObject {
  const items = args.items;
  if (items.length === 0) raise(TypeErrorType, "register() takes at least 1 argument (0 given)");
  const func = items[0]!;
  if (func.type.call === null) raise(TypeErrorType, "the first argument must be callable");
  const state = currentState();
  if (state.ncallbacks >= state.callbackLen) {
    state.callbackLen += CALLBACK_LEN_STEP;
    state.arrayAddress = allocator.realloc(DOMAIN_MEM, state.arrayAddress, state.callbackLen * POINTER_SIZE);
  }
  const address = allocator.malloc(DOMAIN_MEM, CALLBACK_RECORD_SIZE);
  let callArgs: PyTuple;
  try {
    callArgs = tupleFromBorrowed(items, 1, items.length);
  } catch (e) {
    allocator.free(DOMAIN_MEM, address);
    throw e;
  }
  const cb = new AtExitCallback(newRef(func), callArgs, kwargs === null ? null : newRef(kwargs), address);
  state.callbacks[state.ncallbacks++] = cb;
  return newRef(func);
}

function atexitUnregister(_m: PyObject, func: PyObject): PyObject {
  const state = currentState();
  for (let i = 0; i < state.ncallbacks; i++) {
    const cb = state.callbacks[i];
    if (cb === null || cb === undefined) continue;
    if (richCompareBool(cb.func, func, CMP_EQ)) deleteCallback(state, i);
  }
  return newRef(None);
}

function atexitClear(_m: PyObject): PyObject {
  clearCallbacks(currentState());
  return newRef(None);
}

function atexitRunExitfuncs(_m: PyObject): PyObject {
  callAll(currentState());
  return newRef(None);
}

function atexitNcallbacks(_m: PyObject): PyObject {
  return newIntSsize(currentState().ncallbacks);
}

// Docstrings as python3 3.11.7 reports them.
export const ATEXIT_METHODS: readonly MethodDef[] = [
  {
    name: "register",
    kind: "fastcall",
    fn: atexitRegister,
    doc:
      "register(func, *args, **kwargs) -> func\n\nRegister a function to be executed upon normal program termination\n\n" +
      "    func - function to be called at exit\n    args - optional arguments to pass to func\n" +
      "    kwargs - optional keyword arguments to pass to func\n\n    func is returned to facilitate usage as a decorator.",
  },
  { name: "_clear", kind: "noargs", fn: atexitClear, doc: "_clear() -> None\n\nClear the list of previously registered exit functions." },
  {
    name: "unregister",
    kind: "o",
    fn: atexitUnregister,
    doc: "unregister(func) -> None\n\nUnregister an exit function which was previously registered using\natexit.register\n\n    func - function to be unregistered",
  },
  {
    name: "_run_exitfuncs",
    kind: "noargs",
    fn: atexitRunExitfuncs,
    doc: "_run_exitfuncs() -> None\n\nRun all registered exit functions.\n\nIf a callback raises an exception, it is logged with sys.unraisablehook.",
  },
  { name: "_ncallbacks", kind: "noargs", fn: atexitNcallbacks, doc: "_ncallbacks() -> int\n\nReturn the number of registered exit functions." },
];

/** PyInit_atexit: the atexit module (new reference). */
export function initAtexitModule(interp: Interpreter): PyModule {
  initAtExitState(interp);
  const m = newModule("atexit", "built-in");
  const d = m.dict!;
  const doc = newStr(
    "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n",
  );
  dictSetItem(d, staticStr("__doc__"), doc);
  decref(doc);
  const moduleName = newStr("atexit");
  for (const def of ATEXIT_METHODS) {
    const f = newCFunction(def, m, moduleName);
    dictSetItem(d, staticStr(def.name), f);
    decref(f);
  }
  decref(moduleName);
  return m;
}

registerBuiltinModule("atexit", initAtexitModule);

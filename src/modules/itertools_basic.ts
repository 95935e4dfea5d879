// Modules/itertoolsmodule.c (3.11): count (fast mode on a C counter while the start is an
// exact int and the step 1, else number objects), cycle (its saved list), repeat,
// accumulate, chain / chain.from_iterable (a tuple iterator over the arguments as source),
// compress, dropwhile, takewhile, filterfalse, starmap, islice (drops its iterator when
// exhausted), pairwise (a fresh pair each time in 3.11). Static GC types, as in 3.11, with
// CPython's sizes: getsizeof = basicsize + 16.

import { CLASS_GETITEM_DEF } from "../runtime/genericaliasobject.js";
import { PyObject, type VisitProc } from "../runtime/object.js";
import { decref, newRef, xdecref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { gcUntrack } from "../runtime/gcstate.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addMethods } from "../runtime/descrobject.js";
import { raise, OverflowErrorType, TypeErrorType, ValueErrorType } from "../runtime/exceptions.js";
import {
  callObject, callOneArg, callWithTuple, getIter, isTrue, numberAdd, numberAsSsize, reprText,
} from "../runtime/abstract.js";
import { isExactInt, newIntSsize, BoolType, type PyInt } from "../runtime/int.js";
import { newStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { listAppend, newList, type PyList } from "../runtime/list.js";
import { tupleFromBorrowed, tupleFromOwned, TupleType, type PyTuple } from "../runtime/tuple.js";
import { sequenceTuple } from "../runtime/tuplemethods.js";
import { ComplexType } from "../runtime/complex.js";
import { checkPositional } from "../runtime/getargs.js";
import type { PyDict } from "../runtime/dict.js";
import { allocTracked, freeTracked, noKwargsFor, parseNewArgs } from "./nativetype_util.js";
import { clearError, isPyError } from "./bltin_util.js";

const FLAGS = TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE;

/** A static iterator type of the module: iter(x) is x. */
export function iterType(name: string, basicsize: number, doc: string, flags = FLAGS): PyType {
  const t = newStaticType(`itertools.${name}`, basicsize, 0, flags);
  t.doc = doc;
  t.iter = (self) => newRef(self);
  return t;
}

/** A dealloc that untracks, releases the fields `clear` names, and frees. */
export function simpleDealloc(clear: (self: PyObject) => void): (self: PyObject) => void {
  return (self) => {
    gcUntrack(self);
    clear(self);
    freeTracked(self);
  };
}

/** Two positional arguments, no keywords: "name expected 2 arguments, got 1". */
function twoArgs(type: PyType, exact: PyType, name: string, args: PyTuple, kwargs: PyDict | null): [PyObject, PyObject] {
  noKwargsFor(type, exact, name, kwargs);
  checkPositional(name, args.items.length, 2, 2);
  return [args.items[0]!, args.items[1]!];
}

// ---------------------------------------------------------------------------
// count

export class PyCount extends PyObject {
  /** The C counter in fast mode; -1 marks slow mode (PY_SSIZE_T_MAX in CPython). */
  cnt: number;
  fast: boolean;
  longCnt: PyObject | null;
  longStep: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.cnt = 0;
    this.fast = false;
    this.longCnt = null;
    this.longStep = null;
  }
}

export const CountType = iterType("count", 40,
  "Return a count object whose .__next__() method returns consecutive values.\n\nEquivalent to:\n    def count(firstval=0, step=1):\n        x = firstval\n        while 1:\n            yield x\n            x += step");

/** PyNumber_Check */
function isNumber(o: PyObject): boolean {
  const t = o.type;
  return t.nbIndex !== null || t.nbInt !== null || t.nbFloat !== null || t.isSubtypeOf(ComplexType);
}

function isSmallFastInt(o: PyObject): boolean {
  if (!isExactInt(o)) return false;
  const v = o as PyInt;
  return v.big === null;
}

CountType.new_ = (type, args, kwargs) => {
  const [start, step] = parseNewArgs("count", args, kwargs, ["start", "step"], 0);
  if ((start !== null && !isNumber(start)) || (step !== null && !isNumber(step))) raise(TypeErrorType, "a number is required");
  let fast = (start === null || isSmallFastInt(start)) &&
    (step === null || (isExactInt(step) && (step as PyInt).big === null && (step as PyInt).value === 1));
  const c = allocTracked(new PyCount(type), type);
  c.longStep = step === null ? newIntSsize(1) : newRef(step);
  if (fast) {
    c.cnt = start === null ? 0 : (start as PyInt).value;
    if (c.cnt >= Number.MAX_SAFE_INTEGER) fast = false;
  }
  c.fast = fast;
  if (!fast) c.longCnt = start === null ? newIntSsize(0) : newRef(start);
  return c;
};

CountType.iternext = (self) => {
  const c = self as PyCount;
  if (c.fast) {
    if (c.cnt < Number.MAX_SAFE_INTEGER) return newIntSsize(c.cnt++);
    c.fast = false;
    c.longCnt = newIntSsize(c.cnt);
  }
  const stepped = numberAdd(c.longCnt!, c.longStep!);
  const returned = c.longCnt!;
  c.longCnt = stepped;
  return returned;
};

function countRepr(self: PyObject): PyObject {
  const c = self as PyCount;
  const name = self.type.qualname;
  if (c.fast) return newStr(`${name}(${c.cnt})`);
  const step = c.longStep!;
  if (isExactInt(step) && (step as PyInt).big === null && (step as PyInt).value === 1) return newStr(`${name}(${reprText(c.longCnt!)})`);
  return newStr(`${name}(${reprText(c.longCnt!)}, ${reprText(step)})`);
}
CountType.repr = countRepr;
CountType.traverse = (self, visit: VisitProc, arg) => {
  const c = self as PyCount;
  if (c.longCnt !== null) visit(c.longCnt, arg);
  if (c.longStep !== null) visit(c.longStep, arg);
};
CountType.dealloc = simpleDealloc((self) => {
  const c = self as PyCount;
  const a = c.longCnt, b = c.longStep;
  c.longCnt = null;
  c.longStep = null;
  xdecref(a);
  xdecref(b);
});
readyType(CountType);
addMethods(CountType, [{
  name: "__reduce__",
  kind: "noargs",
  fn: (self) => {
    const c = self as PyCount;
    const start = c.fast ? newIntSsize(c.cnt) : newRef(c.longCnt!);
    const step = c.longStep!;
    const unit = isExactInt(step) && (step as PyInt).big === null && (step as PyInt).value === 1;
    const args = unit ? tupleFromOwned([start]) : tupleFromOwned([start, newRef(step)]);
    return tupleFromOwned([newRef(self.type), args]);
  },
  doc: "Return state information for pickling.",
}]);

// ---------------------------------------------------------------------------
// cycle

export class PyCycle extends PyObject {
  it: PyObject | null;
  saved: PyList | null;
  index: number;
  firstpass: boolean;
  constructor(type: PyType) {
    super(type);
    this.it = null;
    this.saved = null;
    this.index = 0;
    this.firstpass = false;
  }
}

export const CycleType = iterType("cycle", 48, "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.");
CycleType.new_ = (type, args, kwargs) => {
  noKwargsFor(type, CycleType, "cycle", kwargs);
  checkPositional("cycle", args.items.length, 1, 1);
  const it = getIter(args.items[0]!);
  const saved = newList(0);
  const c = allocTracked(new PyCycle(type), type);
  c.it = it;
  c.saved = saved;
  return c;
};
CycleType.iternext = (self) => {
  const c = self as PyCycle;
  if (c.it !== null) {
    const item = c.it.type.iternext!(c.it);
    if (item !== null) {
      if (c.firstpass) return item;
      try {
        listAppend(c.saved!, item);
      } catch (e) {
        decref(item);
        throw e;
      }
      return item;
    }
    const it = c.it;
    c.it = null;
    decref(it);
  }
  const saved = c.saved!.items;
  if (saved.length === 0) return null;
  const item = saved[c.index]!;
  c.index++;
  if (c.index >= saved.length) c.index = 0;
  return newRef(item);
};
CycleType.traverse = (self, visit: VisitProc, arg) => {
  const c = self as PyCycle;
  if (c.it !== null) visit(c.it, arg);
  if (c.saved !== null) visit(c.saved, arg);
};
CycleType.dealloc = simpleDealloc((self) => {
  const c = self as PyCycle;
  const it = c.it, saved = c.saved;
  c.it = null;
  c.saved = null;
  xdecref(it);
  xdecref(saved);
});
readyType(CycleType);

// ---------------------------------------------------------------------------
// repeat

export class PyRepeat extends PyObject {
  element: PyObject | null;
  cnt: number;
  constructor(type: PyType) {
    super(type);
    this.element = null;
    this.cnt = -1;
  }
}

export const RepeatType = iterType("repeat", 32,
  "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly.");
RepeatType.new_ = (type, args, kwargs) => {
  const [element, times] = parseNewArgs("repeat", args, kwargs, ["object", "times"], 1);
  let cnt = -1;
  if (times !== null) {
    cnt = numberAsSsize(times, OverflowErrorType);
    if (cnt < 0) cnt = 0;
  }
  const r = allocTracked(new PyRepeat(type), type);
  r.element = newRef(element!);
  r.cnt = cnt;
  return r;
};
RepeatType.iternext = (self) => {
  const r = self as PyRepeat;
  if (r.cnt === 0) return null;
  if (r.cnt > 0) r.cnt--;
  return newRef(r.element!);
};
RepeatType.repr = (self) => {
  const r = self as PyRepeat;
  const name = self.type.qualname;
  if (r.cnt === -1) return newStr(`${name}(${reprText(r.element!)})`);
  return newStr(`${name}(${reprText(r.element!)}, ${r.cnt})`);
};
RepeatType.traverse = (self, visit: VisitProc, arg) => {
  const r = self as PyRepeat;
  if (r.element !== null) visit(r.element, arg);
};
RepeatType.dealloc = simpleDealloc((self) => {
  const r = self as PyRepeat;
  const e = r.element;
  r.element = null;
  xdecref(e);
});
readyType(RepeatType);
addMethods(RepeatType, [
  {
    name: "__length_hint__",
    kind: "noargs",
    fn: (self) => {
      const r = self as PyRepeat;
      if (r.cnt === -1) raise(TypeErrorType, "len() of unsized object");
      return newIntSsize(r.cnt);
    },
    doc: "Private method returning an estimate of len(list(it)).",
  },
  {
    name: "__reduce__",
    kind: "noargs",
    fn: (self) => {
      const r = self as PyRepeat;
      const args = r.cnt >= 0 ? tupleFromOwned([newRef(r.element!), newIntSsize(r.cnt)]) : tupleFromBorrowed([r.element!]);
      return tupleFromOwned([newRef(self.type), args]);
    },
    doc: "Return state information for pickling.",
  },
]);

// ---------------------------------------------------------------------------
// accumulate

export class PyAccumulate extends PyObject {
  total: PyObject | null;
  it: PyObject | null;
  binop: PyObject | null;
  initial: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.total = null;
    this.it = null;
    this.binop = null;
    this.initial = null;
  }
}

export const AccumulateType = iterType("accumulate", 48, "Return series of accumulated sums (or other binary function results).");
AccumulateType.new_ = (type, args, kwargs) => {
  const [iterable, func, initial] = parseNewArgs("accumulate", args, kwargs, ["iterable", "func", "initial"], 1, 0, 1);
  const it = getIter(iterable!);
  const a = allocTracked(new PyAccumulate(type), type);
  if (func !== null && func !== None) a.binop = newRef(func);
  a.initial = newRef(initial ?? None);
  a.it = it;
  return a;
};
AccumulateType.iternext = (self) => {
  const a = self as PyAccumulate;
  if (a.initial !== None) {
    a.total = a.initial;
    a.initial = newRef(None);
    return newRef(a.total!);
  }
  const val = a.it!.type.iternext!(a.it!);
  if (val === null) return null;
  if (a.total === null) {
    a.total = newRef(val);
    return val;
  }
  let newtotal: PyObject;
  try {
    newtotal = a.binop === null ? numberAdd(a.total, val) : callObject(a.binop, [a.total, val], 0, 2, null);
  } finally {
    decref(val);
  }
  const old = a.total;
  a.total = newtotal;
  decref(old);
  return newRef(newtotal);
};
AccumulateType.traverse = (self, visit: VisitProc, arg) => {
  const a = self as PyAccumulate;
  if (a.binop !== null) visit(a.binop, arg);
  if (a.it !== null) visit(a.it, arg);
  if (a.total !== null) visit(a.total, arg);
  if (a.initial !== null) visit(a.initial, arg);
};
AccumulateType.dealloc = simpleDealloc((self) => {
  const a = self as PyAccumulate;
  const b = a.binop, t = a.total, it = a.it, i = a.initial;
  a.binop = a.total = a.it = a.initial = null;
  xdecref(b);
  xdecref(t);
  xdecref(it);
  xdecref(i);
});
readyType(AccumulateType);

// ---------------------------------------------------------------------------
// chain

export class PyChain extends PyObject {
  source: PyObject | null;
  active: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.source = null;
    this.active = null;
  }
}

export const ChainType = iterType("chain", 32,
  "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted.");

function chainFromSource(type: PyType, source: PyObject): PyChain {
  const c = allocTracked(new PyChain(type), type);
  c.source = source;
  return c;
}

ChainType.new_ = (type, args, kwargs) => {
  noKwargsFor(type, ChainType, "chain", kwargs);
  const source = getIter(args);
  return chainFromSource(type, source);
};
ChainType.iternext = (self) => {
  const c = self as PyChain;
  while (c.source !== null) {
    if (c.active === null) {
      const iterable = c.source.type.iternext!(c.source);
      if (iterable === null) {
        const s = c.source;
        c.source = null;
        decref(s);
        return null;
      }
      try {
        c.active = getIter(iterable);
      } catch (e) {
        const s = c.source;
        c.source = null;
        decref(s);
        throw e;
      } finally {
        decref(iterable);
      }
    }
    const item = c.active.type.iternext!(c.active);
    if (item !== null) return item;
    const a = c.active;
    c.active = null;
    decref(a);
  }
  return null;
};
ChainType.traverse = (self, visit: VisitProc, arg) => {
  const c = self as PyChain;
  if (c.source !== null) visit(c.source, arg);
  if (c.active !== null) visit(c.active, arg);
};
ChainType.dealloc = simpleDealloc((self) => {
  const c = self as PyChain;
  const a = c.active, s = c.source;
  c.active = c.source = null;
  xdecref(a);
  xdecref(s);
});
readyType(ChainType);
addMethods(ChainType, [{
  name: "from_iterable",
  kind: "o",
  binding: "class",
  fn: (cls, arg) => chainFromSource(cls as PyType, getIter(arg)),
  doc: "Alternative chain() constructor taking a single iterable argument that evaluates lazily.",
}]);
addMethods(ChainType, [CLASS_GETITEM_DEF]);

// ---------------------------------------------------------------------------
// compress

export class PyTwoIters extends PyObject {
  a: PyObject | null;
  b: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.a = null;
    this.b = null;
  }
}

function twoItersTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const o = self as PyTwoIters;
  if (o.a !== null) visit(o.a, arg);
  if (o.b !== null) visit(o.b, arg);
}

const twoItersDealloc = simpleDealloc((self) => {
  const o = self as PyTwoIters;
  const a = o.a, b = o.b;
  o.a = o.b = null;
  xdecref(a);
  xdecref(b);
});

export const CompressType = iterType("compress", 32,
  "Return data elements corresponding to true selector elements.\n\nForms a shorter iterator from selected data elements using the selectors to\nchoose the data elements.");
CompressType.new_ = (type, args, kwargs) => {
  const [data, selectors] = parseNewArgs("compress", args, kwargs, ["data", "selectors"], 2);
  const d = getIter(data!);
  let s: PyObject;
  try {
    s = getIter(selectors!);
  } catch (e) {
    decref(d);
    throw e;
  }
  const c = allocTracked(new PyTwoIters(type), type);
  c.a = d;
  c.b = s;
  return c;
};
CompressType.iternext = (self) => {
  const c = self as PyTwoIters;
  const data = c.a!, selectors = c.b!;
  for (;;) {
    const datum = data.type.iternext!(data);
    if (datum === null) return null;
    let selector: PyObject | null;
    try {
      selector = selectors.type.iternext!(selectors);
    } catch (e) {
      decref(datum);
      throw e;
    }
    if (selector === null) {
      decref(datum);
      return null;
    }
    let ok: boolean;
    try {
      ok = isTrue(selector);
    } catch (e) {
      decref(datum);
      throw e;
    } finally {
      decref(selector);
    }
    if (ok) return datum;
    decref(datum);
  }
};
CompressType.traverse = twoItersTraverse;
CompressType.dealloc = twoItersDealloc;
readyType(CompressType);

// ---------------------------------------------------------------------------
// dropwhile / takewhile / filterfalse / starmap: (func, it)

export class PyPredicate extends PyObject {
  func: PyObject | null;
  it: PyObject | null;
  /** dropwhile's start / takewhile's stop. */
  flag: boolean;
  constructor(type: PyType) {
    super(type);
    this.func = null;
    this.it = null;
    this.flag = false;
  }
}

function predicateTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const o = self as PyPredicate;
  if (o.func !== null) visit(o.func, arg);
  if (o.it !== null) visit(o.it, arg);
}

const predicateDealloc = simpleDealloc((self) => {
  const o = self as PyPredicate;
  const f = o.func, it = o.it;
  o.func = o.it = null;
  xdecref(f);
  xdecref(it);
});

function predicateNew(exact: PyType, name: string): PyType["new_"] {
  return (type, args, kwargs) => {
    const [func, seq] = twoArgs(type, exact, name, args, kwargs);
    const it = getIter(seq);
    const o = allocTracked(new PyPredicate(type), type);
    o.func = newRef(func);
    o.it = it;
    return o;
  };
}

/** The truth of func(item), or of item itself for filterfalse's None/bool. */
function predicate(func: PyObject, item: PyObject): boolean {
  const good = callOneArg(func, item);
  try {
    return isTrue(good);
  } finally {
    decref(good);
  }
}

function withItem<T>(item: PyObject, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    decref(item);
    throw e;
  }
}

export const DropWhileType = iterType("dropwhile", 40,
  "Drop items from the iterable while predicate(item) is true.\n\nAfterwards, return every element until the iterable is exhausted.");
DropWhileType.new_ = predicateNew(DropWhileType, "dropwhile");
DropWhileType.iternext = (self) => {
  const o = self as PyPredicate;
  const it = o.it!;
  for (;;) {
    const item = it.type.iternext!(it);
    if (item === null) return null;
    if (o.flag) return item;
    const ok = withItem(item, () => predicate(o.func!, item));
    if (!ok) {
      o.flag = true;
      return item;
    }
    decref(item);
  }
};
DropWhileType.traverse = predicateTraverse;
DropWhileType.dealloc = predicateDealloc;
readyType(DropWhileType);

export const TakeWhileType = iterType("takewhile", 40, "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.");
TakeWhileType.new_ = predicateNew(TakeWhileType, "takewhile");
TakeWhileType.iternext = (self) => {
  const o = self as PyPredicate;
  if (o.flag) return null;
  const it = o.it!;
  const item = it.type.iternext!(it);
  if (item === null) return null;
  const ok = withItem(item, () => predicate(o.func!, item));
  if (ok) return item;
  decref(item);
  o.flag = true;
  return null;
};
TakeWhileType.traverse = predicateTraverse;
TakeWhileType.dealloc = predicateDealloc;
readyType(TakeWhileType);

export const FilterFalseType = iterType("filterfalse", 32,
  "Return those items of iterable for which function(item) is false.\n\nIf function is None, return the items that are false.");
FilterFalseType.new_ = predicateNew(FilterFalseType, "filterfalse");
FilterFalseType.iternext = (self) => {
  const o = self as PyPredicate;
  const it = o.it!;
  const func = o.func!;
  const plain = func === None || func === BoolType;
  for (;;) {
    const item = it.type.iternext!(it);
    if (item === null) return null;
    const ok = withItem(item, () => (plain ? isTrue(item) : predicate(func, item)));
    if (!ok) return item;
    decref(item);
  }
};
FilterFalseType.traverse = predicateTraverse;
FilterFalseType.dealloc = predicateDealloc;
readyType(FilterFalseType);

export const StarMapType = iterType("starmap", 32,
  "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.");
StarMapType.new_ = predicateNew(StarMapType, "starmap");
StarMapType.iternext = (self) => {
  const o = self as PyPredicate;
  const it = o.it!;
  let args = it.type.iternext!(it);
  if (args === null) return null;
  if (args.type !== TupleType) {
    const t = withItem(args, () => sequenceTuple(args!));
    decref(args);
    args = t;
  }
  try {
    return callWithTuple(o.func!, args as PyTuple, null);
  } finally {
    decref(args);
  }
};
StarMapType.traverse = predicateTraverse;
StarMapType.dealloc = predicateDealloc;
readyType(StarMapType);

// ---------------------------------------------------------------------------
// islice

export class PyISlice extends PyObject {
  it: PyObject | null;
  next: number;
  stop: number;
  step: number;
  cnt: number;
  constructor(type: PyType) {
    super(type);
    this.it = null;
    this.next = 0;
    this.stop = -1;
    this.step = 1;
    this.cnt = 0;
  }
}

export const ISliceType = iterType("islice", 56,
  "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object\n\nReturn an iterator whose next() method returns selected values from an\niterable.  If start is specified, will skip all preceding elements;\notherwise, start defaults to zero.  Step defaults to one.  If\nspecified as another value, step defaults to one.  Elements are\nreturned only when their index is equal to start + step * k for some\nk = 0, 1, 2, ...");

const STOP_MSG = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/** PyNumber_AsSsize_t(o, OverflowError) with the error cleared: -1 on failure. */
function ssizeOrMinusOne(o: PyObject): number {
  try {
    return numberAsSsize(o, OverflowErrorType);
  } catch (e) {
    if (isPyError(e, TypeErrorType) || isPyError(e, OverflowErrorType)) {
      clearError(e);
      return -1;
    }
    throw e;
  }
}

ISliceType.new_ = (type, args, kwargs) => {
  noKwargsFor(type, ISliceType, "islice", kwargs);
  const n = args.items.length;
  checkPositional("islice", n, 2, 4);
  const seq = args.items[0]!;
  const a1 = args.items[1]!;
  let start = 0, stop = -1, step = 1;
  if (n === 2) {
    if (a1 !== None) {
      stop = ssizeOrMinusOne(a1);
      if (stop === -1) raise(ValueErrorType, STOP_MSG);
    }
  } else {
    const a2 = args.items[2]!;
    if (a1 !== None) start = ssizeOrMinusOne(a1);
    if (a2 !== None) {
      stop = ssizeOrMinusOne(a2);
      if (stop === -1) raise(ValueErrorType, STOP_MSG);
    }
  }
  if (start < 0 || stop < -1) raise(ValueErrorType, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (n === 4) {
    const a3 = args.items[3]!;
    if (a3 !== None) step = ssizeOrMinusOne(a3);
  }
  if (step < 1) raise(ValueErrorType, "Step for islice() must be a positive integer or None.");
  const it = getIter(seq);
  const o = allocTracked(new PyISlice(type), type);
  o.it = it;
  o.next = start;
  o.stop = stop;
  o.step = step;
  o.cnt = 0;
  return o;
};

function isliceEmpty(o: PyISlice): null {
  const it = o.it;
  o.it = null;
  xdecref(it);
  return null;
}

ISliceType.iternext = (self) => {
  const o = self as PyISlice;
  const it = o.it;
  if (it === null) return null;
  const stop = o.stop;
  const iternext = it.type.iternext!;
  while (o.cnt < o.next) {
    const item = iternext(it);
    if (item === null) return isliceEmpty(o);
    decref(item);
    o.cnt++;
  }
  if (stop !== -1 && o.cnt >= stop) return isliceEmpty(o);
  const item = iternext(it);
  if (item === null) return isliceEmpty(o);
  o.cnt++;
  const oldnext = o.next;
  o.next += o.step;
  if (o.next < oldnext || (stop !== -1 && o.next > stop)) o.next = stop;
  return item;
};
ISliceType.traverse = (self, visit: VisitProc, arg) => {
  const o = self as PyISlice;
  if (o.it !== null) visit(o.it, arg);
};
ISliceType.dealloc = simpleDealloc((self) => {
  const o = self as PyISlice;
  const it = o.it;
  o.it = null;
  xdecref(it);
});
readyType(ISliceType);

// ---------------------------------------------------------------------------
// pairwise

export const PairwiseType = iterType("pairwise", 32,
  "Return an iterator of overlapping pairs taken from the input iterator.\n\n    s -> (s0,s1), (s1,s2), (s2, s3), ...");
PairwiseType.new_ = (type, args, kwargs) => {
  noKwargsFor(type, PairwiseType, "pairwise", kwargs);
  checkPositional("pairwise", args.items.length, 1, 1);
  const it = getIter(args.items[0]!);
  const o = allocTracked(new PyTwoIters(type), type);
  o.a = it;
  return o;
};
PairwiseType.iternext = (self) => {
  const o = self as PyTwoIters;
  const it = o.a;
  if (it === null) return null;
  let old = o.b;
  if (old === null) {
    old = it.type.iternext!(it);
    o.b = old;
    if (old === null) {
      o.a = null;
      decref(it);
      return null;
    }
  }
  const nw = it.type.iternext!(it);
  if (nw === null) {
    o.a = null;
    decref(it);
    const b = o.b;
    o.b = null;
    xdecref(b);
    return null;
  }
  const result = tupleFromBorrowed([old, nw]);
  o.b = nw;
  decref(old);
  return result;
};
PairwiseType.traverse = twoItersTraverse;
PairwiseType.dealloc = twoItersDealloc;
readyType(PairwiseType);

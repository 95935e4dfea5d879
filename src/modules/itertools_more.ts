// Modules/itertoolsmodule.c (3.11): groupby / _grouper (the parent's currgrouper is a
// borrowed pointer), tee / _tee / _tee_dataobject (57 values per 496-byte link, links
// chained by nextlink), zip_longest (recycled result tuple; exhausted iterators leave NULL
// slots in ittuple), product / permutations / combinations / combinations_with_replacement
// (pools as tuples, index arrays in PyMem blocks counted by __sizeof__, recycled result
// tuples).

import { PyObject, type VisitProc } from "../runtime/object.js";
import { allocator } from "../runtime/heap.js";
import { gcIsTracked, gcTrack } from "../runtime/gcstate.js";
import { decref, incref, newRef, xdecref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { readyType } from "../runtime/typeroots.js";
import { addMethods } from "../runtime/descrobject.js";
import { raise, RuntimeErrorType, TypeErrorType, ValueErrorType, OverflowErrorType } from "../runtime/exceptions.js";
import { callNoArgs, callOneArg, getIter, lookupAttr, numberAsSsize, richCompareBool } from "../runtime/abstract.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import { CMP_EQ } from "../runtime/type.js";
import { dictGetItemStr, dictLength, isDict, type PyDict } from "../runtime/dict.js";
import { isInt, newIntSsize } from "../runtime/int.js";
import { staticStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { tupleAllocForFill, tupleEmpty, tupleFromBorrowed, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import { sequenceTuple } from "../runtime/tuplemethods.js";
import { DOMAIN_MEM } from "../memory/index.js";
import { allocTracked, parseNewArgs } from "./nativetype_util.js";
import { iterType, simpleDealloc } from "./itertools_basic.js";

// ---------------------------------------------------------------------------
// groupby

export class PyGroupBy extends PyObject {
  it: PyObject | null;
  keyfunc: PyObject | null;
  tgtkey: PyObject | null;
  currkey: PyObject | null;
  currvalue: PyObject | null;
  /** Borrowed: the grouper handed out last. */
  currgrouper: PyGrouper | null;
  constructor(type: PyType) {
    super(type);
    this.it = null;
    this.keyfunc = null;
    this.tgtkey = null;
    this.currkey = null;
    this.currvalue = null;
    this.currgrouper = null;
  }
}

export class PyGrouper extends PyObject {
  parent: PyGroupBy | null;
  tgtkey: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.parent = null;
    this.tgtkey = null;
  }
}

export const GroupByType = iterType("groupby", 64,
  "make an iterator that returns consecutive keys and groups from the iterable\n\n  iterable\n    Elements to divide into groups according to the key function.\n  key\n    A function for computing the group category for each element.\n    If the key function is not specified or is None, the element itself\n    is used for grouping.");
export const GrouperType = iterType("_grouper", 32, "", TPFLAGS_HAVE_GC);

GroupByType.new_ = (type, args, kwargs) => {
  const [iterable, key] = parseNewArgs("groupby", args, kwargs, ["iterable", "key"], 1);
  const it = getIter(iterable!);
  const g = allocTracked(new PyGroupBy(type), type);
  g.keyfunc = newRef(key ?? None);
  g.it = it;
  return g;
};

function groupbyStep(g: PyGroupBy): boolean {
  const newvalue = g.it!.type.iternext!(g.it!);
  if (newvalue === null) return false;
  let newkey: PyObject;
  if (g.keyfunc === None) {
    newkey = newRef(newvalue);
  } else {
    try {
      newkey = callOneArg(g.keyfunc!, newvalue);
    } catch (e) {
      decref(newvalue);
      throw e;
    }
  }
  const oldvalue = g.currvalue;
  g.currvalue = newvalue;
  const oldkey = g.currkey;
  g.currkey = newkey;
  xdecref(oldkey);
  xdecref(oldvalue);
  return true;
}

GroupByType.iternext = (self) => {
  const g = self as PyGroupBy;
  g.currgrouper = null;
  for (;;) {
    if (g.currkey !== null) {
      if (g.tgtkey === null) break;
      if (!richCompareBool(g.tgtkey, g.currkey, CMP_EQ)) break;
    }
    if (!groupbyStep(g)) return null;
  }
  const old = g.tgtkey;
  g.tgtkey = newRef(g.currkey!);
  xdecref(old);
  const grouper = allocTracked(new PyGrouper(GrouperType), GrouperType);
  grouper.parent = newRef(g);
  grouper.tgtkey = newRef(g.tgtkey);
  g.currgrouper = grouper;
  const r = tupleFromBorrowed([g.currkey!, grouper]);
  decref(grouper);
  return r;
};
GroupByType.traverse = (self, visit: VisitProc, arg) => {
  const g = self as PyGroupBy;
  if (g.it !== null) visit(g.it, arg);
  if (g.keyfunc !== null) visit(g.keyfunc, arg);
  if (g.tgtkey !== null) visit(g.tgtkey, arg);
  if (g.currkey !== null) visit(g.currkey, arg);
  if (g.currvalue !== null) visit(g.currvalue, arg);
};
GroupByType.dealloc = simpleDealloc((self) => {
  const g = self as PyGroupBy;
  const fields = [g.it, g.keyfunc, g.tgtkey, g.currkey, g.currvalue];
  g.it = g.keyfunc = g.tgtkey = g.currkey = g.currvalue = null;
  for (const f of fields) xdecref(f);
});
readyType(GroupByType);

GrouperType.iternext = (self) => {
  const igo = self as PyGrouper;
  const g = igo.parent!;
  if (g.currgrouper !== igo) return null;
  if (g.currvalue === null && !groupbyStep(g)) return null;
  if (!richCompareBool(igo.tgtkey!, g.currkey!, CMP_EQ)) return null;
  const r = g.currvalue!;
  g.currvalue = null;
  const k = g.currkey;
  g.currkey = null;
  xdecref(k);
  return r;
};
GrouperType.traverse = (self, visit: VisitProc, arg) => {
  const igo = self as PyGrouper;
  if (igo.parent !== null) visit(igo.parent, arg);
  if (igo.tgtkey !== null) visit(igo.tgtkey, arg);
};
GrouperType.dealloc = simpleDealloc((self) => {
  const igo = self as PyGrouper;
  const p = igo.parent, k = igo.tgtkey;
  igo.parent = null;
  igo.tgtkey = null;
  xdecref(p);
  xdecref(k);
});
readyType(GrouperType);

// ---------------------------------------------------------------------------
// tee

const LINKCELLS = 57;

export class PyTeeData extends PyObject {
  it: PyObject | null;
  numread: number;
  running: boolean;
  nextlink: PyTeeData | null;
  values: (PyObject | null)[];
  constructor(type: PyType) {
    super(type);
    this.it = null;
    this.numread = 0;
    this.running = false;
    this.nextlink = null;
    this.values = [];
  }
}

export class PyTee extends PyObject {
  dataobj: PyTeeData | null;
  index: number;
  constructor(type: PyType) {
    super(type);
    this.dataobj = null;
    this.index = 0;
  }
}

export const TeeDataType = iterType("_tee_dataobject", 16 + 8 + 8 + 8 + LINKCELLS * 8, "teedataobject(iterable, values, next, /)\n--\n\nData container common to multiple tee objects.", TPFLAGS_HAVE_GC);
TeeDataType.iter = null;
export const TeeType = iterType("_tee", 40, "Iterator wrapped to make it copyable.", TPFLAGS_HAVE_GC);
TeeType.weaklistoffset = 32;

function newTeeData(it: PyObject): PyTeeData {
  const t = allocTracked(new PyTeeData(TeeDataType), TeeDataType);
  t.it = newRef(it);
  return t;
}

function teeDataGetItem(tdo: PyTeeData, i: number): PyObject | null {
  if (i < tdo.numread) return newRef(tdo.values[i]!);
  if (tdo.running) raise(RuntimeErrorType, "cannot re-enter the tee iterator");
  tdo.running = true;
  let value: PyObject | null;
  try {
    value = tdo.it!.type.iternext!(tdo.it!);
  } finally {
    tdo.running = false;
  }
  if (value === null) return null;
  tdo.numread++;
  tdo.values[i] = value;
  return newRef(value);
}

/** teedataobject_safe_decref: a chain of links freed one by one, not recursively. */
function safeDecref(obj: PyTeeData | null): void {
  while (obj !== null && obj.refcnt === 1) {
    const next = obj.nextlink;
    obj.nextlink = null;
    decref(obj);
    obj = next;
  }
  if (obj !== null) decref(obj);
}

function teeDataClear(self: PyObject): void {
  const tdo = self as PyTeeData;
  const it = tdo.it;
  tdo.it = null;
  xdecref(it);
  const n = tdo.numread;
  for (let i = 0; i < n; i++) {
    const v = tdo.values[i] ?? null;
    tdo.values[i] = null;
    xdecref(v);
  }
  const next = tdo.nextlink;
  tdo.nextlink = null;
  safeDecref(next);
}

TeeDataType.traverse = (self, visit: VisitProc, arg) => {
  const tdo = self as PyTeeData;
  if (tdo.it !== null) visit(tdo.it, arg);
  for (let i = 0; i < tdo.numread; i++) {
    const v = tdo.values[i];
    if (v !== null && v !== undefined) visit(v, arg);
  }
  if (tdo.nextlink !== null) visit(tdo.nextlink, arg);
};
TeeDataType.clear = teeDataClear;
TeeDataType.dealloc = simpleDealloc(teeDataClear);
readyType(TeeDataType);

function teeCopy(to: PyTee): PyTee {
  const n = allocTracked(new PyTee(TeeType), TeeType);
  n.dataobj = newRef(to.dataobj!);
  n.index = to.index;
  return n;
}

function teeFromIterable(iterable: PyObject): PyTee {
  const it = getIter(iterable);
  try {
    if (it.type === TeeType) return teeCopy(it as PyTee);
    const to = allocTracked(new PyTee(TeeType), TeeType);
    to.dataobj = newTeeData(it);
    return to;
  } finally {
    decref(it);
  }
}

TeeType.new_ = (_type, args, kwargs) => {
  const [iterable] = parseNewArgs("_tee", args, kwargs, ["iterable"], 1, 1);
  return teeFromIterable(iterable!);
};
TeeType.iternext = (self) => {
  const to = self as PyTee;
  if (to.index >= LINKCELLS) {
    const tdo = to.dataobj!;
    if (tdo.nextlink === null) tdo.nextlink = newTeeData(tdo.it!);
    const link = newRef(tdo.nextlink);
    to.dataobj = link;
    decref(tdo);
    to.index = 0;
  }
  const value = teeDataGetItem(to.dataobj!, to.index);
  if (value === null) return null;
  to.index++;
  return value;
};
function teeClear(self: PyObject): void {
  const to = self as PyTee;
  const d = to.dataobj;
  to.dataobj = null;
  xdecref(d);
}
TeeType.traverse = (self, visit: VisitProc, arg) => {
  const to = self as PyTee;
  if (to.dataobj !== null) visit(to.dataobj, arg);
};
TeeType.clear = teeClear;
TeeType.dealloc = simpleDealloc((self) => {
  if (self.weakrefList !== null) clearWeakrefs(self);
  teeClear(self);
});
readyType(TeeType);
addMethods(TeeType, [{ name: "__copy__", kind: "noargs", fn: (self) => teeCopy(self as PyTee), doc: "Returns an independent iterator." }]);

/** itertools.tee(iterable, n=2) */
export function itertoolsTee(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length !== 0) raise(TypeErrorType, "tee() takes no keyword arguments");
  if (nargs < 1 || nargs > 2) {
    raise(TypeErrorType, nargs < 1 ? `tee expected at least 1 argument, got ${nargs}` : `tee expected at most 2 arguments, got ${nargs}`);
  }
  const n = nargs === 2 ? numberAsSsize(args[start + 1]!, OverflowErrorType) : 2;
  if (n < 0) raise(ValueErrorType, "n must be >= 0");
  if (n === 0) return tupleEmpty();
  const result = tupleAllocForFill(n);
  try {
    const it = getIter(args[start]!);
    let copyable: PyObject;
    let copyfunc: PyObject | null;
    try {
      copyfunc = lookupAttrOrNull(it, "__copy__");
      if (copyfunc !== null) {
        copyable = newRef(it);
      } else {
        copyable = teeFromIterable(it);
        copyfunc = lookupAttrOrNull(copyable, "__copy__")!;
      }
    } finally {
      decref(it);
    }
    result.items[0] = copyable;
    try {
      for (let i = 1; i < n; i++) result.items[i] = callNoArgs(copyfunc);
    } finally {
      decref(copyfunc);
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function lookupAttrOrNull(o: PyObject, name: string): PyObject | null {
  return lookupAttr(o, staticStr(name));
}

// ---------------------------------------------------------------------------
// zip_longest

export class PyZipLongest extends PyObject {
  tuplesize: number;
  numactive: number;
  ittuple: PyTuple | null;
  result: PyTuple | null;
  fillvalue: PyObject | null;
  constructor(type: PyType) {
    super(type);
    this.tuplesize = 0;
    this.numactive = 0;
    this.ittuple = null;
    this.result = null;
    this.fillvalue = null;
  }
}

export const ZipLongestType = iterType("zip_longest", 56,
  "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object\n\nReturn a zip_longest object whose .__next__() method returns a tuple where\nthe i-th element comes from the i-th iterable argument.  The .__next__()\nmethod continues until the longest iterable in the argument sequence\nis exhausted and then it raises StopIteration.  When the shorter iterables\nare exhausted, the fillvalue is substituted in their place.  The fillvalue\ndefaults to None or can be specified by a keyword argument.");

ZipLongestType.new_ = (type, args, kwargs) => {
  let fillvalue: PyObject = None;
  if (kwargs !== null && isDict(kwargs) && dictLength(kwargs) > 0) {
    const v = dictLength(kwargs) === 1 ? dictGetItemStr(kwargs as PyDict, staticStr("fillvalue")) : null;
    if (v === null) raise(TypeErrorType, "zip_longest() got an unexpected keyword argument");
    fillvalue = v;
  }
  const n = args.items.length;
  const iters: PyObject[] = [];
  try {
    for (let i = 0; i < n; i++) iters.push(getIter(args.items[i]!));
  } catch (e) {
    for (const it of iters) decref(it);
    throw e;
  }
  const ittuple = tupleFromOwned(iters);
  const result = tupleFromOwned(Array.from({ length: n }, () => newRef(None)));
  const z = allocTracked(new PyZipLongest(type), type);
  z.ittuple = ittuple;
  z.tuplesize = n;
  z.numactive = n;
  z.result = result;
  z.fillvalue = newRef(fillvalue);
  return z;
};

/** One slot's next value, or null when the whole iteration has ended. */
function zipLongestItem(z: PyZipLongest, i: number): PyObject | null {
  const slots = z.ittuple!.items as (PyObject | null)[];
  const it = slots[i] ?? null;
  if (it === null) return newRef(z.fillvalue!);
  let item: PyObject | null;
  try {
    item = it.type.iternext!(it);
  } catch (e) {
    z.numactive = 0;
    throw e;
  }
  if (item !== null) return item;
  z.numactive -= 1;
  if (z.numactive === 0) return null;
  slots[i] = null;
  decref(it);
  return newRef(z.fillvalue!);
}

ZipLongestType.iternext = (self) => {
  const z = self as PyZipLongest;
  const n = z.tuplesize;
  if (n === 0 || z.numactive === 0) return null;
  let result = z.result!;
  if (result.refcnt === 1) {
    incref(result);
    for (let i = 0; i < n; i++) {
      let item: PyObject | null;
      try {
        item = zipLongestItem(z, i);
      } catch (e) {
        decref(result);
        throw e;
      }
      if (item === null) {
        decref(result);
        return null;
      }
      const old = result.items[i]!;
      result.items[i] = item;
      decref(old);
    }
    if (!gcIsTracked(result)) gcTrack(result);
    return result;
  }
  const items: PyObject[] = [];
  for (let i = 0; i < n; i++) {
    let item: PyObject | null;
    try {
      item = zipLongestItem(z, i);
    } catch (e) {
      for (const x of items) decref(x);
      throw e;
    }
    if (item === null) {
      for (const x of items) decref(x);
      return null;
    }
    items.push(item);
  }
  result = tupleFromOwned(items);
  return result;
};
ZipLongestType.traverse = (self, visit: VisitProc, arg) => {
  const z = self as PyZipLongest;
  if (z.ittuple !== null) visit(z.ittuple, arg);
  if (z.result !== null) visit(z.result, arg);
  if (z.fillvalue !== null) visit(z.fillvalue, arg);
};
ZipLongestType.dealloc = simpleDealloc((self) => {
  const z = self as PyZipLongest;
  const a = z.ittuple, b = z.result, c = z.fillvalue;
  z.ittuple = z.result = null;
  z.fillvalue = null;
  xdecref(a);
  xdecref(b);
  xdecref(c);
});
readyType(ZipLongestType);

// ---------------------------------------------------------------------------
// product, permutations, combinations, combinations_with_replacement

export class PyCombinatoric extends PyObject {
  /** product: the tuple of pools; the others: the one pool tuple. */
  pool: PyTuple | null;
  indices: number[];
  cycles: number[];
  /** PyMem blocks holding indices / cycles (0 = none). */
  indicesBlock: number;
  cyclesBlock: number;
  result: PyTuple | null;
  r: number;
  stopped: boolean;
  constructor(type: PyType) {
    super(type);
    this.pool = null;
    this.indices = [];
    this.cycles = [];
    this.indicesBlock = 0;
    this.cyclesBlock = 0;
    this.result = null;
    this.r = 0;
    this.stopped = false;
  }
}

function memArray(n: number): number {
  return allocator.malloc(DOMAIN_MEM, n * 8);
}

function combTraverse(self: PyObject, visit: VisitProc, arg: unknown): void {
  const c = self as PyCombinatoric;
  if (c.pool !== null) visit(c.pool, arg);
  if (c.result !== null) visit(c.result, arg);
}

const combDealloc = simpleDealloc((self) => {
  const c = self as PyCombinatoric;
  const p = c.pool, r = c.result;
  c.pool = null;
  c.result = null;
  xdecref(p);
  xdecref(r);
  if (c.indicesBlock !== 0) allocator.free(DOMAIN_MEM, c.indicesBlock);
  if (c.cyclesBlock !== 0) allocator.free(DOMAIN_MEM, c.cyclesBlock);
  c.indicesBlock = c.cyclesBlock = 0;
});

/** The result tuple, copied first when somebody else still holds the last one. */
function ownResult(c: PyCombinatoric): PyTuple {
  let result = c.result!;
  if (result.refcnt > 1) {
    const copy = tupleFromBorrowed(result.items);
    c.result = copy;
    decref(result);
    result = copy;
  } else if (!gcIsTracked(result)) {
    gcTrack(result);
  }
  return result;
}

function setSlot(result: PyTuple, i: number, elem: PyObject): void {
  const old = result.items[i];
  result.items[i] = newRef(elem);
  if (old !== undefined && old !== null) decref(old);
}

function combSizeof(extra: (c: PyCombinatoric) => number): (self: PyObject) => PyObject {
  return (self) => newIntSsize(self.type.basicsize + extra(self as PyCombinatoric) * 8);
}

export const ProductType = iterType("product", 48,
  "product(*iterables, repeat=1) --> product object\n\nCartesian product of input iterables.  Equivalent to nested for-loops.");
ProductType.new_ = (type, args, kwargs) => {
  let repeat = 1;
  if (kwargs !== null) {
    const [r] = parseNewArgs("product", tupleFromOwned([]), kwargs, ["repeat"], 0, 0, 1);
    if (r !== null) repeat = numberAsSsize(r, OverflowErrorType);
    if (repeat < 0) raise(ValueErrorType, "repeat argument cannot be negative");
  }
  const nargs = repeat === 0 ? 0 : args.items.length;
  const npools = nargs * repeat;
  const indicesBlock = memArray(npools);
  const pools: PyObject[] = [];
  try {
    for (let i = 0; i < nargs; i++) pools.push(sequenceTuple(args.items[i]!));
  } catch (e) {
    for (const p of pools) decref(p);
    allocator.free(DOMAIN_MEM, indicesBlock);
    throw e;
  }
  for (let i = nargs; i < npools; i++) pools.push(newRef(pools[i - nargs]!));
  const c = allocTracked(new PyCombinatoric(type), type);
  c.pool = tupleFromOwned(pools);
  c.indices = new Array<number>(npools).fill(0);
  c.indicesBlock = indicesBlock;
  return c;
};
ProductType.iternext = (self) => {
  const c = self as PyCombinatoric;
  if (c.stopped) return null;
  const pools = c.pool!.items as PyTuple[];
  const npools = pools.length;
  let result = c.result;
  if (result === null) {
    result = tupleAllocForFill(npools);
    c.result = result;
    for (let i = 0; i < npools; i++) {
      const pool = pools[i]!;
      if (pool.items.length === 0) {
        c.stopped = true;
        return null;
      }
      result.items[i] = newRef(pool.items[0]!);
    }
  } else {
    result = ownResult(c);
    const indices = c.indices;
    let i = npools - 1;
    for (; i >= 0; i--) {
      const pool = pools[i]!;
      indices[i]!++;
      if (indices[i] === pool.items.length) {
        indices[i] = 0;
        setSlot(result, i, pool.items[0]!);
      } else {
        setSlot(result, i, pool.items[indices[i]!]!);
        break;
      }
    }
    if (i < 0) {
      c.stopped = true;
      return null;
    }
  }
  return newRef(result);
};
ProductType.traverse = combTraverse;
ProductType.dealloc = combDealloc;
readyType(ProductType);
addMethods(ProductType, [{ name: "__sizeof__", kind: "noargs", fn: combSizeof((c) => c.pool!.items.length), doc: "Returns size in memory, in bytes." }]);

/** PySequence_Tuple of the iterable: the pool. */
function makePool(iterable: PyObject): PyTuple {
  return sequenceTuple(iterable);
}

export const CombinationsType = iterType("combinations", 56, "Return successive r-length combinations of elements in the iterable.\n\ncombinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)");
CombinationsType.new_ = (type, args, kwargs) => {
  const [iterable, robj] = parseNewArgs("combinations", args, kwargs, ["iterable", "r"], 2);
  const pool = makePool(iterable!);
  let r: number;
  try {
    r = numberAsSsize(robj!, OverflowErrorType);
    if (r < 0) raise(ValueErrorType, "r must be non-negative");
  } catch (e) {
    decref(pool);
    throw e;
  }
  const c = allocTracked(new PyCombinatoric(type), type);
  c.pool = pool;
  c.indicesBlock = memArray(r);
  c.indices = Array.from({ length: r }, (_, i) => i);
  c.r = r;
  c.stopped = r > pool.items.length;
  return c;
};
CombinationsType.iternext = (self) => {
  const c = self as PyCombinatoric;
  if (c.stopped) return null;
  const pool = c.pool!.items;
  const n = pool.length, r = c.r;
  const indices = c.indices;
  let result = c.result;
  if (result === null) {
    result = tupleAllocForFill(r);
    c.result = result;
    for (let i = 0; i < r; i++) result.items[i] = newRef(pool[indices[i]!]!);
  } else {
    result = ownResult(c);
    let i = r - 1;
    while (i >= 0 && indices[i] === i + n - r) i--;
    if (i < 0) {
      c.stopped = true;
      return null;
    }
    indices[i]!++;
    for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1]! + 1;
    for (; i < r; i++) setSlot(result, i, pool[indices[i]!]!);
  }
  return newRef(result);
};
CombinationsType.traverse = combTraverse;
CombinationsType.dealloc = combDealloc;
readyType(CombinationsType);
addMethods(CombinationsType, [{ name: "__sizeof__", kind: "noargs", fn: combSizeof((c) => c.r), doc: "Returns size in memory, in bytes." }]);

export const CwrType = iterType("combinations_with_replacement", 56, "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\ncombinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')");
CwrType.new_ = (type, args, kwargs) => {
  const [iterable, robj] = parseNewArgs("combinations_with_replacement", args, kwargs, ["iterable", "r"], 2);
  const pool = makePool(iterable!);
  let r: number;
  try {
    r = numberAsSsize(robj!, OverflowErrorType);
    if (r < 0) raise(ValueErrorType, "r must be non-negative");
  } catch (e) {
    decref(pool);
    throw e;
  }
  const c = allocTracked(new PyCombinatoric(type), type);
  c.pool = pool;
  c.indicesBlock = memArray(r);
  c.indices = new Array<number>(r).fill(0);
  c.r = r;
  c.stopped = pool.items.length === 0 && r > 0;
  return c;
};
CwrType.iternext = (self) => {
  const c = self as PyCombinatoric;
  if (c.stopped) return null;
  const pool = c.pool!.items;
  const n = pool.length, r = c.r;
  const indices = c.indices;
  let result = c.result;
  if (result === null) {
    result = tupleAllocForFill(r);
    c.result = result;
    if (n > 0) for (let i = 0; i < r; i++) result.items[i] = newRef(pool[0]!);
  } else {
    result = ownResult(c);
    let i = r - 1;
    while (i >= 0 && indices[i] === n - 1) i--;
    if (i < 0) {
      c.stopped = true;
      return null;
    }
    const index = indices[i]! + 1;
    const elem = pool[index]!;
    for (; i < r; i++) {
      indices[i] = index;
      setSlot(result, i, elem);
    }
  }
  return newRef(result);
};
CwrType.traverse = combTraverse;
CwrType.dealloc = combDealloc;
readyType(CwrType);
addMethods(CwrType, [{ name: "__sizeof__", kind: "noargs", fn: combSizeof((c) => c.r), doc: "Returns size in memory, in bytes." }]);

export const PermutationsType = iterType("permutations", 64, "Return successive r-length permutations of elements in the iterable.\n\npermutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)");
PermutationsType.new_ = (type, args, kwargs) => {
  const [iterable, robj] = parseNewArgs("permutations", args, kwargs, ["iterable", "r"], 1);
  const pool = makePool(iterable!);
  const n = pool.items.length;
  let r = n;
  try {
    if (robj !== null && robj !== None) {
      if (!isInt(robj)) raise(TypeErrorType, "Expected int as r");
      r = numberAsSsize(robj, OverflowErrorType);
    }
    if (r < 0) raise(ValueErrorType, "r must be non-negative");
  } catch (e) {
    decref(pool);
    throw e;
  }
  const c = allocTracked(new PyCombinatoric(type), type);
  c.pool = pool;
  c.indicesBlock = memArray(n);
  c.cyclesBlock = memArray(r);
  c.indices = Array.from({ length: n }, (_, i) => i);
  c.cycles = Array.from({ length: r }, (_, i) => n - i);
  c.r = r;
  c.stopped = r > n;
  return c;
};
PermutationsType.iternext = (self) => {
  const c = self as PyCombinatoric;
  if (c.stopped) return null;
  const pool = c.pool!.items;
  const n = pool.length, r = c.r;
  const indices = c.indices, cycles = c.cycles;
  let result = c.result;
  if (result === null) {
    result = tupleAllocForFill(r);
    c.result = result;
    for (let i = 0; i < r; i++) result.items[i] = newRef(pool[indices[i]!]!);
  } else {
    if (n === 0) {
      c.stopped = true;
      return null;
    }
    result = ownResult(c);
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i]!--;
      if (cycles[i] === 0) {
        const index = indices[i]!;
        for (let j = i; j < n - 1; j++) indices[j] = indices[j + 1]!;
        indices[n - 1] = index;
        cycles[i] = n - i;
      } else {
        const j = cycles[i]!;
        const index = indices[i]!;
        indices[i] = indices[n - j]!;
        indices[n - j] = index;
        for (let k = i; k < r; k++) setSlot(result, k, pool[indices[k]!]!);
        break;
      }
    }
    if (i < 0) {
      c.stopped = true;
      return null;
    }
  }
  return newRef(result);
};
PermutationsType.traverse = combTraverse;
PermutationsType.dealloc = combDealloc;
readyType(PermutationsType);
addMethods(PermutationsType, [{ name: "__sizeof__", kind: "noargs", fn: combSizeof((c) => c.indices.length + c.r), doc: "Returns size in memory, in bytes." }]);

// Expected values measured on CPython 3.11.7 (sys.getsizeof, gc.is_tracked, gc.get_referents).
import { describe, expect, test } from "vitest";
import "./bool.js";
import { PyObject } from "./object.js";
import { allocObject, clearAllFreeLists, freeObject } from "./heap.js";
import { decref, incref } from "./refcount.js";
import { gcIsTracked } from "./gcstate.js";
import { newStaticType, readyType } from "./typeroots.js";
import { newInt, intToBigInt, type PyInt } from "./int.js";
import { PyRaise } from "./exceptions.js";
import { newStr, type PyStr } from "./str.js";
import {
  allocDictOfType, dictClear, dictCopy, dictDelItem, dictDealloc, dictEntry, dictFreeListSize, dictFromItems, dictFromKeys,
  dictGetItem, dictKeysFreeListSize, dictMaybeUntrack, dictNext, dictPop, dictRepr, dictSetItem, dictSizeOf, dictTraverse,
  DictType, instanceFreeAttrs, instanceGetAttr, instanceInitValues, instanceMaterializeDict, instanceSetAttr, instanceTraverseAttrs,
  newDict, newKeysForClass, type DictValues, type ManagedDictOwner, type PyDict, dictUpdateArg, dictMergeFromObject,
} from "./dict.js";
import { dictIter, dictViewNew, DictKeysType } from "./dictviews.js";
import { newList, listFromOwned } from "./list.js";
import { newSet, setAdd } from "./set.js";
import { tupleFromOwned } from "./tuple.js";
import { iterNext } from "./abstract.js";
import { None } from "./singletons.js";
import { hashSmallInt } from "./values/pyhash.js";
import { allocator } from "./heap.js";

function int(n: number): PyInt {
  return newInt(n);
}

function getsizeof(d: PyDict): number {
  return dictSizeOf(d) + 16;
}

function set(d: PyDict, k: PyObject, v: PyObject): void {
  dictSetItem(d, k, v);
  decref(k);
  decref(v);
}

function intDict(n: number): PyDict {
  const d = newDict();
  for (let i = 0; i < n; i++) set(d, int(i), int(i));
  return d;
}

function strDict(n: number): PyDict {
  const d = newDict();
  for (let i = 0; i < n; i++) set(d, newStr(`k${i}`), int(i));
  return d;
}

function keysOf(d: PyDict): number[] {
  const out: number[] = [];
  for (let pos = dictNext(d, 0); pos >= 0; pos = dictNext(d, pos)) out.push(Number(intToBigInt(dictEntry.key as PyInt)));
  return out;
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyRaise) {
      const args = (e.exception as unknown as { args: { items: PyObject[] } }).args.items;
      const a = args[0];
      const text = a === undefined ? "" : a.type.name === "str" ? (a as PyStr).value : String(intToBigInt(a as PyInt));
      return `${e.exception.type.name}: ${text}`;
    }
    throw e;
  }
  return "no exception";
}

describe("dict sizes", () => {
  test("insertion growth, int keys and str keys", () => {
    const intSizes = Array.from({ length: 50 }, (_, n) => {
      const d = intDict(n);
      const s = getsizeof(d);
      decref(d);
      return s;
    });
    const expected = (b: number[]) =>
      Array.from({ length: 50 }, (_, n) => (n === 0 ? b[0] : n <= 5 ? b[1] : n <= 10 ? b[2] : n <= 21 ? b[3] : n <= 42 ? b[4] : b[5]));
    expect(intSizes).toEqual(expected([64, 224, 352, 632, 1168, 2264]));
    const strSizes = Array.from({ length: 50 }, (_, n) => {
      const d = strDict(n);
      const s = getsizeof(d);
      decref(d);
      return s;
    });
    expect(strSizes).toEqual(expected([64, 184, 272, 464, 832, 1584]));
  });

  test("keys table rows up to 256 slots (general 4688, str 3328)", () => {
    const g = intDict(100);
    expect(getsizeof(g)).toBe(4688);
    const s = strDict(100);
    expect(getsizeof(s)).toBe(3328);
    decref(g);
    decref(s);
  });

  test("a non-str key converts a str table with the size quirk: 184 -> 352", () => {
    const d = newDict();
    set(d, newStr("a"), int(1));
    expect(getsizeof(d)).toBe(184);
    set(d, int(1), int(1));
    expect(getsizeof(d)).toBe(352);
    decref(d);
  });

  test("deletions never shrink; copy() of a sparse dict is compact", () => {
    const d = intDict(100);
    for (let i = 0; i < 95; i++) {
      const k = int(i);
      dictDelItem(d, k);
      decref(k);
    }
    expect(getsizeof(d)).toBe(4688);
    const c = dictCopy(d);
    expect(getsizeof(c)).toBe(224);
    decref(c);
    decref(d);
  });

  test("clear() goes back to the shared empty table", () => {
    const d = strDict(1);
    expect(getsizeof(d)).toBe(184);
    dictClear(d);
    expect(getsizeof(d)).toBe(64);
    decref(d);
  });

  test("displays presize (BUILD_MAP / BUILD_CONST_KEY_MAP)", () => {
    const six = dictFromItems([1, 2, 3, 4, 5, 6].map(int), [1, 2, 3, 4, 5, 6].map(int));
    expect(getsizeof(six)).toBe(352);
    const one = dictFromItems([int(1)], [int(1)]);
    expect(getsizeof(one)).toBe(224);
    const strs = dictFromItems("abcdef".split("").map((c) => newStr(c)), [1, 2, 3, 4, 5, 6].map(int));
    expect(getsizeof(strs)).toBe(272);
    for (const d of [six, one, strs]) decref(d);
  });

  test("dict.fromkeys: set and dict sources presize with the quirk", () => {
    const fromSet = [0, 1, 2, 3, 4, 5, 6].map((n) => {
      const s = newSet();
      for (let i = 0; i < n; i++) setAdd(s, int(i));
      const d = dictFromKeys(DictType, s, None) as PyDict;
      const size = getsizeof(d);
      decref(d);
      decref(s);
      return size;
    });
    expect(fromSet).toEqual([224, 352, 352, 352, 352, 224, 352]);
    const fromDict = [0, 1, 2, 3, 4, 5, 6].map((n) => {
      const src = newDict();
      for (let i = 0; i < n; i++) set(src, newStr(String(i)), int(1));
      const d = dictFromKeys(DictType, src, None) as PyDict;
      const size = getsizeof(d);
      decref(d);
      decref(src);
      return size;
    });
    expect(fromDict).toEqual([184, 272, 272, 272, 272, 184, 272]);
    const fromList = [0, 1, 5, 6, 11].map((n) => {
      const l = newList(0);
      for (let i = 0; i < n; i++) l.items.push(int(i));
      const d = dictFromKeys(DictType, l, None) as PyDict;
      const size = getsizeof(d);
      decref(d);
      decref(l);
      return size;
    });
    expect(fromList).toEqual([64, 224, 224, 352, 632]);
  });
});

describe("dict behaviour", () => {
  test("insertion order; delete and re-insert moves the key to the end", () => {
    const d = newDict();
    for (const k of [3, 1, 2]) set(d, int(k), int(k));
    dictDelItem(d, int(1));
    set(d, int(1), int(1));
    expect(keysOf(d)).toEqual([3, 2, 1]);
    decref(d);
  });

  test("tracking: untracked until a GC value or key arrives; only full collections untrack", () => {
    const d = newDict();
    expect(gcIsTracked(d)).toBe(false);
    set(d, int(1), int(1));
    expect(gcIsTracked(d)).toBe(false);
    set(d, int(2), newList(0));
    expect(gcIsTracked(d)).toBe(true);
    dictDelItem(d, int(2));
    expect(gcIsTracked(d)).toBe(true);
    dictMaybeUntrack(d);
    expect(gcIsTracked(d)).toBe(false);
    // A tracked tuple value tracks the dict; an untracked one does not.
    const e = newDict();
    set(e, int(1), tupleFromOwned([int(1)]));
    expect(gcIsTracked(e)).toBe(true);
    // Copies keep the source's tracking.
    const f = strDict(1);
    const g = dictCopy(f);
    expect(gcIsTracked(g)).toBe(false);
    // dict() and dict.fromkeys() of exact dicts start untracked too.
    const h = allocDictOfType(DictType);
    expect(gcIsTracked(h)).toBe(false);
    for (const o of [d, e, f, g, h]) decref(o);
  });

  test("traverse: value then key for general tables, values only for str tables", () => {
    const g = newDict();
    set(g, int(1), int(2));
    const seen: number[] = [];
    dictTraverse(g, (o) => seen.push(Number(intToBigInt(o as PyInt))), null);
    expect(seen).toEqual([2, 1]);
    const s = newDict();
    const l = newList(0);
    dictSetItem(s, newStr("a"), l);
    const seen2: PyObject[] = [];
    dictTraverse(s, (o) => seen2.push(o), null);
    expect(seen2).toEqual([l]);
    decref(l);
    decref(g);
    decref(s);
  });

  test("dealloc releases entries in order, key then value", () => {
    const order: string[] = [];
    const Probe = newStaticType("dprobe", 24, 0, 0);
    Probe.dealloc = (self) => {
      order.push((self as PyObject & { tag: string }).tag);
      freeObject(self);
    };
    Probe.hash = (self) => {
      const tag = (self as PyObject & { tag: string }).tag;
      hashSmallInt(tag.charCodeAt(0) * 31 + tag.charCodeAt(1));
    };
    readyType(Probe);
    const probe = (tag: string) => {
      const p = new PyObject(Probe) as PyObject & { tag: string };
      p.tag = tag;
      allocObject(p, 24);
      return p;
    };
    const d = newDict();
    for (const i of [0, 1, 2]) set(d, probe(`k${i}`), probe(`v${i}`));
    decref(d);
    expect(order).toEqual(["k0", "v0", "k1", "v1", "k2", "v2"]);
  });

  test("free list: id({}) == id({}); keys free list keeps 8-slot str tables", () => {
    clearAllFreeLists();
    const a = newDict();
    const address = a.address;
    decref(a);
    expect(dictFreeListSize()).toBe(1);
    const b = newDict();
    expect(b.address).toBe(address);
    set(b, newStr("x"), int(1));
    decref(b);
    expect(dictKeysFreeListSize()).toBe(1);
    const c = intDict(1);
    expect(dictKeysFreeListSize()).toBe(1);
    decref(c);
    clearAllFreeLists();
    expect(dictFreeListSize()).toBe(0);
    expect(dictKeysFreeListSize()).toBe(0);
  });

  test("error messages", () => {
    const d = intDict(1);
    expect(message(() => dictDelItem(d, int(3)))).toBe("KeyError: 3");
    expect(message(() => dictPop(d, int(3), null))).toBe("KeyError: 3");
    const pairs = listFromOwned([tupleFromOwned([int(1), int(2), int(3)])]);
    expect(message(() => dictUpdateArg(d, pairs))).toBe("ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    const bad = listFromOwned([int(1)]);
    expect(message(() => dictUpdateArg(d, bad))).toBe("TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    const other = intDict(1);
    expect(message(() => dictMergeFromObject(newDict(), int(5), DictType))).toContain("argument after ** must be a mapping, not int");
    const target = intDict(1);
    expect(message(() => dictMergeFromObject(target, other, DictType))).toContain("got multiple values for keyword argument '0'");
    for (const o of [d, pairs, bad, other, target]) decref(o);
  });

  test("iteration errors", () => {
    const d = intDict(1);
    const it = dictIter(d);
    const k = iterNext(it)!;
    decref(k);
    set(d, int(5), int(5));
    expect(message(() => iterNext(it))).toBe("RuntimeError: dictionary changed size during iteration");
    decref(it);
    const e = intDict(2);
    const it2 = dictIter(e);
    decref(iterNext(it2)!);
    dictDelItem(e, int(0));
    set(e, int(10), int(1));
    // Same size: key 1 still comes, then the new key is one too many.
    decref(iterNext(it2)!);
    expect(message(() => iterNext(it2))).toBe("RuntimeError: dictionary keys changed during iteration");
    decref(it2);
    decref(d);
    decref(e);
  });

  test("repr with the recursion guard, views", () => {
    const d = newDict();
    dictSetItem(d, int(1), d);
    const r = dictRepr(d) as PyStr;
    expect(r.value).toBe("{1: {...}}");
    decref(r);
    dictClear(d);
    const e = intDict(1);
    const v = dictViewNew(e, DictKeysType);
    expect(v.type.basicsize + 16).toBe(40);
    const it = dictIter(e);
    expect(it.type.basicsize + 16).toBe(72);
    for (const o of [d, e, v, it]) decref(o);
  });
});

// ---------------------------------------------------------------------------------------
// Managed-dict instance attributes

const KType = newStaticType("K", 24, 0, 0);
KType.dealloc = (self) => {
  instanceFreeAttrs(self as Instance, classKeys);
  freeObject(self);
};
readyType(KType);
let classKeys = newKeysForClass();

class Instance extends PyObject implements ManagedDictOwner {
  values: DictValues | null;
  dict: PyDict | null;
  constructor() {
    super(KType);
    this.values = null;
    this.dict = null;
  }
}

function instance(): Instance {
  const o = new Instance();
  allocObject(o, 24);
  instanceInitValues(o, classKeys);
  return o;
}

function setAttr(o: Instance, name: string, value: PyObject): void {
  const n = newStr(name);
  instanceSetAttr(o, classKeys, n, value);
  decref(n);
  decref(value);
}

describe("instance attributes", () => {
  test("values arrays shrink per instance: 264, 256, ... then 16 (0 attrs) / 32 (2 attrs)", () => {
    classKeys = newKeysForClass();
    const requested = traceRequests();
    const keep: Instance[] = [];
    for (let i = 0; i < 32; i++) keep.push(instance());
    allocator.setHook(null);
    // The values array is round8(size + 2) + 8 * size bytes with size = nentries + usable.
    const expected = [264, 256, 248, 240, 232, 224, 216, 200, 192, 184, 176, 168, 160, 152, 144, 128, 120, 112, 104, 96, 88, 80, 72, 56, 48, 40, 32, 24, 16, 16, 16, 16];
    expect(keep.map((o) => requested.get(o.values!.address))).toEqual(expected);
    expect(keep.map((o) => valuesBytes(o.values!))).toEqual(expected);
    for (const o of keep) decref(o);
    classKeys = newKeysForClass();
    const two: Instance[] = [];
    for (let i = 0; i < 32; i++) {
      const o = instance();
      setAttr(o, "a", int(1));
      setAttr(o, "b", int(2));
      two.push(o);
    }
    expect(valuesBytes(two[31]!.values!)).toBe(32);
    for (const o of two) decref(o);
  });

  test("a materialised __dict__ is 296, then 288 once a second instance shares the keys", () => {
    classKeys = newKeysForClass();
    const a = instance();
    setAttr(a, "x", int(1));
    setAttr(a, "y", int(2));
    const d = instanceMaterializeDict(a, classKeys);
    expect(getsizeof(d)).toBe(296);
    const b = instance();
    expect(getsizeof(d)).toBe(288);
    expect(getsizeof(instanceMaterializeDict(b, classKeys))).toBe(288);
    const x = newStr("x");
    expect(Number(intToBigInt(instanceGetAttr(a, classKeys, x) as PyInt))).toBe(1);
    decref(x);
    decref(a);
    decref(b);
  });

  test("materialised dicts are tracked only for GC values", () => {
    classKeys = newKeysForClass();
    const a = instance();
    setAttr(a, "a", newList(0));
    expect(gcIsTracked(instanceMaterializeDict(a, classKeys))).toBe(true);
    const b = instance();
    setAttr(b, "a", int(1));
    expect(gcIsTracked(instanceMaterializeDict(b, classKeys))).toBe(false);
    decref(a);
    decref(b);
  });

  test("the 30th attribute of the first instance overflows the shared keys (1584)", () => {
    classKeys = newKeysForClass();
    const m = instance();
    for (let i = 0; i < 30; i++) setAttr(m, `a${i}`, int(i));
    expect(m.values).toBeNull();
    expect(getsizeof(m.dict!)).toBe(1584);
    decref(m);
  });

  test("traverse and release in insertion order", () => {
    classKeys = newKeysForClass();
    const a = instance();
    const l1 = newList(0);
    const l2 = newList(0);
    incref(l1);
    incref(l2);
    setAttr(a, "x", l1);
    setAttr(a, "y", l2);
    const seen: PyObject[] = [];
    instanceTraverseAttrs(a, classKeys, (o) => seen.push(o), null);
    expect(seen).toEqual([l1, l2]);
    decref(a);
    expect(l1.refcnt).toBe(1);
    decref(l1);
    decref(l2);
  });

  test("deleting a missing attribute raises AttributeError", () => {
    classKeys = newKeysForClass();
    const a = instance();
    const n = newStr("nope");
    expect(message(() => instanceSetAttr(a, classKeys, n, null))).toBe("AttributeError: 'K' object has no attribute 'nope'");
    decref(n);
    decref(a);
    expect(dictDealloc).toBeTypeOf("function");
  });
});

/** Requested sizes by address, as tracemalloc records them. */
function traceRequests(): Map<number, number> {
  const sizes = new Map<number, number>();
  allocator.setHook({
    onMalloc: (_d, address, size) => void sizes.set(address, size),
    onRealloc: (_d, _old, address, size) => void sizes.set(address, size),
    onFree: () => undefined,
  });
  return sizes;
}

function valuesBytes(v: DictValues): number {
  const size = v.values.length;
  return ((size + 2 + 7) & ~7) + 8 * size;
}

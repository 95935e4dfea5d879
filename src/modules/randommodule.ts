// Modules/_randommodule.c (3.11): the Mersenne Twister (genrand_uint32, init_genrand,
// init_by_array), random_seed (None → OS entropy; ints by absolute value in 32-bit words,
// least significant first; anything else through its hash), random_random (53-bit float from
// two draws), getrandbits, getstate / setstate, random_new; and the registration of
// Lib/random.py, which heapscope ships as its own Python source (pylib/random.py.ts).
// RandomObject is not a GC type: 16 bytes of header, the index and 624 words (2520 bytes).

import { PyObject } from "../runtime/object.js";
import { decref, incref } from "../runtime/refcount.js";
import { PyType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE } from "../runtime/type.js";
import { newStaticType, readyType } from "../runtime/typeroots.js";
import { addMethods } from "../runtime/descrobject.js";
import { allocGCObject, allocObject, freeGCObject, freeObject } from "../runtime/heap.js";
import { gcTrack, gcUntrack } from "../runtime/gcstate.js";
import { clearWeakrefs } from "../runtime/weakref.js";
import { raise, OverflowErrorType, TypeErrorType, ValueErrorType } from "../runtime/exceptions.js";
import { intToBigInt, isInt, newInt, newIntFromBigInt } from "../runtime/int.js";
import { newFloat } from "../runtime/float.js";
import { None } from "../runtime/singletons.js";
import { isTuple, tupleFromOwned, type PyTuple } from "../runtime/tuple.js";
import type { PyDict } from "../runtime/dict.js";
import { dictLength } from "../runtime/dict.js";
import { numberIndex, objectHash } from "../runtime/abstract.js";
import { hashResultToInt } from "./bltin_util.js";
import { registerBuiltinModule, registerPythonModule } from "./interp_state.js";
import { moduleAdd, newBuiltinModule } from "./nativetype_util.js";
import { RANDOM_SOURCE } from "./pylib/random.py.js";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class PyRandom extends PyObject {
  index: number;
  state: Uint32Array;
  constructor(type: PyType) {
    super(type);
    this.index = N + 1;
    this.state = new Uint32Array(N);
  }
}

export const RandomType = newStaticType("_random.Random", 2520, 0, TPFLAGS_BASETYPE);
RandomType.doc = "Random() -> create a random number generator with its own internal state.";

/** genrand_uint32 */
function genrand(self: PyRandom): number {
  const mt = self.state;
  if (self.index >= N) {
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ ((y & 1) !== 0 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ ((y & 1) !== 0 ? MATRIX_A : 0);
    }
    y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ ((y & 1) !== 0 ? MATRIX_A : 0);
    self.index = 0;
  }
  let y = mt[self.index++]!;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

function initGenrand(self: PyRandom, s: number): void {
  const mt = self.state;
  mt[0] = s >>> 0;
  for (let i = 1; i < N; i++) {
    const p = mt[i - 1]!;
    mt[i] = (Math.imul(1812433253, p ^ (p >>> 30)) + i) >>> 0;
  }
  self.index = N;
}

function initByArray(self: PyRandom, key: Uint32Array): void {
  initGenrand(self, 19650218);
  const mt = self.state;
  const len = key.length;
  let i = 1;
  let j = 0;
  for (let k = N > len ? N : len; k > 0; k--) {
    const p = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(p ^ (p >>> 30), 1664525)) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const p = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(p ^ (p >>> 30), 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  self.index = N;
}

/** The words of |n|, least significant first; at least one. */
function bigToWords(n: bigint): Uint32Array {
  if (n < 0n) n = -n;
  const words: number[] = [];
  do {
    words.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return Uint32Array.from(words);
}

/** random_seed_urandom: 624 words from the host's cryptographic generator. */
function seedFromEntropy(self: PyRandom): void {
  const key = new Uint32Array(N);
  globalThis.crypto.getRandomValues(key);
  initByArray(self, key);
}

function randomSeedImpl(self: PyRandom, arg: PyObject | null): void {
  if (arg === null || arg === None) {
    seedFromEntropy(self);
    return;
  }
  let n: bigint;
  if (isInt(arg)) {
    n = intToBigInt(arg);
  } else {
    objectHash(arg);
    const h = hashResultToInt();
    n = intToBigInt(h);
    decref(h);
  }
  initByArray(self, bigToWords(n));
}

function allocRandom(type: PyType): PyRandom {
  const o = new PyRandom(type);
  if ((type.flags & TPFLAGS_HAVE_GC) !== 0) {
    allocGCObject(o, type.basicsize);
    if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
    gcTrack(o);
  } else {
    allocObject(o, type.basicsize);
    if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) incref(type);
  }
  return o;
}

function randomNew(type: PyType, args: PyTuple, kw: PyDict | null): PyObject {
  if ((type === RandomType || type.init === RandomType.init) && kw !== null && dictLength(kw) !== 0) {
    raise(TypeErrorType, "Random() takes no keyword arguments");
  }
  if (args.items.length > 1) raise(TypeErrorType, "Random() requires 0 or 1 argument");
  const self = allocRandom(type);
  try {
    randomSeedImpl(self, args.items.length === 1 ? args.items[0]! : null);
  } catch (e) {
    decref(self);
    throw e;
  }
  return self;
}

RandomType.new_ = randomNew;
RandomType.dealloc = (self) => {
  if ((self.type.flags & TPFLAGS_HAVE_GC) !== 0) {
    gcUntrack(self);
    if (self.weakrefList !== null) clearWeakrefs(self);
    freeGCObject(self);
  } else {
    freeObject(self);
  }
};

function randomRandom(self: PyObject): PyObject {
  const r = self as PyRandom;
  const a = genrand(r) >>> 5;
  const b = genrand(r) >>> 6;
  return newFloat((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

function randomSeed(self: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length > 0) raise(TypeErrorType, "seed() takes no keyword arguments");
  if (nargs > 1) raise(TypeErrorType, `seed expected at most 1 argument, got ${nargs}`);
  randomSeedImpl(self as PyRandom, nargs === 1 ? args[start]! : null);
  return None;
}

function randomGetState(self: PyObject): PyObject {
  const r = self as PyRandom;
  const items: PyObject[] = [];
  for (let i = 0; i < N; i++) items.push(newIntFromBigInt(BigInt(r.state[i]!)));
  items.push(newInt(r.index));
  return tupleFromOwned(items);
}

function randomSetState(self: PyObject, state: PyObject): PyObject {
  const r = self as PyRandom;
  if (!isTuple(state)) raise(TypeErrorType, "state vector must be a tuple");
  const items = (state as PyTuple).items;
  if (items.length !== N + 1) raise(ValueErrorType, "state vector is the wrong size");
  const words = new Uint32Array(N);
  for (let i = 0; i < N; i++) {
    const it = items[i]!;
    if (!isInt(it)) raise(TypeErrorType, "an integer is required");
    const v = intToBigInt(it);
    if (v < 0n || v > 0xffffffffn) raise(OverflowErrorType, "Python int too large to convert to C unsigned long");
    words[i] = Number(v);
  }
  const idxObj = items[N]!;
  if (!isInt(idxObj)) raise(TypeErrorType, "an integer is required");
  const index = intToBigInt(idxObj);
  if (index < 0n || index > BigInt(N)) raise(ValueErrorType, "invalid state");
  r.state.set(words);
  r.index = Number(index);
  return None;
}

function randomGetRandBits(self: PyObject, arg: PyObject): PyObject {
  const r = self as PyRandom;
  const ko = numberIndex(arg);
  let k: bigint;
  try {
    k = intToBigInt(ko);
  } finally {
    decref(ko);
  }
  if (k < 0n) raise(ValueErrorType, "number of bits must be non-negative");
  if (k === 0n) return newInt(0);
  if (k <= 32n) return newIntFromBigInt(BigInt(genrand(r) >>> (32 - Number(k))));
  if (k > 0x7fffffffn) raise(OverflowErrorType, "Python int too large to convert to C int");
  let bits = Number(k);
  let result = 0n;
  let shift = 0n;
  while (bits > 0) {
    let w = genrand(r);
    if (bits < 32) w >>>= 32 - bits;
    result |= BigInt(w) << shift;
    shift += 32n;
    bits -= 32;
  }
  return newIntFromBigInt(result);
}

readyType(RandomType);
addMethods(RandomType, [
  { name: "random", kind: "noargs", fn: randomRandom, doc: "random() -> x in the interval [0, 1)." },
  { name: "seed", kind: "fastcall", fn: randomSeed, doc: "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier." },
  { name: "getstate", kind: "noargs", fn: randomGetState, doc: "getstate() -> tuple containing the current state." },
  { name: "setstate", kind: "o", fn: randomSetState, doc: "setstate(state) -> None.  Restores generator state." },
  { name: "getrandbits", kind: "o", fn: randomGetRandBits, doc: "getrandbits(k) -> x.  Generates an int with k random bits." },
]);

export function initRandomModule(): PyObject {
  const m = newBuiltinModule("_random", "Module implements the Mersenne Twister random number generator.", []);
  moduleAdd(m, "Random", RandomType);
  return m;
}

registerBuiltinModule("_random", initRandomModule);
registerPythonModule("random", RANDOM_SOURCE);

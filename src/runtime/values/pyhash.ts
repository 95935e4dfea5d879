// Hash algorithms of CPython 3.11, modelled on Python/pyhash.c (SipHash-1-3,
// _Py_HashDouble, _Py_HashPointer), Python/bootstrap_hash.c (PYTHONHASHSEED key
// derivation), Objects/longobject.c (long_hash), Objects/complexobject.c
// (complex_hash), Objects/tupleobject.c (tuplehash) and Objects/setobject.c
// (frozenset_hash).
//
// Conventions
// - A 64-bit Py_hash_t is carried as two signed int32 halves. Every hashing
//   function writes its result into the shared holder `hashResult` (hi, lo) and
//   also returns the low half, which is all a table of fewer than 2**32 slots
//   needs for `hash & mask`. Read `hashResult` right after the call: the next
//   hashing call overwrites it.
// - Nothing in the hot paths (str/bytes/int/tuple) allocates or uses BigInt.
// - Accumulating algorithms (tuple, frozenset) keep their accumulator in the
//   caller's locals, because computing an item's hash may itself hash a tuple.

export const hashResult = { hi: 0, lo: 0 };

const TWO32 = 4294967296;

// ---------------------------------------------------------------------------
// 64-bit helpers on int32 halves. Results land in R (hi, lo): a typed array,
// because module-level numbers beyond the small-integer range would be boxed
// on every store.

const R = new Int32Array(2);

/** Low 64 bits of a*b (both unsigned/two's complement, same thing mod 2**64). */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const mid = a0 * b1 + a1 * b0; // < 2**33, exact in a double
  const midLow = mid % 65536;
  const lo = a0 * b0 + midLow * 65536; // < 2**33
  const carry = lo >= TWO32 ? 1 : 0;
  const hi = a1 * b1 + (mid - midLow) / 65536 + carry + Math.imul(ah, bl) + Math.imul(al, bh);
  R[0] = hi | 0;
  R[1] = lo | 0;
}

function add64(ah: number, al: number, bh: number, bl: number): void {
  const lo = (al + bl) | 0;
  R[0] = (ah + bh + ((lo >>> 0) < (al >>> 0) ? 1 : 0)) | 0;
  R[1] = lo;
}

function setResult(hi: number, lo: number): number {
  // -1 is CPython's error marker, so every hash function maps it to -2.
  if (hi === -1 && lo === -1) lo = -2;
  hashResult.hi = hi;
  hashResult.lo = lo;
  return lo;
}

export function hashToBigInt(hi: number, lo: number): bigint {
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo >>> 0));
}

/** Writes the 64-bit two's complement of `b` into hashResult (no -1 fix-up). */
export function bigIntToHash(b: bigint): number {
  const v = BigInt.asUintN(64, b);
  hashResult.hi = Number(BigInt.asIntN(32, v >> 32n));
  hashResult.lo = Number(BigInt.asIntN(32, v));
  return hashResult.lo;
}

// ---------------------------------------------------------------------------
// Process key (bootstrap_hash.c). The secret is a 24-byte union; SipHash uses
// its first 16 bytes as two little-endian words.

const secret = new Uint8Array(24);
let k0h = 0;
let k0l = 0;
let k1h = 0;
let k1l = 0;

function readKey(): void {
  const w = (o: number) =>
    (secret[o]! | (secret[o + 1]! << 8) | (secret[o + 2]! << 16) | (secret[o + 3]! << 24)) | 0;
  k0l = w(0);
  k0h = w(4);
  k1l = w(8);
  k1h = w(12);
}

/**
 * Derives the hash key the way PYTHONHASHSEED does: 0 gives an all-zero key,
 * N in 1..4294967295 fills the secret from the MSVC-style LCG seeded with N,
 * "random" uses crypto random bytes. Until called, the key is all zeros (as
 * with PYTHONHASHSEED=0) so that output is reproducible by default.
 */
export function setHashSeed(seed: number | "random"): void {
  if (seed === "random") {
    globalThis.crypto.getRandomValues(secret);
  } else {
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) {
      throw new RangeError(`hash seed must be an integer in [0; 4294967295], got ${seed}`);
    }
    if (seed === 0) {
      secret.fill(0);
    } else {
      let x = seed >>> 0;
      for (let i = 0; i < secret.length; i++) {
        // unsigned 32-bit wrap-around is the point of this generator
        x = (Math.imul(x, 214013) + 2531011) >>> 0;
        secret[i] = (x >>> 16) & 0xff;
      }
    }
  }
  readKey();
}

/**
 * PYTHONHASHSEED's text as a seed: unset, empty or "random" give "random"; a decimal integer
 * in [0; 4294967295] gives that number; anything else gives null (CPython refuses to start).
 */
export function parseHashSeed(text: string | null): number | "random" | null {
  if (text === null || text === "" || text === "random") return "random";
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n > 4294967295 ? null : n;
}

// CPython derives its key before it creates a single str. heapscope's modules create and
// hash static strings (identifiers, type dicts) as they load, so a host that wants a key
// other than the default zero one sets it before loading them, and it stays for the process.
let presetSeed = false;

/** Sets the key before the runtime's modules load; later setHashSeed requests are ignored. */
export function presetHashSeed(seed: number | "random"): void {
  setHashSeed(seed);
  presetSeed = true;
}

/** True when a host chose the key before any string was hashed (see presetHashSeed). */
export function hashSeedWasPreset(): boolean {
  return presetSeed;
}

/** A copy of the 24-byte hash secret (the SipHash key is its first 16 bytes). */
export function getHashSecret(): Uint8Array {
  return secret.slice();
}

// ---------------------------------------------------------------------------
// SipHash-1-3. The whole state lives in locals of one function: module-level
// numbers outside the small-integer range would be boxed on every store.

/**
 * Raw SipHash-1-3 of bytes[0..len) with the process key (PyHash_Func.hash).
 * Unlike hashBytes this applies no empty-input rule (only the -1 fix-up).
 */
export function hashBytesSip13(bytes: Uint8Array, len: number): number {
  return sip13(bytes, "", len);
}

// Set by sip13 when a string turned out not to be Latin-1 (a Smi, no boxing).
let notLatin1 = 0;

/**
 * The SipHash-1-3 core over either bytes (when str is "") or the code units of
 * a Latin-1 string; for a string with a unit above 0xff it sets notLatin1 and
 * returns early with no result.
 */
function sip13(bytes: Uint8Array, str: string, len: number): number {
  const fromStr = str.length > 0;
  // "somepseudorandomlygeneratedbytes" split into the four initial words
  let v0h = k0h ^ 0x736f6d65, v0l = k0l ^ 0x70736575;
  let v1h = k1h ^ 0x646f7261, v1l = k1l ^ 0x6e646f6d;
  let v2h = k0h ^ 0x6c796765, v2l = k0l ^ 0x6e657261;
  let v3h = k1h ^ 0x74656462, v3l = k1l ^ 0x79746573;
  const nBlocks = len >>> 3;
  // one compression round per 8-byte block, one for the tail block (which
  // carries the length in its top byte), then three finalization rounds
  const rounds = nBlocks + 4;
  let mh = 0;
  let ml = 0;
  for (let r = 0; r < rounds; r++) {
    if (r < nBlocks) {
      const i = r << 3;
      if (fromStr) {
        const c0 = str.charCodeAt(i), c1 = str.charCodeAt(i + 1), c2 = str.charCodeAt(i + 2), c3 = str.charCodeAt(i + 3);
        const c4 = str.charCodeAt(i + 4), c5 = str.charCodeAt(i + 5), c6 = str.charCodeAt(i + 6), c7 = str.charCodeAt(i + 7);
        if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) > 0xff) {
          notLatin1 = 1;
          return 0;
        }
        ml = c0 | (c1 << 8) | (c2 << 16) | (c3 << 24);
        mh = c4 | (c5 << 8) | (c6 << 16) | (c7 << 24);
      } else {
        ml = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
        mh = bytes[i + 4]! | (bytes[i + 5]! << 8) | (bytes[i + 6]! << 16) | (bytes[i + 7]! << 24);
      }
      v3h ^= mh; v3l ^= ml;
    } else if (r === nBlocks) {
      ml = 0;
      mh = (len & 0xff) << 24;
      const base = nBlocks << 3;
      for (let k = 0; base + k < len; k++) {
        const c = fromStr ? str.charCodeAt(base + k) : bytes[base + k]!;
        if (c > 0xff) {
          notLatin1 = 1;
          return 0;
        }
        if (k < 4) ml |= c << (8 * k);
        else mh |= c << (8 * (k - 4));
      }
      v3h ^= mh; v3l ^= ml;
    } else if (r === nBlocks + 1) {
      v2l ^= 0xff;
    }
    let lo: number, h: number, l: number;
    // v0 += v1; v1 = rotl(v1, 13) ^ v0; v0 = rotl(v0, 32)
    lo = (v0l + v1l) | 0;
    v0h = (v0h + v1h + ((lo >>> 0) < (v0l >>> 0) ? 1 : 0)) | 0; v0l = lo;
    h = (v1h << 13) | (v1l >>> 19); l = (v1l << 13) | (v1h >>> 19);
    v1h = h ^ v0h; v1l = l ^ v0l;
    h = v0h; v0h = v0l; v0l = h;
    // v2 += v3; v3 = rotl(v3, 16) ^ v2
    lo = (v2l + v3l) | 0;
    v2h = (v2h + v3h + ((lo >>> 0) < (v2l >>> 0) ? 1 : 0)) | 0; v2l = lo;
    h = (v3h << 16) | (v3l >>> 16); l = (v3l << 16) | (v3h >>> 16);
    v3h = h ^ v2h; v3l = l ^ v2l;
    // v2 += v1; v1 = rotl(v1, 17) ^ v2; v2 = rotl(v2, 32)
    lo = (v2l + v1l) | 0;
    v2h = (v2h + v1h + ((lo >>> 0) < (v2l >>> 0) ? 1 : 0)) | 0; v2l = lo;
    h = (v1h << 17) | (v1l >>> 15); l = (v1l << 17) | (v1h >>> 15);
    v1h = h ^ v2h; v1l = l ^ v2l;
    h = v2h; v2h = v2l; v2l = h;
    // v0 += v3; v3 = rotl(v3, 21) ^ v0
    lo = (v0l + v3l) | 0;
    v0h = (v0h + v3h + ((lo >>> 0) < (v0l >>> 0) ? 1 : 0)) | 0; v0l = lo;
    h = (v3h << 21) | (v3l >>> 11); l = (v3l << 21) | (v3h >>> 11);
    v3h = h ^ v0h; v3l = l ^ v0l;
    if (r <= nBlocks) {
      v0h ^= mh; v0l ^= ml;
    }
  }
  return setResult(v0h ^ v1h ^ v2h ^ v3h, v0l ^ v1l ^ v2l ^ v3l);
}

/** hash(bytes): _Py_HashBytes, where the empty input hashes to 0. */
export function hashBytes(bytes: Uint8Array, len: number = bytes.length): number {
  if (len === 0) return setResult(0, 0);
  return hashBytesSip13(bytes, len);
}

const EMPTY = new Uint8Array(0);

// Reused buffer for strings that are not Latin-1; grows, never shrinks.
let scratch = new Uint8Array(256);

function ensureScratch(n: number): Uint8Array {
  if (scratch.length < n) {
    let size = scratch.length;
    while (size < n) size *= 2;
    scratch = new Uint8Array(size);
  }
  return scratch;
}

/**
 * hash(str). CPython hashes the canonical representation (1, 2 or 4 bytes per
 * code point chosen by the widest code point, little-endian), not UTF-8.
 * A surrogate pair in the JS string counts as one astral code point; a lone
 * surrogate is a code point of its own, as in Python.
 */
export function hashStr(s: string): number {
  const n = s.length;
  if (n === 0) return setResult(0, 0);
  // Optimistic one-byte pass straight over the string: most strings are ASCII/Latin-1.
  notLatin1 = 0;
  const lo = sip13(EMPTY, s, n);
  return notLatin1 === 0 ? lo : hashWideStr(s);
}

function hashWideStr(s: string): number {
  const n = s.length;
  let astral = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        astral = true;
        break;
      }
    }
  }
  if (!astral) {
    const buf = ensureScratch(2 * n);
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      buf[2 * i] = c & 0xff;
      buf[2 * i + 1] = c >>> 8;
    }
    return hashBytesSip13(buf, 2 * n);
  }
  const buf = ensureScratch(4 * n);
  let len = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    buf[len] = c & 0xff;
    buf[len + 1] = (c >>> 8) & 0xff;
    buf[len + 2] = c >>> 16;
    buf[len + 3] = 0;
    len += 4;
  }
  return hashBytesSip13(buf, len);
}

/** Alias kept for callers that think of it as "string hashing" (hash('') == 0). */
export const hashString = hashStr;

// ---------------------------------------------------------------------------
// Numbers. The modulus is P = 2**61 - 1; reduction keeps the sign.

const MODULUS = (1n << 61n) - 1n;

/** hash(int) for a JS safe integer (|n| <= 2**53 - 1, so n is already reduced). */
export function hashSmallInt(n: number): number {
  if (n >= -2147483648 && n <= 2147483647) {
    return setResult(n < 0 ? -1 : 0, n | 0);
  }
  if (!Number.isSafeInteger(n)) return hashBigInt(BigInt(n));
  return setResult(Math.floor(n / TWO32) | 0, n | 0);
}

/** hash(int) for any integer: |b| mod (2**61 - 1) with b's sign, -1 -> -2. */
export function hashBigInt(b: bigint): number {
  if (b >= -9007199254740991n && b <= 9007199254740991n) return hashSmallInt(Number(b));
  const neg = b < 0n;
  let x = (neg ? -b : b) % MODULUS;
  if (neg) x = -x;
  bigIntToHash(x);
  return setResult(hashResult.hi, hashResult.lo);
}

/** sys.hash_info.inf */
export const HASH_INF = 314159;
/** sys.hash_info.nan: what _Py_HashDouble used to return for NaN before 3.10. */
export const HASH_NAN = 0;
/** sys.hash_info.imag */
export const HASH_IMAG = 1000003;

const f64 = new Float64Array(1);
const f64w = new Uint32Array(f64.buffer);
// Uint32Array views follow host byte order; Node runs on little-endian hosts.
const F64_LO = 0;
const F64_HI = 1;

/**
 * hash(float) (_Py_HashDouble). Since 3.10 a NaN hashes by object identity:
 * pass the object's address as `nanAddress` and it is hashed like
 * hashPointer(address); without it a NaN gets sys.hash_info.nan (0).
 */
export function hashFloat(x: number, nanAddress?: number): number {
  if (Number.isInteger(x) && x >= -9007199254740991 && x <= 9007199254740991) {
    return hashSmallInt(x);
  }
  if (x !== x) {
    return nanAddress === undefined ? setResult(0, HASH_NAN) : hashPointer(nanAddress);
  }
  if (x === Infinity) return setResult(0, HASH_INF);
  if (x === -Infinity) return setResult(-1, -HASH_INF);
  // x = m * 2**e exactly, m < 2**53 held as (mh, ml)
  f64[0] = x;
  const hiw = f64w[F64_HI]!;
  const bexp = (hiw >>> 20) & 0x7ff;
  let mh = hiw & 0xfffff;
  const ml = f64w[F64_LO]! | 0;
  let e: number;
  if (bexp === 0) {
    e = -1074;
  } else {
    mh |= 0x100000;
    e = bexp - 1075;
  }
  // 2**61 == 1 (mod P), so multiplying by 2**e is a rotation by e mod 61 within
  // 61 bits; m < 2**53 cannot rotate into P itself, so the result is reduced
  const k = ((e % 61) + 61) % 61;
  shl64(mh, ml, k);
  let h = R[0]! & 0x1fffffff;
  let l = R[1]!;
  shr64(mh, ml, 61 - k);
  h |= R[0]!;
  l |= R[1]!;
  if (x < 0) {
    // two's complement negation
    l = (~l + 1) | 0;
    h = (~h + (l === 0 ? 1 : 0)) | 0;
  }
  return setResult(h, l);
}

function shl64(h: number, l: number, k: number): void {
  if (k === 0) {
    R[0] = h;
    R[1] = l;
  } else if (k < 32) {
    R[0] = (h << k) | (l >>> (32 - k));
    R[1] = l << k;
  } else {
    R[0] = k < 64 ? l << (k - 32) : 0;
    R[1] = 0;
  }
}

function shr64(h: number, l: number, k: number): void {
  if (k === 0) {
    R[0] = h;
    R[1] = l;
  } else if (k < 32) {
    R[1] = (l >>> k) | (h << (32 - k));
    R[0] = h >>> k;
  } else {
    R[1] = k < 64 ? h >>> (k - 32) : 0;
    R[0] = 0;
  }
}

/** hash(complex): hash(real) + 1000003 * hash(imag) wrapped to 64 bits. */
export function hashComplex(re: number, im: number, nanAddress?: number): number {
  hashFloat(re, nanAddress);
  const rh = hashResult.hi;
  const rl = hashResult.lo;
  hashFloat(im, nanAddress);
  mul64(hashResult.hi, hashResult.lo, 0, HASH_IMAG);
  add64(rh, rl, R[0]!, R[1]!);
  return setResult(R[0]!, R[1]!);
}

/**
 * Identity hash of an object at `address` (_Py_HashPointer): the 64-bit
 * address rotated right by 4 bits. Addresses are non-negative safe integers.
 */
export function hashPointer(address: number): number {
  const hi = Math.floor(address / TWO32) | 0;
  const lo = address | 0;
  return setResult((hi >>> 4) | (lo << 28), (lo >>> 4) | (hi << 28));
}

// ---------------------------------------------------------------------------
// tuple: xxHash-style lanes (64-bit build).

const XXPRIME_1_HI = 0x9e3779b1 | 0, XXPRIME_1_LO = 0x85ebca87 | 0;
const XXPRIME_2_HI = 0xc2b2ae3d | 0, XXPRIME_2_LO = 0x27d4eb4f | 0;
const XXPRIME_5_HI = 0x27d4eb2f | 0, XXPRIME_5_LO = 0x165667c5 | 0;

/** Writes the initial tuple accumulator into hashResult. */
export function tupleHashStart(): void {
  hashResult.hi = XXPRIME_5_HI;
  hashResult.lo = XXPRIME_5_LO;
}

/**
 * Mixes one item hash (laneHi, laneLo) into the accumulator (accHi, accLo)
 * and writes the new accumulator into hashResult. Typical use:
 *   tupleHashStart(); let ah = hashResult.hi, al = hashResult.lo;
 *   for (item) { hashOf(item); tupleHashAdd(ah, al, hashResult.hi, hashResult.lo);
 *                ah = hashResult.hi; al = hashResult.lo; }
 *   tupleHashFinish(ah, al, length);
 */
export function tupleHashAdd(accHi: number, accLo: number, laneHi: number, laneLo: number): void {
  mul64(laneHi, laneLo, XXPRIME_2_HI, XXPRIME_2_LO);
  add64(accHi, accLo, R[0]!, R[1]!);
  // rotate left by 31
  const h = (R[0]! << 31) | (R[1]! >>> 1);
  const l = (R[1]! << 31) | (R[0]! >>> 1);
  mul64(h, l, XXPRIME_1_HI, XXPRIME_1_LO);
  hashResult.hi = R[0]!;
  hashResult.lo = R[1]!;
}

/** Folds in the length and writes the tuple's hash into hashResult. */
export function tupleHashFinish(accHi: number, accLo: number, length: number): number {
  // the length term is chosen so that hash(()) kept its pre-3.8 value
  const lenHi = Math.floor(length / TWO32) | 0;
  add64(accHi, accLo, lenHi ^ XXPRIME_5_HI, (length | 0) ^ XXPRIME_5_LO ^ 3527539);
  if (R[0]! === -1 && R[1]! === -1) return setResult(0, 1546275796);
  return setResult(R[0]!, R[1]!);
}

/** Convenience: hash of a tuple whose item hashes are given as halves. */
export function hashTupleFromItemHashes(his: ArrayLike<number>, los: ArrayLike<number>): number {
  tupleHashStart();
  let ah = hashResult.hi;
  let al = hashResult.lo;
  for (let i = 0; i < his.length; i++) {
    tupleHashAdd(ah, al, his[i]!, los[i]!);
    ah = hashResult.hi;
    al = hashResult.lo;
  }
  return tupleHashFinish(ah, al, his.length);
}

// ---------------------------------------------------------------------------
// frozenset: order-independent xor of shuffled item hashes. CPython walks the
// whole table and cancels null/dummy slots afterwards; the net effect is the
// xor over the active entries only, which is what is computed here.

function shuffleBits(h: number, l: number): void {
  const xh = h ^ ((h << 16) | (l >>> 16));
  const xl = l ^ 89869747 ^ (l << 16);
  mul64(xh, xl, 0, 3644798167 | 0);
}

/** Writes the empty frozenset accumulator (0) into hashResult. */
export function frozenSetHashStart(): void {
  hashResult.hi = 0;
  hashResult.lo = 0;
}

/** Xors one item hash into the accumulator; result in hashResult. */
export function frozenSetHashAdd(accHi: number, accLo: number, itemHi: number, itemLo: number): void {
  shuffleBits(itemHi, itemLo);
  hashResult.hi = accHi ^ R[0]!;
  hashResult.lo = accLo ^ R[1]!;
}

/** Final mixing with the number of items; result in hashResult. */
export function frozenSetHashFinish(accHi: number, accLo: number, size: number): number {
  const n = size + 1;
  mul64(Math.floor(n / TWO32) | 0, n | 0, 0, 1927868237);
  let h = accHi ^ R[0]!;
  let l = accLo ^ R[1]!;
  // h ^= (h >>> 11) ^ (h >>> 25), logical shifts over 64 bits
  const s11h = h >>> 11, s11l = (l >>> 11) | (h << 21);
  const s25h = h >>> 25, s25l = (l >>> 25) | (h << 7);
  h ^= s11h ^ s25h;
  l ^= s11l ^ s25l;
  mul64(h, l, 0, 69069);
  add64(R[0]!, R[1]!, 0, 907133923);
  if (R[0]! === -1 && R[1]! === -1) return setResult(0, 590923713);
  return setResult(R[0]!, R[1]!);
}

/** hash(frozenset) from the hashes of its items, given as halves. */
export function hashFrozenSetFromItemHashes(his: ArrayLike<number>, los: ArrayLike<number>): number {
  let ah = 0;
  let al = 0;
  for (let i = 0; i < his.length; i++) {
    frozenSetHashAdd(ah, al, his[i]!, los[i]!);
    ah = hashResult.hi;
    al = hashResult.lo;
  }
  return frozenSetHashFinish(ah, al, his.length);
}

readKey();

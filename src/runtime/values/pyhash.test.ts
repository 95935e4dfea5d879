// Tests for pyhash.ts against values measured with CPython 3.11.7
// (Python/pyhash.c, Objects/tupleobject.c, Objects/setobject.c).
import { afterEach, describe, expect, it } from "vitest";
import {
  bigIntToHash,
  frozenSetHashAdd,
  frozenSetHashFinish,
  frozenSetHashStart,
  hashBigInt,
  hashBytes,
  hashBytesSip13,
  hashComplex,
  hashFloat,
  hashFrozenSetFromItemHashes,
  hashPointer,
  hashResult,
  hashSmallInt,
  hashStr,
  hashString,
  hashToBigInt,
  hashTupleFromItemHashes,
  setHashSeed,
  tupleHashAdd,
  tupleHashFinish,
  tupleHashStart,
} from "./pyhash.js";
import {
  BYTES_HASHES,
  COMPLEX_HASHES,
  FLOAT_HASHES,
  FROZENSET_HASHES,
  INT_HASHES,
  POINTER_HASHES,
  STR_HASHES,
  TUPLE_HASHES,
  type TupleItem,
} from "./testdata/hash.cases.js";

const h = (): bigint => hashToBigInt(hashResult.hi, hashResult.lo);

afterEach(() => setHashSeed(0));

describe("str and bytes (SipHash-1-3)", () => {
  it("matches the facts sheet and the brief under PYTHONHASHSEED=0", () => {
    setHashSeed(0);
    hashStr("a");
    expect(h()).toBe(4644417185603328019n);
    hashBytes(new Uint8Array([97]));
    expect(h()).toBe(4644417185603328019n);
    hashStr("");
    expect(h()).toBe(0n);
    hashString("");
    expect(h()).toBe(0n);
    hashBytes(new Uint8Array(0));
    expect(h()).toBe(0n);
    // the canonical 1/2/4-byte representation is hashed, not UTF-8
    hashStr("é");
    expect(h()).toBe(6047309291227476195n);
    hashStr("€");
    expect(h()).toBe(-5529981157763016009n);
    hashStr("😀");
    expect(h()).toBe(-3536540696076613844n);
  });

  it("derives the key from PYTHONHASHSEED like CPython's LCG", () => {
    setHashSeed(1);
    hashStr("a");
    expect(h()).toBe(-3012895188637184397n);
    setHashSeed(42);
    hashStr("a");
    expect(h()).toBe(-123207753977932514n);
  });

  it("returns the low half and writes both halves", () => {
    setHashSeed(0);
    const lo = hashStr("a");
    expect(lo).toBe(hashResult.lo);
    expect(BigInt.asIntN(32, 4644417185603328019n)).toBe(BigInt(lo));
  });

  it("hashBytesSip13 hashes a prefix of the buffer", () => {
    setHashSeed(0);
    hashBytesSip13(new Uint8Array([97, 98, 99]), 1);
    expect(h()).toBe(4644417185603328019n);
  });

  it("random seeds give a fresh key", () => {
    setHashSeed("random");
    hashStr("a");
    const first = h();
    setHashSeed("random");
    hashStr("a");
    expect(h()).not.toBe(first);
    expect(() => setHashSeed(-1)).toThrow(RangeError);
  });

  it(`matches ${STR_HASHES.length} measured str hashes`, () => {
    for (const [seed, s, expected] of STR_HASHES) {
      setHashSeed(seed);
      hashStr(s);
      expect(h(), `seed ${seed} ${JSON.stringify(s)}`).toBe(expected);
    }
  });

  it(`matches ${BYTES_HASHES.length} measured bytes hashes`, () => {
    for (const [seed, b, expected] of BYTES_HASHES) {
      setHashSeed(seed);
      hashBytes(Uint8Array.from(b));
      expect(h(), `seed ${seed} ${JSON.stringify(b)}`).toBe(expected);
    }
  });
});

describe("numbers", () => {
  it("int hashing keeps the sign, reduces mod 2**61-1 and maps -1 to -2", () => {
    const cases: [bigint, bigint][] = [
      [-1n, -2n],
      [2n ** 61n - 1n, 0n],
      [2n ** 61n, 1n],
      [-(2n ** 61n), -2n],
      [2n ** 64n, 8n],
    ];
    for (const [v, e] of cases) {
      hashBigInt(v);
      expect(h()).toBe(e);
    }
    hashSmallInt(-1);
    expect(h()).toBe(-2n);
    hashSmallInt(2 ** 53 - 1);
    expect(h()).toBe(2n ** 53n - 1n);
    hashSmallInt(-(2 ** 40));
    expect(h()).toBe(-(2n ** 40n));
  });

  it(`matches ${INT_HASHES.length} measured int hashes`, () => {
    for (const [v, expected] of INT_HASHES) {
      hashBigInt(v);
      expect(h(), String(v)).toBe(expected);
      if (v >= -(2n ** 53n) + 1n && v <= 2n ** 53n - 1n) {
        hashSmallInt(Number(v));
        expect(h(), String(v)).toBe(expected);
      }
    }
  });

  it("float specials", () => {
    hashFloat(Infinity);
    expect(h()).toBe(314159n);
    hashFloat(-Infinity);
    expect(h()).toBe(-314159n);
    hashFloat(1.5);
    expect(h()).toBe(1152921504606846977n);
    hashFloat(0.1);
    expect(h()).toBe(230584300921369408n);
    hashFloat(-1.0);
    expect(h()).toBe(-2n);
    hashFloat(-0.0);
    expect(h()).toBe(0n);
    // NaN: identity hash since 3.10 when the address is known, else hash_info.nan
    hashFloat(NaN);
    expect(h()).toBe(0n);
    hashFloat(NaN, 0x7f0012345670);
    const viaFloat = h();
    hashPointer(0x7f0012345670);
    expect(viaFloat).toBe(h());
  });

  it(`matches ${FLOAT_HASHES.length} measured float hashes`, () => {
    for (const [x, expected] of FLOAT_HASHES) {
      hashFloat(x);
      expect(h(), String(x)).toBe(expected);
    }
  });

  it(`matches ${COMPLEX_HASHES.length} measured complex hashes`, () => {
    for (const [re, im, expected] of COMPLEX_HASHES) {
      hashComplex(re, im);
      expect(h(), `${re}+${im}j`).toBe(expected);
    }
  });
});

function hashItem(item: TupleItem): void {
  if (typeof item === "bigint") hashBigInt(item);
  else if (typeof item === "string") hashStr(item);
  else if (Array.isArray(item)) hashTuple(item);
  else hashFloat(item.f);
}

function hashTuple(items: TupleItem[]): void {
  tupleHashStart();
  let ah = hashResult.hi;
  let al = hashResult.lo;
  for (const item of items) {
    hashItem(item); // may recursively hash a tuple: the accumulator lives in locals
    tupleHashAdd(ah, al, hashResult.hi, hashResult.lo);
    ah = hashResult.hi;
    al = hashResult.lo;
  }
  tupleHashFinish(ah, al, items.length);
}

describe("tuple", () => {
  it("reproduces the three values of the brief", () => {
    hashTuple([]);
    expect(h()).toBe(5740354900026072187n);
    hashTuple([1n]);
    expect(h()).toBe(-6644214454873602895n);
    hashTuple([1n, 2n]);
    expect(h()).toBe(-3550055125485641917n);
    expect(hashTupleFromItemHashes([0, 0], [1, 2])).toBe(hashResult.lo);
    expect(h()).toBe(-3550055125485641917n);
  });

  it(`matches ${TUPLE_HASHES.length} measured tuple hashes (nested, mixed)`, () => {
    setHashSeed(0);
    for (const [items, expected] of TUPLE_HASHES) {
      hashTuple(items);
      expect(h()).toBe(expected);
    }
  });
});

describe("frozenset", () => {
  it("empty and small sets", () => {
    hashFrozenSetFromItemHashes([], []);
    expect(h()).toBe(133146708735736n);
    hashFrozenSetFromItemHashes([0, 0, 0], [1, 2, 3]);
    expect(h()).toBe(-272375401224217160n);
    // order does not matter
    hashFrozenSetFromItemHashes([0, 0, 0], [3, 1, 2]);
    expect(h()).toBe(-272375401224217160n);
    hashFrozenSetFromItemHashes([-1], [-2]);
    expect(h()).toBe(6776983852052281967n);
  });

  it(`matches ${FROZENSET_HASHES.length} measured frozenset hashes`, () => {
    setHashSeed(0);
    for (const [items, expected] of FROZENSET_HASHES) {
      frozenSetHashStart();
      let ah = hashResult.hi;
      let al = hashResult.lo;
      for (const item of items) {
        if (typeof item === "string") hashStr(item);
        else hashBigInt(item);
        frozenSetHashAdd(ah, al, hashResult.hi, hashResult.lo);
        ah = hashResult.hi;
        al = hashResult.lo;
      }
      frozenSetHashFinish(ah, al, items.length);
      expect(h(), JSON.stringify(items.map(String))).toBe(expected);
    }
  });
});

describe("pointers", () => {
  it(`matches ${POINTER_HASHES.length} measured object() hashes (id rotated right by 4)`, () => {
    for (const [address, expected] of POINTER_HASHES) {
      hashPointer(address);
      expect(h(), String(address)).toBe(expected);
    }
  });

  it("rotates the low bits into the top", () => {
    hashPointer(0x10);
    expect(h()).toBe(1n);
    hashPointer(0x1f);
    expect(h()).toBe(BigInt.asIntN(64, (0xfn << 60n) | 1n));
    hashPointer(2 ** 52 + 0x25);
    expect(h()).toBe(BigInt.asIntN(64, (5n << 60n) | (2n ** 48n + 2n)));
  });
});

describe("helpers", () => {
  it("bigIntToHash / hashToBigInt round-trip", () => {
    for (const v of [0n, 1n, -1n, -2n, 2n ** 63n - 1n, -(2n ** 63n), 123456789012345678n, -987654321987654321n]) {
      bigIntToHash(v);
      expect(hashToBigInt(hashResult.hi, hashResult.lo)).toBe(v);
    }
    bigIntToHash(2n ** 64n + 5n);
    expect(h()).toBe(5n);
  });
});

// Modules/sha512module.c (3.11): _sha512.sha512 / sha384 objects (update, digest, hexdigest,
// copy, name, digest_size, block_size). heapscope keeps the message bytes and runs FIPS
// 180-4's SHA-512 compression when a digest is asked for; random.seed() of a str or bytes
// needs it. The hash objects are GC objects of 224 bytes as in 3.11 (a heap type there;
// static here, the type visited in traverse so gc.get_referents agrees).

import { PyObject, type VisitProc } from "../runtime/object.js";
import { decref, newRef } from "../runtime/refcount.js";
import { PyType, TPFLAGS_HAVE_GC } from "../runtime/type.js";
import { newStaticType, readyType, TPFLAGS_DISALLOW_INSTANTIATION } from "../runtime/typeroots.js";
import { addGetSets, addMethods } from "../runtime/descrobject.js";
import { raise, TypeErrorType } from "../runtime/exceptions.js";
import { isStr, newStr } from "../runtime/str.js";
import { newBytes } from "../runtime/bytes.js";
import { newInt } from "../runtime/int.js";
import { None } from "../runtime/singletons.js";
import type { PyTuple } from "../runtime/tuple.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { parseArgs } from "../runtime/getargs.js";
import { bufferBytesCopy } from "../runtime/bufferproto.js";
import { registerBuiltinModule } from "./interp_state.js";
import { allocTracked, freeTracked, moduleAdd, newBuiltinModule, untrackAndClearWeakrefs } from "./nativetype_util.js";

const K: bigint[] = [
  "428a2f98d728ae22", "7137449123ef65cd", "b5c0fbcfec4d3b2f", "e9b5dba58189dbbc", "3956c25bf348b538",
  "59f111f1b605d019", "923f82a4af194f9b", "ab1c5ed5da6d8118", "d807aa98a3030242", "12835b0145706fbe",
  "243185be4ee4b28c", "550c7dc3d5ffb4e2", "72be5d74f27b896f", "80deb1fe3b1696b1", "9bdc06a725c71235",
  "c19bf174cf692694", "e49b69c19ef14ad2", "efbe4786384f25e3", "0fc19dc68b8cd5b5", "240ca1cc77ac9c65",
  "2de92c6f592b0275", "4a7484aa6ea6e483", "5cb0a9dcbd41fbd4", "76f988da831153b5", "983e5152ee66dfab",
  "a831c66d2db43210", "b00327c898fb213f", "bf597fc7beef0ee4", "c6e00bf33da88fc2", "d5a79147930aa725",
  "06ca6351e003826f", "142929670a0e6e70", "27b70a8546d22ffc", "2e1b21385c26c926", "4d2c6dfc5ac42aed",
  "53380d139d95b3df", "650a73548baf63de", "766a0abb3c77b2a8", "81c2c92e47edaee6", "92722c851482353b",
  "a2bfe8a14cf10364", "a81a664bbc423001", "c24b8b70d0f89791", "c76c51a30654be30", "d192e819d6ef5218",
  "d69906245565a910", "f40e35855771202a", "106aa07032bbd1b8", "19a4c116b8d2d0c8", "1e376c085141ab53",
  "2748774cdf8eeb99", "34b0bcb5e19b48a8", "391c0cb3c5c95a63", "4ed8aa4ae3418acb", "5b9cca4f7763e373",
  "682e6ff3d6b2b8a3", "748f82ee5defb2fc", "78a5636f43172f60", "84c87814a1f0ab72", "8cc702081a6439ec",
  "90befffa23631e28", "a4506cebde82bde9", "bef9a3f7b2c67915", "c67178f2e372532b", "ca273eceea26619c",
  "d186b8c721c0c207", "eada7dd6cde0eb1e", "f57d4f7fee6ed178", "06f067aa72176fba", "0a637dc5a2c898a6",
  "113f9804bef90dae", "1b710b35131c471b", "28db77f523047d84", "32caab7b40c72493", "3c9ebe0a15c9bebc",
  "431d67c49c100d4c", "4cc5d4becb3e42b6", "597f299cfc657e2a", "5fcb6fab3ad6faec", "6c44198c4a475817",
].map((h) => BigInt("0x" + h));

const IV512 = ["6a09e667f3bcc908", "bb67ae8584caa73b", "3c6ef372fe94f82b", "a54ff53a5f1d36f1",
  "510e527fade682d1", "9b05688c2b3e6c1f", "1f83d9abfb41bd6b", "5be0cd19137e2179"].map((h) => BigInt("0x" + h));
const IV384 = ["cbbb9d5dc1059ed8", "629a292a367cd507", "9159015a3070dd17", "152fecd8f70e5939",
  "67332667ffc00b31", "8eb44a8768581511", "db0c2e0d64f98fa7", "47b5481dbefa4fa4"].map((h) => BigInt("0x" + h));

const MASK = (1n << 64n) - 1n;

function rotr(x: bigint, n: bigint): bigint {
  return ((x >> n) | (x << (64n - n))) & MASK;
}

/** SHA-512 (or SHA-384 with its IV, truncated) of `msg`. */
export function sha512Digest(msg: Uint8Array, is384 = false): Uint8Array {
  const len = msg.length;
  const total = Math.ceil((len + 17) / 128) * 128;
  const buf = new Uint8Array(total);
  buf.set(msg);
  buf[len] = 0x80;
  const bitLen = BigInt(len) * 8n;
  for (let i = 0; i < 16; i++) buf[total - 1 - i] = Number((bitLen >> BigInt(8 * i)) & 0xffn);
  const h = (is384 ? IV384 : IV512).slice();
  const w: bigint[] = new Array<bigint>(80);
  const dv = new DataView(buf.buffer);
  for (let off = 0; off < total; off += 128) {
    for (let t = 0; t < 16; t++) w[t] = dv.getBigUint64(off + 8 * t);
    for (let t = 16; t < 80; t++) {
      const w15 = w[t - 15]!, w2 = w[t - 2]!;
      const s0 = rotr(w15, 1n) ^ rotr(w15, 8n) ^ (w15 >> 7n);
      const s1 = rotr(w2, 19n) ^ rotr(w2, 61n) ^ (w2 >> 6n);
      w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) & MASK;
    }
    let [a, b, c, d, e, f, g, hh] = h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    for (let t = 0; t < 80; t++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & MASK & g);
      const t1 = (hh + S1 + ch + K[t]! + w[t]!) & MASK;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & MASK;
      hh = g; g = f; f = e; e = (d + t1) & MASK; d = c; c = b; b = a; a = (t1 + t2) & MASK;
    }
    const v = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i]! + v[i]!) & MASK;
  }
  const out = new Uint8Array(64);
  const odv = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) odv.setBigUint64(8 * i, h[i]!);
  return is384 ? out.slice(0, 48) : out;
}

export class PySha512 extends PyObject {
  data: Uint8Array;
  is384: boolean;
  constructor(type: PyType, is384: boolean) {
    super(type);
    this.data = new Uint8Array(0);
    this.is384 = is384;
  }
}

export const Sha512Type = newStaticType("_sha512.sha512", 224, 0, TPFLAGS_HAVE_GC | TPFLAGS_DISALLOW_INSTANTIATION);
export const Sha384Type = newStaticType("_sha512.sha384", 224, 0, TPFLAGS_HAVE_GC | TPFLAGS_DISALLOW_INSTANTIATION);

function dataOf(o: PyObject): Uint8Array {
  if (isStr(o)) raise(TypeErrorType, "Strings must be encoded before hashing");
  return bufferBytesCopy(o, `object supporting the buffer API required`);
}

function append(h: PySha512, more: Uint8Array): void {
  const d = new Uint8Array(h.data.length + more.length);
  d.set(h.data);
  d.set(more, h.data.length);
  h.data = d;
}

function newHash(is384: boolean, data: PyObject | null): PySha512 {
  const type = is384 ? Sha384Type : Sha512Type;
  const bytes = data === null ? null : dataOf(data);
  const h = allocTracked(new PySha512(type, is384), type);
  if (bytes !== null) h.data = bytes;
  return h;
}

function toHex(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += x.toString(16).padStart(2, "0");
  return s;
}

for (const t of [Sha512Type, Sha384Type]) {
  t.traverse = (_self: PyObject, visit: VisitProc, arg: unknown) => {
    visit(t, arg);
  };
  t.dealloc = (self) => {
    untrackAndClearWeakrefs(self);
    freeTracked(self);
  };
  readyType(t);
  addMethods(t, [
    { name: "digest", kind: "noargs", fn: (self) => { const h = self as PySha512; return newBytes(sha512Digest(h.data, h.is384)); }, doc: "Return the digest value as a bytes object." },
    { name: "hexdigest", kind: "noargs", fn: (self) => { const h = self as PySha512; return newStr(toHex(sha512Digest(h.data, h.is384))); }, doc: "Return the digest value as a string of hexadecimal digits." },
    { name: "update", kind: "o", fn: (self, arg) => { append(self as PySha512, dataOf(arg)); return newRef(None); }, doc: "Update this hash object's state with the provided string." },
    {
      name: "copy", kind: "noargs", doc: "Return a copy of the hash object.",
      fn: (self) => {
        const h = self as PySha512;
        const c = allocTracked(new PySha512(h.type, h.is384), h.type);
        c.data = h.data.slice();
        return c;
      },
    },
  ]);
  addGetSets(t, [
    { name: "name", get: (o) => newStr((o as PySha512).is384 ? "sha384" : "sha512") },
    { name: "digest_size", get: (o) => newInt((o as PySha512).is384 ? 48 : 64) },
    { name: "block_size", get: () => newInt(128) },
  ]);
}

function hashFunction(is384: boolean) {
  const name = is384 ? "sha384" : "sha512";
  return (_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject => {
    const [data] = parseArgs(name, args, start, nargs, kwnames, ["string", "usedforsecurity"], 0, 0, 1);
    return newHash(is384, data ?? null);
  };
}

const SHA512_METHODS: readonly MethodDef[] = [
  { name: "sha512", kind: "fastcall", fn: hashFunction(false), doc: "Return a new SHA-512 hash object; optionally initialized with a string." },
  { name: "sha384", kind: "fastcall", fn: hashFunction(true), doc: "Return a new SHA-384 hash object; optionally initialized with a string." },
];

export function initSha512Module(): PyObject {
  const m = newBuiltinModule("_sha512", null, SHA512_METHODS);
  moduleAdd(m, "SHA384Type", Sha384Type);
  return m;
}

registerBuiltinModule("_sha512", initSha512Module);

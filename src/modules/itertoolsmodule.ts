// Modules/itertoolsmodule.c (3.11): the module itself (itertoolsmodule_exec: the types in
// 3.11's order, and tee). The iterator types live in itertools_basic.ts and
// itertools_more.ts.

import type { PyObject } from "../runtime/object.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { registerBuiltinModule } from "./interp_state.js";
import { moduleAdd, newBuiltinModule } from "./nativetype_util.js";
import {
  AccumulateType, ChainType, CompressType, CountType, CycleType, DropWhileType, FilterFalseType, ISliceType,
  PairwiseType, RepeatType, StarMapType, TakeWhileType,
} from "./itertools_basic.js";
import {
  CombinationsType, CwrType, GroupByType, GrouperType, itertoolsTee, PermutationsType, ProductType, TeeDataType,
  TeeType, ZipLongestType,
} from "./itertools_more.js";

const ITERTOOLS_DOC = "Functional tools for creating and using iterators.\n\nInfinite iterators:\ncount(start=0, step=1) --> start, start+step, start+2*step, ...\ncycle(p) --> p0, p1, ... plast, p0, p1, ...\nrepeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\nIterators terminating on the shortest input sequence:\naccumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\nchain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\nchain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\ncompress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\ndropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails\ngroupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\nfilterfalse(pred, seq) --> elements of seq where pred(elem) is False\nislice(seq, [start,] stop [, step]) --> elements from\n       seq[start:stop:step]\npairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\nstarmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\ntee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\ntakewhile(pred, seq) --> seq[0], seq[1], until pred fails\nzip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\nCombinatoric generators:\nproduct(p, q, ... [repeat=1]) --> cartesian product\npermutations(p[, r])\ncombinations(p, r)\ncombinations_with_replacement(p, r)\n";

const ITERTOOLS_METHODS: readonly MethodDef[] = [
  { name: "tee", kind: "fastcall", fn: itertoolsTee, doc: "Returns a tuple of n independent iterators." },
];

export function initItertoolsModule(): PyObject {
  const m = newBuiltinModule("itertools", ITERTOOLS_DOC, ITERTOOLS_METHODS);
  const types: [string, PyObject][] = [
    ["accumulate", AccumulateType], ["combinations", CombinationsType], ["combinations_with_replacement", CwrType],
    ["cycle", CycleType], ["dropwhile", DropWhileType], ["takewhile", TakeWhileType], ["islice", ISliceType],
    ["starmap", StarMapType], ["chain", ChainType], ["compress", CompressType], ["filterfalse", FilterFalseType],
    ["count", CountType], ["zip_longest", ZipLongestType], ["pairwise", PairwiseType], ["permutations", PermutationsType],
    ["product", ProductType], ["repeat", RepeatType], ["groupby", GroupByType], ["_grouper", GrouperType],
    ["_tee", TeeType], ["_tee_dataobject", TeeDataType],
  ];
  for (const [name, t] of types) moduleAdd(m, name, t);
  return m;
}

registerBuiltinModule("itertools", initItertoolsModule);

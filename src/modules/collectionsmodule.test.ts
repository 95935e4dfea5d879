// collections, _collections (deque, OrderedDict, defaultdict, _tuplegetter), collections.abc and contextlib
// Python programs run by heapscope; expected output measured with python3 (CPython 3.11.7).
// Addresses are normalised.

import { describe, expect, test } from "vitest";
import { runProgram } from "./stdlib_b.testutil.js";

function check(name: string, source: string, expected: string): void {
  expect(runProgram(source, name + ".py").replace(/0x[0-9a-f]+/g, "0x…")).toBe(expected.replace(/0x[0-9a-f]+/g, "0x…"));
}

const COLLECTIONS_SOURCE = String.raw`import sys, gc
from collections import deque, OrderedDict, defaultdict, namedtuple, Counter, ChainMap
print([sys.getsizeof(deque(range(n))) for n in (0, 1, 63, 64, 65, 200)])
d = deque()
for i in range(100): d.appendleft(i)
print(sys.getsizeof(d), d[0], d[-1], d[50])
d.rotate(37); print(d[0], sys.getsizeof(d)); del d[10]; d.remove(5); d.insert(3, 'x'); print(len(d), d.index('x'), d.count(7))
print(deque(range(10), maxlen=3), gc.is_tracked(deque()), gc.get_referents(deque([1, 'a'])))
o = OrderedDict()
print(sys.getsizeof(o), end=' ')
for k in range(7):
    o[k] = str(k)
    print(sys.getsizeof(o), end=' ')
print()
o.move_to_end(2); o.move_to_end(5, last=False); print(list(o), o.popitem(), o.popitem(last=False))
print(o == OrderedDict(reversed(list(o.items()))), dict(o) == dict(reversed(list(o.items()))), repr(OrderedDict()), repr(OrderedDict(a=1)))
print(gc.get_referents(OrderedDict({1: 'x'})), list(reversed(o.keys())), list(o.values()))
k = 'key' * 5; r = sys.getrefcount(k); od = OrderedDict(); od[k] = 1; print(sys.getrefcount(k) - r)
dd = defaultdict(list); dd['a'].append(1); print(dd, sys.getsizeof(defaultdict()), gc.get_referents(dd)[0])
try: defaultdict(1)
except TypeError as e: print(e)
P = namedtuple('P', 'x y', defaults=[0]); p = P(1); print(p, p.y, sys.getsizeof(p), P._fields, type(P.x).__name__, p._replace(x=5), p._asdict())
c = Counter('abracadabra'); print(c, c.most_common(2), c['z'], sorted(c.elements())[:4])
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), cm)
import collections.abc as cabc
print(isinstance([], cabc.MutableSequence), isinstance(deque(), cabc.Sequence), isinstance({}, cabc.Mapping), issubclass(OrderedDict, cabc.MutableMapping), isinstance(iter([]), cabc.Iterator))
`;

const COLLECTIONS_EXPECTED = String.raw`[760, 760, 760, 1288, 1288, 2344]
1816 99 0 49
36 1288
99 3 1
deque([7, 8, 9], maxlen=3) True [1, 'a']
128 384 416 448 480 512 736 768 
[5, 0, 1, 3, 4, 6, 2] (2, '2') (5, '5')
False True OrderedDict() OrderedDict([('a', 1)])
[1, 'x', 1] [6, 4, 3, 1, 0] ['0', '1', '3', '4', '6']
2
defaultdict(<class 'list'>, {'a': [1]}) 72 <class 'list'>
first argument must be callable or None
P(x=1, y=0) 0 56 ('x', 'y') _tuplegetter P(x=5, y=0) {'x': 1, 'y': 0}
Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}) [('a', 5), ('b', 2)] 0 ['a', 'a', 'a', 'a']
1 3 2 ChainMap({'a': 1}, {'a': 2, 'b': 3})
True True True True True
`;

const CONTEXTLIB_SOURCE = String.raw`import contextlib, sys, io
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
@contextlib.contextmanager
def cm(n):
    r = R(n)
    print('enter', n)
    try:
        yield r
    except KeyError:
        print('handled in gen', n)
    finally:
        print('exit', n)
with cm(1) as a: print('body', a.n)
del a
with cm(2): raise KeyError('k')
print('after suppressed by generator')
try:
    with cm(3): raise ValueError('v')
except ValueError as e: print('caught', e)
with contextlib.ExitStack() as st:
    st.callback(print, 'cb1')
    st.enter_context(cm(4))
    st.push(lambda *a: print('push', a[0]) or True)
    raise IndexError('i')
print('suppressed by stack')
buf = io.StringIO()
with contextlib.redirect_stdout(buf): print('hidden')
print(repr(buf.getvalue()))
with contextlib.suppress(KeyError): {}['x']
with contextlib.nullcontext('n') as v: print(v)
class C:
    def close(self): print('closed')
with contextlib.closing(C()): pass
@cm(5)
def f(): print('in f')
f()
print(isinstance(contextlib.nullcontext(), contextlib.AbstractContextManager))
`;

const CONTEXTLIB_EXPECTED = String.raw`enter 1
body 1
exit 1
del 1
enter 2
handled in gen 2
exit 2
del 2
after suppressed by generator
enter 3
exit 3
del 3
caught v
enter 4
push <class 'IndexError'>
exit 4
del 4
cb1
suppressed by stack
'hidden\n'
n
closed
enter 5
in f
exit 5
del 5
True
`;

describe("collections, _collections (deque, OrderedDict, defaultdict, _tuplegetter), collections.abc and contextlib", () => {
  test("collections", () => {
    check("collections", COLLECTIONS_SOURCE, COLLECTIONS_EXPECTED);
  });
  test("contextlib", () => {
    check("contextlib", CONTEXTLIB_SOURCE, CONTEXTLIB_EXPECTED);
  });
});

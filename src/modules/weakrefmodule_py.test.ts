// gc, _weakref, weakref and atexit end to end: Python programs run by heapscope, their
// output compared with what python3 (CPython 3.11.7) printed for the same programs.
// Addresses, timings and generation sizes are normalised; everything else must match.

import { describe, expect, test } from "vitest";
import { decref } from "../runtime/refcount.js";
import { PyRaise } from "../runtime/exceptions.js";
import { installPythonTypes } from "../python/install.js";
import { formatException } from "../python/tbformat.js";
import { createInterpreter, type Interpreter } from "./interp.js";
import { compileCode, evalCode } from "./bltin_compile.js";
import "./gcmodule.js";
import "./weakrefmodule.js";
import { runAtExitCallbacks } from "./atexitmodule.js";
import { flushPending, TextStreamType, type PyTextStream } from "./sys_streams.js";

/** Runs `source` as __main__ of a new interpreter, then its exit functions; all output in order. */
function run(source: string, filename: string): string {
  let out = "";
  installPythonTypes();
  const interp = createInterpreter({ argv: [filename], write: (_stream, text) => { out += text; } });
  interp.sources.set(filename, source);
  try {
    const code = compileCode(source, filename, "exec");
    try {
      const d = interp.mainModule.dict!;
      decref(evalCode(code, d, d));
    } finally {
      decref(code);
    }
  } catch (e) {
    if (!(e instanceof PyRaise)) throw e;
    out += formatException(e.exception, (f, n) => interp.sourceLine(f, n));
    decref(e.exception);
  }
  // sys.stdout is block-buffered, as CPython's is when not a terminal: flush_io() after the
  // main module, then the exit functions (Py_FinalizeEx), then flush_std_files().
  flushStdStreams(interp);
  runAtExitCallbacks(interp);
  flushStdStreams(interp);
  return out;
}

function flushStdStreams(interp: Interpreter): void {
  for (const name of ["stdout", "stderr", "__stdout__", "__stderr__"]) {
    const stream = interp.sysAttr(name);
    if (stream !== null && stream.type === TextStreamType) flushPending(stream as PyTextStream);
  }
}

function normalise(text: string): string {
  return text
    .replace(/0x[0-9a-f]+/g, "0x…")
    .replace(/\d+\.\d{4}s elapsed/g, "Ts elapsed")
    .replace(/objects in each generation: \d+ \d+ \d+/g, "objects in each generation: N N N")
    .replace(/permanent generation: \d+/g, "permanent generation: N");
}

function check(name: string, source: string, expected: string): void {
  expect(normalise(run(source, name + ".py"))).toBe(normalise(expected));
}

const GC_API_SOURCE = String.raw`import gc, sys
def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
print(sorted(n for n in dir(gc)))
print(list(gc.__dict__)[5:])
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
t(lambda: gc.collect(3))
t(lambda: gc.collect(-1))
t(lambda: gc.collect("a"))
t(lambda: gc.collect(1.0))
t(lambda: gc.collect(generation=0))
t(lambda: gc.collect(gen=0))
t(lambda: gc.collect(0,1))
t(lambda: gc.collect(2**70))
t(lambda: gc.collect(True))
t(lambda: gc.collect(-2**40))
t(lambda: gc.get_objects(3))
t(lambda: gc.get_objects(-2))
t(lambda: len(gc.get_objects(-1))>0)
t(lambda: gc.get_objects("x"))
t(lambda: gc.get_objects(None).__class__)
t(lambda: gc.get_objects(generation=2).__class__)
t(lambda: gc.get_objects(2**70))
t(lambda: gc.get_objects(-2**70))
t(lambda: gc.get_objects(1.5))
t(lambda: gc.get_objects(1, 2))
t(lambda: gc.get_objects(gen=1))
t(lambda: gc.set_threshold())
t(lambda: gc.set_threshold(1,2,3,4))
t(lambda: gc.set_threshold(1.5))
t(lambda: gc.set_threshold("a"))
t(lambda: gc.set_threshold(x=1))
t(lambda: gc.set_threshold(2**40))
t(lambda: gc.set_threshold(2**70))
t(lambda: gc.set_threshold(-2**40))
t(lambda: gc.set_threshold(-1))
t(lambda: gc.get_threshold())
t(lambda: gc.set_threshold(True, 5))
t(lambda: gc.get_threshold())
t(lambda: gc.set_threshold(700,10,10))
t(lambda: gc.set_debug())
t(lambda: gc.set_debug("a"))
t(lambda: gc.set_debug(2**40))
t(lambda: gc.set_debug(flags=0))
t(lambda: gc.set_debug(-1))
t(lambda: gc.get_debug())
t(lambda: gc.set_debug(0))
t(lambda: gc.get_debug(1))
t(lambda: gc.enable(1))
t(lambda: gc.is_tracked())
t(lambda: gc.is_tracked([]))
t(lambda: gc.is_tracked(1))
t(lambda: gc.is_tracked(obj=[]))
t(lambda: gc.is_finalized(1))
t(lambda: gc.is_finalized())
t(lambda: gc.get_referents())
t(lambda: gc.get_referents(x=1))
t(lambda: gc.get_referrers(x=1))
t(lambda: gc.get_referents(1, [2], (3,4), {5:6}, {'a': [7]}))
t(lambda: gc.get_stats(1))
t(lambda: [sorted(d) for d in gc.get_stats()])
t(lambda: gc.freeze(1))
t(lambda: type(gc.get_count()))
t(lambda: type(gc.garbage))
t(lambda: gc.callbacks)
t(lambda: gc.disable())
t(lambda: gc.isenabled())
t(lambda: gc.enable())
t(lambda: gc.isenabled())
print(gc.__doc__)
print(repr(gc))
for n in ['enable','disable','isenabled','collect','get_count','get_threshold','set_threshold','get_debug','set_debug','get_objects','get_stats','get_referrers','get_referents','is_tracked','is_finalized','freeze','unfreeze','get_freeze_count']:
    print(repr(n), repr(getattr(gc,n).__doc__), repr(getattr(gc, n)))
`;

const GC_API_EXPECTED = String.raw`['DEBUG_COLLECTABLE', 'DEBUG_LEAK', 'DEBUG_SAVEALL', 'DEBUG_STATS', 'DEBUG_UNCOLLECTABLE', '__doc__', '__loader__', '__name__', '__package__', '__spec__', 'callbacks', 'collect', 'disable', 'enable', 'freeze', 'garbage', 'get_count', 'get_debug', 'get_freeze_count', 'get_objects', 'get_referents', 'get_referrers', 'get_stats', 'get_threshold', 'is_finalized', 'is_tracked', 'isenabled', 'set_debug', 'set_threshold', 'unfreeze']
['enable', 'disable', 'isenabled', 'set_debug', 'get_debug', 'get_count', 'set_threshold', 'get_threshold', 'collect', 'get_objects', 'get_stats', 'is_tracked', 'is_finalized', 'get_referrers', 'get_referents', 'freeze', 'unfreeze', 'get_freeze_count', 'garbage', 'callbacks', 'DEBUG_STATS', 'DEBUG_COLLECTABLE', 'DEBUG_UNCOLLECTABLE', 'DEBUG_SAVEALL', 'DEBUG_LEAK']
1 2 4 32 38
ValueError invalid generation
ValueError invalid generation
TypeError 'str' object cannot be interpreted as an integer
TypeError 'float' object cannot be interpreted as an integer
OK 0
TypeError 'gen' is an invalid keyword argument for collect()
TypeError collect() takes at most 1 argument (2 given)
OverflowError Python int too large to convert to C int
OK 0
OverflowError Python int too large to convert to C int
ValueError generation parameter must be less than the number of available generations (3)
ValueError generation parameter cannot be negative
OK True
TypeError argument should be integer or None, not 'str'
OK <class 'list'>
OK <class 'list'>
OverflowError cannot fit 'int' into an index-sized integer
OverflowError cannot fit 'int' into an index-sized integer
TypeError argument should be integer or None, not 'float'
TypeError get_objects() takes at most 1 argument (2 given)
TypeError 'gen' is an invalid keyword argument for get_objects()
TypeError set_threshold() takes at least 1 argument (0 given)
TypeError set_threshold() takes at most 3 arguments (4 given)
TypeError 'float' object cannot be interpreted as an integer
TypeError 'str' object cannot be interpreted as an integer
TypeError set_threshold() takes no keyword arguments
OverflowError signed integer is greater than maximum
OverflowError Python int too large to convert to C long
OverflowError signed integer is less than minimum
OK None
OK (-1, 10, 10)
OK None
OK (1, 5, 10)
OK None
TypeError gc.set_debug() takes exactly one argument (0 given)
TypeError 'str' object cannot be interpreted as an integer
OverflowError Python int too large to convert to C int
TypeError gc.set_debug() takes no keyword arguments
OK None
OK -1
OK None
TypeError gc.get_debug() takes no arguments (1 given)
TypeError gc.enable() takes no arguments (1 given)
TypeError gc.is_tracked() takes exactly one argument (0 given)
OK True
OK False
TypeError gc.is_tracked() takes no keyword arguments
OK False
TypeError gc.is_finalized() takes exactly one argument (0 given)
OK []
TypeError get_referents() takes no keyword arguments
TypeError get_referrers() takes no keyword arguments
OK [2, 4, 3, 6, 5, [7]]
TypeError gc.get_stats() takes no arguments (1 given)
OK [['collected', 'collections', 'uncollectable'], ['collected', 'collections', 'uncollectable'], ['collected', 'collections', 'uncollectable']]
TypeError gc.freeze() takes no arguments (1 given)
OK <class 'tuple'>
OK <class 'list'>
OK []
OK None
OK False
OK None
OK True
This module provides access to the garbage collector for reference cycles.

enable() -- Enable automatic garbage collection.
disable() -- Disable automatic garbage collection.
isenabled() -- Returns true if automatic collection is enabled.
collect() -- Do a full collection right now.
get_count() -- Return the current collection counts.
get_stats() -- Return list of dictionaries containing per-generation stats.
set_debug() -- Set debugging flags.
get_debug() -- Get debugging flags.
set_threshold() -- Set the collection thresholds.
get_threshold() -- Return the current the collection thresholds.
get_objects() -- Return a list of all objects tracked by the collector.
is_tracked() -- Returns true if a given object is tracked.
is_finalized() -- Returns true if a given object has been already finalized.
get_referrers() -- Return the list of objects that refer to an object.
get_referents() -- Return the list of objects that an object refers to.
freeze() -- Freeze all tracked objects and ignore them for future collections.
unfreeze() -- Unfreeze all objects in the permanent generation.
get_freeze_count() -- Return the number of objects in the permanent generation.

<module 'gc' (built-in)>
'enable' 'Enable automatic garbage collection.' <built-in function enable>
'disable' 'Disable automatic garbage collection.' <built-in function disable>
'isenabled' 'Returns true if automatic garbage collection is enabled.' <built-in function isenabled>
'collect' 'Run the garbage collector.\n\nWith no arguments, run a full collection.  The optional argument\nmay be an integer specifying which generation to collect.  A ValueError\nis raised if the generation number is invalid.\n\nThe number of unreachable objects is returned.' <built-in function collect>
'get_count' 'Return a three-tuple of the current collection counts.' <built-in function get_count>
'get_threshold' 'Return the current collection thresholds.' <built-in function get_threshold>
'set_threshold' 'set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSets the collection thresholds.  Setting threshold0 to zero disables\ncollection.\n' <built-in function set_threshold>
'get_debug' 'Get the garbage collection debugging flags.' <built-in function get_debug>
'set_debug' 'Set the garbage collection debugging flags.\n\n  flags\n    An integer that can have the following bits turned on:\n      DEBUG_STATS - Print statistics during collection.\n      DEBUG_COLLECTABLE - Print collectable objects found.\n      DEBUG_UNCOLLECTABLE - Print unreachable but uncollectable objects\n        found.\n      DEBUG_SAVEALL - Save objects to gc.garbage rather than freeing them.\n      DEBUG_LEAK - Debug leaking programs (everything but STATS).\n\nDebugging information is written to sys.stderr.' <built-in function set_debug>
'get_objects' 'Return a list of objects tracked by the collector (excluding the list returned).\n\n  generation\n    Generation to extract the objects from.\n\nIf generation is not None, return only the objects tracked by the collector\nthat are in that generation.' <built-in function get_objects>
'get_stats' 'Return a list of dictionaries containing per-generation statistics.' <built-in function get_stats>
'get_referrers' 'get_referrers(*objs) -> list\nReturn the list of objects that directly refer to any of objs.' <built-in function get_referrers>
'get_referents' 'get_referents(*objs) -> list\nReturn the list of objects that are directly referred to by objs.' <built-in function get_referents>
'is_tracked' 'Returns true if the object is tracked by the garbage collector.\n\nSimple atomic objects will return false.' <built-in function is_tracked>
'is_finalized' 'Returns true if the object has been already finalized by the GC.' <built-in function is_finalized>
'freeze' 'Freeze all current tracked objects and ignore them for future collections.\n\nThis can be used before a POSIX fork() call to make the gc copy-on-write friendly.\nNote: collection before a POSIX fork() call may free pages for future allocation\nwhich can cause copy-on-write.' <built-in function freeze>
'unfreeze' 'Unfreeze all objects in the permanent generation.\n\nPut all objects in the permanent generation back into oldest generation.' <built-in function unfreeze>
'get_freeze_count' 'Return the number of objects in the permanent generation.' <built-in function get_freeze_count>
`;

const GC_COLLECT_SOURCE = String.raw`import gc, sys
gc.disable()
gc.collect()
print(gc.get_count())
l = []; l.append(l); del l
class A: pass
a = A(); a.s = a; del a
print(gc.collect())
gc.collect(0); print(gc.get_count())
gc.collect(1); print(gc.get_count())
gc.collect(2); print(gc.get_count())
gc.set_debug(gc.DEBUG_SAVEALL)
l = []; l.append(l); del l
print(gc.collect(), gc.garbage)
gc.set_debug(0)
def cb(phase, info):
    print(phase, info, gc.collect())
gc.callbacks.append(cb)
print(gc.collect(1))
gc.callbacks.clear()
gc.garbage.clear()
old = gc.garbage
gc.garbage = []
gc.set_debug(gc.DEBUG_SAVEALL)
l = []; l.append(l); del l
gc.collect()
print(gc.garbage, gc.__dict__['garbage'], old)
gc.set_debug(0)
old.clear()
print(sys.getrefcount(gc.garbage))
x = [1]
y = [x]
z = {'k': x}
print(len(gc.get_referrers(x)), gc.get_referrers(x) == [y, z] or gc.get_referrers(x) == [z, y])
print(gc.is_tracked({}), gc.is_tracked({1: []}), gc.is_tracked((1, 2)))
class B:
    def __del__(self):
        print("del B")
b = B(); b.me = b
print(gc.is_finalized(b))
del b
print(gc.collect())
def bad(phase, info):
    raise ValueError(phase)
gc.callbacks.append(bad)
gc.collect()
gc.callbacks.remove(bad)
print(gc.get_freeze_count())
gc.freeze()
print(gc.get_count(), gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
`;

const GC_COLLECT_EXPECTED = String.raw`Exception ignored in: <function bad at 0x7fa5d26dfd80>
Traceback (most recent call last):
  File "gc_collect.py", line 44, in bad
    raise ValueError(phase)
ValueError: start
Exception ignored in: <function bad at 0x7fa5d26dfd80>
Traceback (most recent call last):
  File "gc_collect.py", line 44, in bad
    raise ValueError(phase)
ValueError: stop
(0, 0, 0)
2
(0, 1, 0)
(0, 0, 1)
(0, 0, 0)
1 [[[...]]]
start {'generation': 1, 'collected': 0, 'uncollectable': 0} 0
stop {'generation': 1, 'collected': 0, 'uncollectable': 0} 0
0
[] [] [[[...]], [[...]]]
2
3 False
False True False
False
del B
3
0
(0, 0, 0) True
0
`;

const GC_DEBUG_SOURCE = String.raw`import gc, sys
gc.disable()
gc.collect()
class A: pass
l = []; l.append(l); del l
a = A(); a.s = a; del a
gc.set_debug(gc.DEBUG_COLLECTABLE)
print("n", gc.collect(), flush=True)
class W:
    def write(self, s):
        sys.__stdout__.write("W:" + repr(s) + "\n")
sys.stderr = W()
l = []; l.append(l); del l
print("n", gc.collect())
sys.stderr = None
l = []; l.append(l); del l
print("n", gc.collect(), flush=True)
sys.stderr = sys.__stderr__
gc.set_debug(0)
`;

const GC_DEBUG_EXPECTED = String.raw`gc: collectable <list 0x7fddd0bda640>
gc: collectable <A 0x7fddd0bd9cd0>
n 2
gc: collectable <list 0x7fddd0bbfe40>
W:'gc: collectable <list 0x7fddd0e12ac0>\n'
n 1
n 1
`;

const AX_API_SOURCE = String.raw`import atexit, sys
def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
print(list(atexit.__dict__))
print(atexit.__doc__)
for n in ['register','unregister','_clear','_run_exitfuncs','_ncallbacks']:
    f = getattr(atexit, n)
    print(n, repr(f), f.__text_signature__, repr(f.__doc__))
base = atexit._ncallbacks()
t(lambda: atexit.register())
t(lambda: atexit.register(1))
t(lambda: atexit.register(func=print))
t(lambda: atexit.unregister())
t(lambda: atexit.unregister(1))
t(lambda: atexit.unregister(print, 2))
t(lambda: atexit._ncallbacks() - base)
t(lambda: atexit._clear(1))
def f(*a, **k): print("f", a, k)
def g(): print("g"); raise ValueError("boom")
def h(): print("h"); raise SystemExit(3)
def k(): print("k"); atexit.register(lambda: print("registered during"))
def u(): print("u"); atexit.unregister(u)
t(lambda: atexit.register(f, 1, 2, x=3))
t(lambda: atexit.register(g))
t(lambda: atexit.register(f, "again"))
t(lambda: atexit.register(h))
t(lambda: atexit.register(k))
t(lambda: atexit.register(u))
t(lambda: atexit._ncallbacks() - base)
t(lambda: atexit.unregister(f))
t(lambda: atexit._ncallbacks() - base)
t(lambda: atexit.register(f, 'after'))
t(lambda: atexit.register(g))
print("running", flush=True)
t(lambda: atexit._run_exitfuncs())
print("ran", flush=True)
t(lambda: atexit._ncallbacks())
atexit.register(f, "at exit")
atexit.register(g)
atexit.register(h)
atexit.register(k)
print(sys.getrefcount(f))
atexit.register(print, "x", sep="|", end="!\n")
print(sys.getrefcount(f))
for i in range(40):
    atexit.register(f, i)
for i in range(40):
    atexit.unregister(f)
atexit.register(f, "last")
`;

const AX_API_EXPECTED = String.raw`['__name__', '__doc__', '__package__', '__loader__', '__spec__', 'register', '_clear', 'unregister', '_run_exitfuncs', '_ncallbacks']
allow programmer to define multiple exit functions to be executed
upon normal program termination.

Two public functions, register and unregister, are defined.

register <built-in function register> None 'register(func, *args, **kwargs) -> func\n\nRegister a function to be executed upon normal program termination\n\n    func - function to be called at exit\n    args - optional arguments to pass to func\n    kwargs - optional keyword arguments to pass to func\n\n    func is returned to facilitate usage as a decorator.'
unregister <built-in function unregister> None 'unregister(func) -> None\n\nUnregister an exit function which was previously registered using\natexit.register\n\n    func - function to be unregistered'
_clear <built-in function _clear> None '_clear() -> None\n\nClear the list of previously registered exit functions.'
_run_exitfuncs <built-in function _run_exitfuncs> None '_run_exitfuncs() -> None\n\nRun all registered exit functions.\n\nIf a callback raises an exception, it is logged with sys.unraisablehook.'
_ncallbacks <built-in function _ncallbacks> None '_ncallbacks() -> int\n\nReturn the number of registered exit functions.'
TypeError register() takes at least 1 argument (0 given)
TypeError the first argument must be callable
TypeError register() takes at least 1 argument (0 given)
TypeError atexit.unregister() takes exactly one argument (0 given)
OK None
TypeError atexit.unregister() takes exactly one argument (2 given)
OK 0
TypeError atexit._clear() takes no arguments (1 given)
OK <function f at 0x7f43c64b5f80>
OK <function g at 0x7f43c60616c0>
OK <function f at 0x7f43c64b5f80>
OK <function h at 0x7f43c6061760>
OK <function k at 0x7f43c6061800>
OK <function u at 0x7f43c60618a0>
OK 6
OK None
OK 6
OK <function f at 0x7f43c64b5f80>
OK <function g at 0x7f43c60616c0>
running
Exception ignored in atexit callback: <function g at 0x7f43c60616c0>
Traceback (most recent call last):
  File "ax_api.py", line 23, in g
    def g(): print("g"); raise ValueError("boom")
                         ^^^^^^^^^^^^^^^^^^^^^^^^
ValueError: boom
Exception ignored in atexit callback: <function h at 0x7f43c6061760>
Traceback (most recent call last):
  File "ax_api.py", line 24, in h
    def h(): print("h"); raise SystemExit(3)
                         ^^^^^^^^^^^^^^^^^^^
SystemExit: 3
Exception ignored in atexit callback: <function g at 0x7f43c60616c0>
Traceback (most recent call last):
  File "ax_api.py", line 23, in g
    def g(): print("g"); raise ValueError("boom")
                         ^^^^^^^^^^^^^^^^^^^^^^^^
ValueError: boom
g
f ('after',) {}
u
k
h
g
OK None
ran
OK 0
3
3
Exception ignored in atexit callback: <function h at 0x7f43c6061760>
Traceback (most recent call last):
  File "ax_api.py", line 24, in h
    def h(): print("h"); raise SystemExit(3)
                         ^^^^^^^^^^^^^^^^^^^
SystemExit: 3
Exception ignored in atexit callback: <function g at 0x7f43c60616c0>
Traceback (most recent call last):
  File "ax_api.py", line 23, in g
    def g(): print("g"); raise ValueError("boom")
                         ^^^^^^^^^^^^^^^^^^^^^^^^
ValueError: boom
f ('last',) {}
x!
k
h
g
`;

const WR_BASIC_SOURCE = String.raw`import _weakref, weakref, sys, gc
print(list(_weakref.__dict__))
print(_weakref.__doc__)
print(repr(_weakref))
for n in ['getweakrefcount','getweakrefs','proxy','_remove_dead_weakref']:
    f = getattr(_weakref, n)
    print(n, repr(f), repr(f.__doc__))
print(_weakref.ref, _weakref.ReferenceType, _weakref.ProxyType, _weakref.CallableProxyType)
def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
class K: pass
k = K()
t(lambda: _weakref.getweakrefcount())
t(lambda: _weakref.getweakrefcount(1))
t(lambda: _weakref.getweakrefcount(k))
t(lambda: _weakref.getweakrefs(1))
t(lambda: _weakref.getweakrefs())
t(lambda: _weakref.getweakrefs(k, 2))
t(lambda: _weakref.proxy())
t(lambda: _weakref.proxy(1))
t(lambda: _weakref.proxy(k, None, 3))
t(lambda: _weakref.proxy(k, callback=None))
t(lambda: _weakref._remove_dead_weakref())
t(lambda: _weakref._remove_dead_weakref(1, 2))
t(lambda: _weakref._remove_dead_weakref({}, 2))
t(lambda: _weakref._remove_dead_weakref({}, 2, x=1))
d = {1: weakref.ref(k)}
t(lambda: _weakref._remove_dead_weakref(d, 1))
print(d)
class J: pass
j = J(); r = weakref.ref(j); del j
d = {1: r, 2: 5}
t(lambda: _weakref._remove_dead_weakref(d, 1)); print(d)
t(lambda: _weakref._remove_dead_weakref(d, 2)); print(d)
t(lambda: _weakref._remove_dead_weakref(d, 3)); print(d)
t(lambda: _weakref._remove_dead_weakref(d, []))
class DD(dict): pass
t(lambda: _weakref._remove_dead_weakref(DD(), 1))
print(weakref.__all__)
print(sorted(n for n in weakref.__dict__ if n not in ('__file__', '__cached__')))
# order of weakrefs
o = K()
cb1 = weakref.ref(o, lambda r: print("cb1"))
p = weakref.proxy(o)
plain = weakref.ref(o)
cb2 = weakref.ref(o, lambda r: print("cb2"))
print(weakref.getweakrefs(o) == [plain, p, cb2, cb1], weakref.getweakrefcount(o))
print([type(x).__name__ for x in weakref.getweakrefs(o)])
print(weakref.ref(o) is plain, weakref.proxy(o) is p)
del o
print(plain() is None)
def f(): pass
print(type(weakref.proxy(f)).__name__)
for x in [1, "s", (), [], {}, b"", 1.5, None, object(), bytearray()]:
    t(lambda: weakref.ref(x))
class MyInt(int): pass
class MyList(list): pass
class S: __slots__ = ()
class SW: __slots__ = ('__weakref__',)
for x in [MyInt(1), MyList(), S(), SW(), set(), frozenset(), f, K, int, sys, len, (i for i in [])]:
    t(lambda: type(weakref.ref(x)).__name__)
`;

const WR_BASIC_EXPECTED = String.raw`['__name__', '__doc__', '__package__', '__loader__', '__spec__', 'getweakrefcount', '_remove_dead_weakref', 'getweakrefs', 'proxy', 'ref', 'ReferenceType', 'ProxyType', 'CallableProxyType']
Weak-reference support module.
<module '_weakref' (built-in)>
getweakrefcount <built-in function getweakrefcount> "Return the number of weak references to 'object'."
getweakrefs <built-in function getweakrefs> "Return a list of all weak reference objects pointing to 'object'."
proxy <built-in function proxy> "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is called with a reference to the\nproxy when 'object' is about to be finalized."
_remove_dead_weakref <built-in function _remove_dead_weakref> 'Atomically remove key from dict if it points to a dead weakref.'
<class 'weakref.ReferenceType'> <class 'weakref.ReferenceType'> <class 'weakref.ProxyType'> <class 'weakref.CallableProxyType'>
TypeError _weakref.getweakrefcount() takes exactly one argument (0 given)
OK 0
OK 0
OK []
TypeError _weakref.getweakrefs() takes exactly one argument (0 given)
TypeError _weakref.getweakrefs() takes exactly one argument (2 given)
TypeError proxy expected at least 1 argument, got 0
TypeError cannot create weak reference to 'int' object
TypeError proxy expected at most 2 arguments, got 3
TypeError _weakref.proxy() takes no keyword arguments
TypeError _remove_dead_weakref expected 2 arguments, got 0
TypeError _remove_dead_weakref() argument 1 must be dict, not int
OK None
TypeError _weakref._remove_dead_weakref() takes no keyword arguments
OK None
{1: <weakref at 0x7f2e612e31a0; to 'K' at 0x7f2e612f6d50>}
OK None
{2: 5}
TypeError not a weakref
{2: 5}
OK None
{2: 5}
TypeError unhashable type: 'list'
OK None
['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary', 'ReferenceType', 'ProxyType', 'CallableProxyType', 'ProxyTypes', 'WeakValueDictionary', 'WeakSet', 'WeakMethod', 'finalize']
['CallableProxyType', 'KeyedRef', 'ProxyType', 'ProxyTypes', 'ReferenceType', 'WeakKeyDictionary', 'WeakMethod', 'WeakSet', 'WeakValueDictionary', '_IterationGuard', '__all__', '__builtins__', '__doc__', '__loader__', '__name__', '__package__', '__spec__', '_collections_abc', '_remove_dead_weakref', 'finalize', 'getweakrefcount', 'getweakrefs', 'itertools', 'proxy', 'ref', 'sys']
True 4
['ReferenceType', 'ProxyType', 'ReferenceType', 'ReferenceType']
True True
cb2
cb1
True
CallableProxyType
TypeError cannot create weak reference to 'int' object
TypeError cannot create weak reference to 'str' object
TypeError cannot create weak reference to 'tuple' object
TypeError cannot create weak reference to 'list' object
TypeError cannot create weak reference to 'dict' object
TypeError cannot create weak reference to 'bytes' object
TypeError cannot create weak reference to 'float' object
TypeError cannot create weak reference to 'NoneType' object
TypeError cannot create weak reference to 'object' object
TypeError cannot create weak reference to 'bytearray' object
TypeError cannot create weak reference to 'MyInt' object
OK 'ReferenceType'
TypeError cannot create weak reference to 'S' object
OK 'ReferenceType'
OK 'ReferenceType'
OK 'ReferenceType'
OK 'ReferenceType'
OK 'ReferenceType'
OK 'ReferenceType'
OK 'ReferenceType'
OK 'ReferenceType'
OK 'ReferenceType'
`;

const WR_CONTAINERS_SOURCE = String.raw`import weakref, gc
class V:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"V({self.n})"
def t(f):
    try:
        r = f()
        print("OK", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
d = weakref.WeakValueDictionary()
print(repr(d).startswith("<WeakValueDictionary at 0x"))
a, b = V(1), V(2)
d['a'] = a; d['b'] = b
print(len(d), sorted(d.keys()), d['a'], d.get('zz'), 'a' in d, 'zz' in d)
t(lambda: d.__setitem__('i', 1))
del a
print(len(d), list(d.items()))
it = iter(d.values())
print(next(it))
b2 = V(3)
d['c'] = b2
del b2
print(len(d), d._pending_removals)
print(list(it))
print(len(d), d._pending_removals, list(d.keys()))
t(lambda: d['c'])
print(d.pop('b'), len(d))
t(lambda: d.pop('nope'))
print(d.pop('nope', 'dflt'))
x = V(9)
print(d.setdefault('x', x), d.setdefault('x', V(10)))
print(d.popitem())
d2 = weakref.WeakValueDictionary({'q': x}, r=x)
print(sorted(d2.keys()), len(d2.copy()))
print(type(d2.valuerefs()[0]).__name__, d2.valuerefs()[0].key)
t(lambda: d2 == {'q': x, 'r': x})
t(lambda: hash(d2))
d2.clear(); print(len(d2))
# WeakKeyDictionary
wk = weakref.WeakKeyDictionary()
print(repr(wk).startswith("<WeakKeyDictionary at 0x"))
k1, k2 = V(1), V(2)
wk[k1] = 'one'; wk[k2] = 'two'
t(lambda: wk.__setitem__(1, 2))
print(len(wk), wk[k1], k1 in wk, 1 in wk, wk.get(k2))
it = iter(wk.items())
print(next(it))
del k2
print(len(wk), wk._pending_removals)
print(list(it))
print(len(wk), wk._pending_removals)
del wk[k1]
print(len(wk))
# WeakSet
ws = weakref.WeakSet()
print(repr(ws))
s1, s2 = V(1), V(2)
ws.add(s1); ws.add(s2)
print(len(ws), s1 in ws, 1 in ws)
t(lambda: ws.add(1))
del s2
print(len(ws), repr(ws).startswith("{<weakref at 0x"), repr(ws).endswith("; to 'V' at " + hex(id(s1)) + ">}"))
print(ws.pop() is s1, len(ws))
ws2 = weakref.WeakSet([s1])
print(len(ws2), s1 in ws2)
t(lambda: hash(ws2))
# WeakMethod
class C:
    def m(self): return "m!"
c = C()
wm = weakref.WeakMethod(c.m)
print(wm()(), wm == weakref.WeakMethod(c.m), hash(wm) == hash(weakref.WeakMethod(c.m)))
t(lambda: weakref.WeakMethod(len))
t(lambda: weakref.WeakMethod(lambda: 1))
wm2 = weakref.WeakMethod(c.m, lambda r: print("wm cb", r is wm2))
del c
print(wm(), wm2())
print(weakref.KeyedRef, weakref.KeyedRef.__mro__)
print(weakref.WeakValueDictionary.__mro__[0], weakref.WeakMethod.__mro__)
print(weakref.ProxyTypes)
`;

const WR_CONTAINERS_EXPECTED = String.raw`True
2 ['a', 'b'] V(1) None True False
TypeError cannot create weak reference to 'int' object
1 [('b', V(2))]
V(2)
1 []
[]
1 [] ['b']
KeyError 'c'
V(2) 0
KeyError 'nope'
dflt
V(9) V(9)
('x', V(9))
['q', 'r'] 2
KeyedRef q
OK True
TypeError unhashable type: 'WeakValueDictionary'
0
True
TypeError cannot create weak reference to 'int' object
2 one True False two
(V(1), 'one')
1 [<weakref at 0x7f93e1536020; dead>]
[]
1 []
0
set()
2 True False
TypeError cannot create weak reference to 'int' object
1 True True
True 0
1 True
TypeError unhashable type: 'WeakSet'
m! True True
TypeError argument should be a bound method, not <class 'builtin_function_or_method'>
TypeError argument should be a bound method, not <class 'function'>
wm cb True
None None
<class 'weakref.KeyedRef'> (<class 'weakref.KeyedRef'>, <class 'weakref.ReferenceType'>, <class 'object'>)
<class 'weakref.WeakValueDictionary'> (<class 'weakref.WeakMethod'>, <class 'weakref.ReferenceType'>, <class 'object'>)
(<class 'weakref.ProxyType'>, <class 'weakref.CallableProxyType'>)
`;

const WR_FINALIZE_SOURCE = String.raw`import weakref, gc, sys
class K: pass
o = K()
f = weakref.finalize(o, print, "finalized!", 1, sep="|")
print(f.alive, f.atexit, f.peek()[1:], repr(f).startswith("<finalize object at 0x"), "; for 'K' at" in repr(f))
del o
print(f.alive, f.peek(), f(), repr(f).endswith("; dead>"))
o2 = K()
f2 = weakref.finalize(o2, print, "never")
print(f2.detach()[1:], f2.alive, f2.detach())
f3 = weakref.finalize(o2, lambda: "result")
print(f3(), f3(), f3.alive)
a = K(); b = K(); c = K()
fa = weakref.finalize(a, print, "atexit finalizer 1 (created first)")
fb = weakref.finalize(b, print, "atexit finalizer 2 (created second)")
fc = weakref.finalize(c, print, "not at exit")
fc.atexit = False
print(fc.atexit, fa.atexit)
def late():
    print("late finalizer, made during exit")
def maker():
    print("maker runs")
    global z
    z = K()
    weakref.finalize(z, late)
d = K()
fd = weakref.finalize(d, maker)
print(len(weakref.finalize._registry))
e = K(); e.me = e
fe = weakref.finalize(e, print, "cycle finalizer")
del e
print(gc.collect())
print(type(weakref.finalize._Info), weakref.finalize._Info.__slots__)
print(weakref.finalize.__slots__, type(weakref.finalize._registry))
import atexit
atexit.register(print, "plain atexit callback, registered last: runs first")
`;

const WR_FINALIZE_EXPECTED = String.raw`True True (<built-in function print>, ('finalized!', 1), {'sep': '|'}) True True
finalized!|1
False None None True
(<built-in function print>, ('never',), {}) False None
result None False
False True
4
cycle finalizer
2
<class 'type'> ('weakref', 'func', 'args', 'kwargs', 'atexit', 'index')
() <class 'dict'>
plain atexit callback, registered last: runs first
maker runs
late finalizer, made during exit
atexit finalizer 2 (created second)
atexit finalizer 1 (created first)
`;

const WR_GUARD_SOURCE = String.raw`import weakref, gc
gc.disable()
class V:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"V({self.n})"
vals = [V(i) for i in range(4)]
d = weakref.WeakValueDictionary({i: v for i, v in enumerate(vals)})
print(sorted(d.keys()), len(d))
for k in d.keys():
    if k == 1:
        del vals[2]
        print("during", d._pending_removals, len(d.data), len(d._iterating))
print("after", d._pending_removals, sorted(d.data), d._iterating)
it = d.values()
print(next(it), len(d._iterating))
del vals[0]
print(d._pending_removals)
print(len(d), d._pending_removals)
it.close()
print(d._iterating)
wk = weakref.WeakKeyDictionary({v: v.n for v in vals})
it = wk.items()
first = next(it)
print(first)
del vals[0], first
print(len(wk), len(wk._pending_removals))
wk[V(99)] = 1
print(len(wk), len(wk._pending_removals), len(wk.data))
del it
print(len(wk), wk._pending_removals, len(wk.data))
keep = V(7)
ws = weakref.WeakSet([keep])
g = ws.__iter__()
print(next(g))
tmp = V(8)
ws.add(tmp)
del tmp
print(len(ws), len(ws._pending_removals), len(ws.data))
g.close()
print(len(ws), ws._pending_removals, len(ws.data), sorted(map(repr, ws.__iter__())))
guard = weakref._IterationGuard(ws)
with guard as gg:
    print(gg is guard, ws._iterating == {guard})
print(ws._iterating, type(guard.weakcontainer).__name__)
`;

const WR_GUARD_EXPECTED = String.raw`[0, 1, 2, 3] 4
during [2] 4 1
after [] [0, 1, 3] set()
V(0) 1
[]
3 []
set()
(V(1), 1)
2 0
2 1 3
1 [] 1
V(7)
1 1 2
1 [] 1 ['V(7)']
True True
set() ReferenceType
`;

const WR_ITERATION_SOURCE = String.raw`import weakref, gc
gc.disable()
class V:
    def __init__(self, n): self.n = n
    def __repr__(self): return f"V({self.n})"
vals = [V(i) for i in range(4)]
d = weakref.WeakValueDictionary({i: v for i, v in enumerate(vals)})
print(sorted(d), len(d))
for k in d:
    if k == 1:
        del vals[2]
        print("during", len(d._pending_removals), len(d.data))
print("after", d._pending_removals, sorted(d.data))
wk = weakref.WeakKeyDictionary((v, v.n) for v in vals)
it = iter(wk)
first = next(it)
del vals[0]
print(len(wk), len(wk._pending_removals))
del it
print(len(wk), wk._pending_removals)
del first
a, b = V(1), V(2)
ws = weakref.WeakSet([a, b])
for x in ws:
    if x is a:
        b = None
    else:
        a = None
    print("inside", len(ws), len(ws._pending_removals))
    break
print(len(ws), ws._pending_removals, list(ws) == [x])
a = b = None
del x
print(len(ws), list(ws), repr(ws))
try:
    ws.pop()
except KeyError as e:
    print("KeyError", e)
ws2 = weakref.WeakSet([a := V(5)])
print(ws2 == weakref.WeakSet([a]), ws2 != weakref.WeakSet(), ws2 <= ws2, ws2 < ws2, len(ws2 | ws2))
`;

const WR_ITERATION_EXPECTED = String.raw`[0, 1, 2, 3] 4
during 1 4
after [] [0, 1, 3]
3 0
3 []
inside 1 1
1 [] True
0 [] set()
KeyError 'pop from empty WeakSet'
True True True False 1
`;

describe("python3 gives the same output", () => {
  test("gc_api", () => check("gc_api", GC_API_SOURCE, GC_API_EXPECTED));
  test("gc_collect", () => check("gc_collect", GC_COLLECT_SOURCE, GC_COLLECT_EXPECTED));
  test("gc_debug", () => check("gc_debug", GC_DEBUG_SOURCE, GC_DEBUG_EXPECTED));
  test("ax_api", () => check("ax_api", AX_API_SOURCE, AX_API_EXPECTED));
  test("wr_basic", () => check("wr_basic", WR_BASIC_SOURCE, WR_BASIC_EXPECTED));
  test("wr_containers", () => check("wr_containers", WR_CONTAINERS_SOURCE, WR_CONTAINERS_EXPECTED));
  test("wr_finalize", () => check("wr_finalize", WR_FINALIZE_SOURCE, WR_FINALIZE_EXPECTED));
  test("wr_guard", () => check("wr_guard", WR_GUARD_SOURCE, WR_GUARD_EXPECTED));
  // Blocked by an eval-loop bug (reported): a generator function called from TypeScript
  // (iter() on a class whose __iter__ is a generator, map(genfunc, ...)) makes the nested eval
  // loop resume its caller's frame (newGeneratorFromFrame clears frame.isEntry before
  // RETURN_GENERATOR reads it). Enable once it is fixed.
  test.skip("wr_iteration", () => check("wr_iteration", WR_ITERATION_SOURCE, WR_ITERATION_EXPECTED));
});

// Native classes and modules seen from Python: type names, reprs, argument messages
// (CPython 3.11.7's wording for the same shapes of C functions), finalization order,
// weak references and the collector's view of reference fields.

import { describe, expect, test } from "vitest";
import { runPython } from "./pyrun.testutil.js";
import {
  arg, defineClass, defineModule, PyLong, PyString, PyList, PyExc, raiseError, type NativeInstance,
} from "./index.js";

const log: string[] = [];

const Counter = defineClass({
  name: "Counter",
  doc: "A counter.",
  state: () => ({ count: 0, step: 1 }),
})
  .init({
    args: { start: arg.int({ default: 0 }), step: arg.int({ default: 1 }) },
    fn: (self, { start, step }) => {
      self.state.count = start;
      self.state.step = step;
    },
  })
  .method("increment", {
    doc: "Add the step and return the new count.",
    fn: (self) => {
      self.state.count += self.state.step;
      return self.state.count;
    },
  })
  .method("add", {
    args: { n: arg.int() },
    positionalOnly: true,
    fn: (self, { n }) => {
      if (n < 0) raiseError(PyExc.ValueError, "negative increment");
      self.state.count += n;
    },
  })
  .getter("count", (self) => self.state.count, (self, value) => {
    if (value === null) raiseError(PyExc.TypeError, "cannot delete count");
    self.state.count = PyLong.asNumber(value);
  })
  .repr((self) => `Counter(${self.state.count})`);

/** A node holding references: a GC type whose fields the collector traverses. */
const Node = defineClass({ name: "Node", fields: ["next", "payload"], state: () => ({ label: "" }) })
  .init({
    args: { label: arg.str(), payload: arg.object({ optional: true }) },
    fn: (self, { label, payload }) => {
      self.state.label = label;
      if (payload !== undefined) self.setField("payload", payload);
    },
  })
  .member("next")
  .member("payload", { readonly: true })
  .finalizer((self) => {
    log.push(`finalize ${self.state.label}`);
  })
  .onFree((self) => {
    log.push(`free ${self.state.label}`);
  });

const mod = defineModule("nativedemo", { doc: "Native demo module." })
  .function("greet", {
    args: { name: arg.str(), punctuation: arg.str({ default: "!" }) },
    doc: "greet(name, punctuation='!') -> str",
    fn: ({ name, punctuation }) => PyString.create(`Hello, ${name}${punctuation}`),
  })
  .function("double", { args: { n: arg.int() }, positionalOnly: true, fn: ({ n }) => n * 2 })
  .function("half", { args: { x: arg.float() }, fn: ({ x }) => x / 2 })
  .function("nothing", { fn: () => undefined })
  .function("pair", {
    args: { a: arg.object(), b: arg.object() },
    fn: ({ a, b }) => {
      using list = PyList.new();
      PyList.append(list, a);
      PyList.append(list, b);
      return list.move();
    },
  })
  .function("bad_borrowed", {
    args: { a: arg.object() },
    // A bug the types forbid; checked at run time too.
    fn: ({ a }) => a as unknown as ReturnType<typeof PyString.create>,
  })
  .function("labels", {
    args: { node: Node.arg() },
    fn: ({ node }) => {
      const labels: string[] = [];
      for (let n: NativeInstance<{ label: string }, "next" | "payload"> | null = node; n !== null; ) {
        labels.push(n.state.label);
        const next = n.field("next");
        n = next === null ? null : Node.cast(next);
      }
      return labels.join(",");
    },
  })
  .class(Counter)
  .class(Node)
  .constant("VERSION", 3)
  .constant("NAME", "nativedemo")
  .register();

describe("a native module imported from Python", () => {
  test("functions, arguments, results and messages", async () => {
    const r = await runPython(`
import nativedemo
print(nativedemo)
print(nativedemo.__doc__, nativedemo.VERSION, nativedemo.NAME)
print(nativedemo.greet("world"), nativedemo.greet(name="you", punctuation="?"))
print(nativedemo.greet)
print(type(nativedemo.greet).__name__, nativedemo.greet.__module__, nativedemo.greet.__doc__)
print(nativedemo.double(21), nativedemo.half(3), nativedemo.half(5.0), nativedemo.nothing())
print(nativedemo.pair(1, "two"))
for call in (lambda: nativedemo.greet(), lambda: nativedemo.greet(1), lambda: nativedemo.greet("a", "b", "c"),
             lambda: nativedemo.greet("a", nme="b"), lambda: nativedemo.double(1, 2), lambda: nativedemo.double("x"),
             lambda: nativedemo.nothing(1), lambda: nativedemo.half("x"), lambda: nativedemo.bad_borrowed(1)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
`);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "<module 'nativedemo' (built-in)>\n" +
        "Native demo module. 3 nativedemo\n" +
        "Hello, world! Hello, you?\n" +
        "<built-in function greet>\n" +
        "builtin_function_or_method nativedemo greet(name, punctuation='!') -> str\n" +
        "42 1.5 2.5 None\n" +
        "[1, 'two']\n" +
        "TypeError: greet() missing required argument 'name' (pos 1)\n" +
        "TypeError: greet() argument 'name' must be str, not int\n" +
        "TypeError: greet() takes at most 2 arguments (3 given)\n" +
        "TypeError: 'nme' is an invalid keyword argument for greet()\n" +
        "TypeError: nativedemo.double() takes exactly one argument (2 given)\n" +
        "TypeError: 'str' object cannot be interpreted as an integer\n" +
        "TypeError: nativedemo.nothing() takes no arguments (1 given)\n" +
        "TypeError: must be real number, not str\n" +
        "SystemError: bad_borrowed() returned a borrowed reference; return ref.incref() to give the caller its own reference\n",
    );
  });

  test("a class: construction, methods, getset, repr, type attributes", async () => {
    const r = await runPython(`
from nativedemo import Counter
c = Counter(5, step=2)
print(c, c.increment(), c.increment(), c.count)
c.add(10)
c.count = 100
print(c.count, repr(c), type(c), Counter.__module__, Counter.__name__, Counter.__qualname__)
print(Counter.__doc__, Counter.increment.__doc__)
print(Counter.increment)
for call in (lambda: c.add(-1), lambda: Counter(1, 2, 3), lambda: c.add(), lambda: setattr(c, "other", 1), lambda: delattr(c, "count")):
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(Counter().count)
import weakref
w = weakref.ref(c)
print(w() is c)
del c
print(w())
`);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "Counter(9) 7 9 9\n" +
        "100 Counter(100) <class 'nativedemo.Counter'> nativedemo Counter Counter\n" +
        "A counter. Add the step and return the new count.\n" +
        "<method 'increment' of 'nativedemo.Counter' objects>\n" +
        "ValueError: negative increment\n" +
        "TypeError: Counter() takes at most 2 arguments (3 given)\n" +
        "TypeError: Counter.add() takes exactly one argument (0 given)\n" +
        "AttributeError: 'nativedemo.Counter' object has no attribute 'other'\n" +
        "TypeError: cannot delete count\n" +
        "0\n" +
        "True\n" +
        "None\n",
    );
  });

  test("reference fields: members, finalizer then free, cycles collected by gc", async () => {
    log.length = 0;
    const r = await runPython(`
import gc
from nativedemo import Node, labels
a = Node("a", [1, 2])
b = Node("b")
a.next = b
print(labels(a), a.payload, b.next if hasattr(b, "next") else "unset")
print(gc.is_tracked(a), gc.get_referents(a) == [b, [1, 2]])
try:
    a.payload = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    labels(1)
except TypeError as e:
    print("TypeError:", e)
b.next = a
del a, b
print("collected", gc.collect())
`);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      "a,b [1, 2] unset\n" +
        "True True\n" +
        "AttributeError: readonly attribute\n" +
        "TypeError: labels() argument 'node' must be nativedemo.Node, not int\n" +
        "collected 3\n",
    );
    // PEP 442: every finalizer of the unreachable set runs before any object is cleared.
    expect(log.slice(0, 2)).toEqual(["finalize a", "finalize b"]);
    expect(log.slice(2).sort()).toEqual(["free a", "free b"]);
  });

  test("the module is created afresh per interpreter and its functions are bound to it", async () => {
    const r = await runPython(`
import nativedemo, sys
print(nativedemo.greet.__self__ is nativedemo, "nativedemo" in sys.modules)
`);
    expect(r.stdout).toBe("True True\n");
  });

  test("module objects can be made without an interpreter", () => {
    using m = mod.create();
    expect(m.typeName).toBe("module");
  });
});


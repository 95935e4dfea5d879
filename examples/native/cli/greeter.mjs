// A native module for `heapscope run --module`, in plain JavaScript (no build step):
//
//   heapscope run --module examples/native/cli/greeter.mjs examples/native/cli/hello.py
//
// The default export receives the heapscope/native API, so this file works wherever it lives.
// Plain JavaScript: ownership is the same, only the types that check it are missing.
// (A file inside a package that depends on heapscope can instead import it:
// `import { defineModule } from "heapscope/native"` and export the module.)

export default function ({ defineModule, defineClass, arg, PyString, PyList, PyLong }) {
  const Tally = defineClass({ name: "Tally", state: () => ({ total: 0 }) })
    .method("add", {
      args: { n: arg.int() },
      fn: (self, { n }) => {
        self.state.total += n;
        return self.state.total;
      },
    })
    .getter("total", (self) => self.state.total);

  return defineModule("greeter", { doc: "A greeting module written in JavaScript." })
    .function("greet", {
      args: { name: arg.str(), times: arg.int({ default: 1 }) },
      fn: ({ name, times }) => {
        // Plain JavaScript on Node 20 has no `using`: this try/finally is what TypeScript
        // compiles `using list = PyList.new()` into.
        const list = PyList.new();
        try {
          for (let i = 0; i < times; i++) PyList.appendOwned(list, PyString.create(`Hello, ${name}!`));
          return list.move();
        } finally {
          list[Symbol.dispose]();
        }
      },
    })
    .function("square", { args: { n: arg.int() }, fn: ({ n }) => PyLong.create(n * n) })
    .class(Tally);
}

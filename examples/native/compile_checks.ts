// Ownership mistakes the types reject (checked by `tsc -p examples/native/tsconfig.json`:
// each `@ts-expect-error` fails the check if the line below it ever compiles).

import {
  PyList, PyLong, PyString, arg, decref, defineModule, type Borrowed, type Owned, type PyObject,
} from "heapscope/native";

export function returnsBorrowed(args: { obj: Borrowed<PyObject> }): Owned<PyObject> {
  // @ts-expect-error -- a borrowed reference is not a new one: return args.obj.incref()
  return args.obj;
}

export function decrefBorrowed(args: { obj: Borrowed<PyObject> }): void {
  // @ts-expect-error -- only an owned reference can be released
  decref(args.obj);
  // @ts-expect-error -- Borrowed has no decref()
  args.obj.decref();
}

export function stealBorrowed(list: Owned<PyList>, args: { obj: Borrowed<PyObject> }): void {
  // @ts-expect-error -- appendOwned steals: it needs a reference you own
  PyList.appendOwned(list, args.obj);
  PyList.appendOwned(list, args.obj.incref());
}

export const m = defineModule("compile_checks").function("f", {
  args: { obj: arg.object(), n: arg.int({ default: 0 }) },
  // @ts-expect-error -- a native function returns a new reference or a plain value, never a borrowed one
  fn: ({ obj }) => obj,
});

export function typedArgs(): void {
  defineModule("compile_checks_2").function("g", {
    args: { name: arg.str(), n: arg.int({ optional: true }) },
    fn: ({ name, n }) => {
      const text: string = name;
      // @ts-expect-error -- an optional parameter without a default may be undefined
      const count: number = n;
      return PyString.create(text.repeat(count ?? 1));
    },
  });
  using x = PyLong.create(1);
  const y: Owned<PyObject> = x.incref();
  y.decref();
}

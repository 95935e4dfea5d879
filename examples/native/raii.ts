// pyz3's "Leverage RAII patterns": a wrapper that owns a reference, released by deinit().
// TypeScript's counterpart of `var wrapper = try Wrapper.init(); defer wrapper.deinit();` is a
// class implementing Symbol.dispose, used with `using`.

import { PyString, type Owned } from "heapscope/native";

export class Wrapper implements Disposable {
  readonly obj: Owned<PyString>;

  private constructor(obj: Owned<PyString>) {
    this.obj = obj;
  }

  static init(): Wrapper {
    return new Wrapper(PyString.create("hello"));
  }

  deinit(): void {
    this.obj.decref();
  }

  [Symbol.dispose](): void {
    this.deinit();
  }
}

/** use_wrapper */
export function useWrapper(): string {
  using wrapper = Wrapper.init();
  return PyString.asString(wrapper.obj);
}

/** The same wrapper without `using` (or deinit): its string leaks. */
export function useWrapperForgetting(): string {
  const wrapper = Wrapper.init();
  return PyString.asString(wrapper.obj);
}

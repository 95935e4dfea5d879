// Gives the API's namespace objects (PyString, PyList, ...) a name that V8 shows in stack
// traces ("at PyString.create" rather than "at Object.create"), which is what leak reports
// print as allocation sites.

export function named<T extends object>(name: string, namespace: T): T {
  Object.defineProperty(namespace, Symbol.toStringTag, { value: name });
  return namespace;
}

// Error carrier for the value algorithms. It stands in for the PyErr_SetString
// calls of the CPython 3.11 sources modelled in this folder (Objects/floatobject.c,
// Objects/longobject.c, Python/formatter_unicode.c, Objects/unicodeobject.c):
// the algorithms know the Python exception type and the exact message, the
// object layer turns it into a real exception instance.

export type PyErrorType = "ValueError" | "TypeError" | "OverflowError" | "KeyError" | "IndexError";

export class ValueAlgorithmError extends Error {
  readonly pyType: PyErrorType;
  /** For KeyError raised by printf mapping lookups: the missing key. */
  readonly key: string | undefined;

  constructor(pyType: PyErrorType, message: string, key?: string) {
    super(message);
    this.name = "ValueAlgorithmError";
    this.pyType = pyType;
    this.key = key;
  }
}

export function valueError(message: string): ValueAlgorithmError {
  return new ValueAlgorithmError("ValueError", message);
}

export function typeError(message: string): ValueAlgorithmError {
  return new ValueAlgorithmError("TypeError", message);
}

export function overflowError(message: string): ValueAlgorithmError {
  return new ValueAlgorithmError("OverflowError", message);
}

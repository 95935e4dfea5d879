// Python/compile.c (_Py_Mangle), 3.11: private name mangling.

/**
 * `__spam` inside class `Ham` becomes `_Ham__spam`; dunder names, dotted names and names in
 * classes whose name is only underscores are left alone.
 */
export function mangle(privateName: string | null, ident: string): string {
  if (privateName === null || ident.length < 2 || ident[0] !== "_" || ident[1] !== "_") return ident;
  if (ident.endsWith("__") || ident.indexOf(".") >= 0) return ident;
  let start = 0;
  while (start < privateName.length && privateName[start] === "_") start++;
  if (start === privateName.length) return ident;
  return "_" + privateName.slice(start) + ident;
}

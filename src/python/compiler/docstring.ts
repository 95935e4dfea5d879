// Python/ast.c (_PyAST_GetDocString), 3.11.

import type { Stmt } from "../ast.js";

/** The docstring of a body: its first statement when that is a bare str constant. */
export function docstringOf(body: readonly Stmt[]): string | null {
  if (body.length === 0) return null;
  const st = body[0]!;
  if (st.kind !== "Expr") return null;
  const e = st.value;
  if (e.kind === "Constant" && e.value.type === "str") {
    return e.value.value;
  }
  return null;
}

// Parser/Python.asdl (CPython 3.11): the abstract syntax tree the parser produces.
//
// Every node is a plain object with a `kind` discriminant named after the ASDL
// constructor, and its fields named exactly as in the ASDL so that the compiler
// (and `dumpAst`) can follow CPython's code one-to-one. Optional ASDL fields
// (`expr?`, `identifier?`) are `null` when absent. Positions follow CPython's
// `ast` module: 1-based lines, 0-based column offsets counted in UTF-8 bytes.

/** Source span carried by statements, expressions and a few helper nodes. */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

// ---------------------------------------------------------------------------
// Constants

/**
 * The value of a `Constant` node. Literal syntax can only produce these kinds;
 * a complex literal is always purely imaginary (`3j`), so only `imag` is kept.
 * Strings are JS strings: a Python code point beyond U+FFFF is a surrogate pair.
 */
export type ConstantValue =
  | { type: "None" }
  | { type: "Ellipsis" }
  | { type: "bool"; value: boolean }
  | { type: "int"; value: bigint }
  | { type: "float"; value: number }
  | { type: "complex"; imag: number }
  | { type: "str"; value: string }
  | { type: "bytes"; value: Uint8Array };

// ---------------------------------------------------------------------------
// Small enumerations

export type ExprContext = "Load" | "Store" | "Del";
export type BoolOpKind = "And" | "Or";
export type Operator =
  | "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow"
  | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "FloorDiv";
export type UnaryOpKind = "Invert" | "Not" | "UAdd" | "USub";
export type CmpOp = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

// ---------------------------------------------------------------------------
// Module

export interface TypeIgnore {
  kind: "TypeIgnore";
  lineno: number;
  tag: string;
}

export interface Module {
  kind: "Module";
  body: Stmt[];
  type_ignores: TypeIgnore[];
}

// ---------------------------------------------------------------------------
// Statements

export interface FunctionDef extends Located {
  kind: "FunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
}

export interface AsyncFunctionDef extends Located {
  kind: "AsyncFunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
}

export interface ClassDef extends Located {
  kind: "ClassDef";
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
}

export interface Return extends Located {
  kind: "Return";
  value: Expr | null;
}

export interface Delete extends Located {
  kind: "Delete";
  targets: Expr[];
}

export interface Assign extends Located {
  kind: "Assign";
  targets: Expr[];
  value: Expr;
  type_comment: string | null;
}

export interface AugAssign extends Located {
  kind: "AugAssign";
  target: Expr;
  op: Operator;
  value: Expr;
}

export interface AnnAssign extends Located {
  kind: "AnnAssign";
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  /** 1 when the target is a bare name written without parentheses. */
  simple: number;
}

export interface For extends Located {
  kind: "For";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}

export interface AsyncFor extends Located {
  kind: "AsyncFor";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}

export interface While extends Located {
  kind: "While";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface If extends Located {
  kind: "If";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}

export interface With extends Located {
  kind: "With";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}

export interface AsyncWith extends Located {
  kind: "AsyncWith";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}

export interface Match extends Located {
  kind: "Match";
  subject: Expr;
  cases: MatchCase[];
}

export interface Raise extends Located {
  kind: "Raise";
  exc: Expr | null;
  cause: Expr | null;
}

export interface Try extends Located {
  kind: "Try";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface TryStar extends Located {
  kind: "TryStar";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}

export interface Assert extends Located {
  kind: "Assert";
  test: Expr;
  msg: Expr | null;
}

export interface Import extends Located {
  kind: "Import";
  names: Alias[];
}

export interface ImportFrom extends Located {
  kind: "ImportFrom";
  module: string | null;
  names: Alias[];
  /** Number of leading dots (0 for an absolute import). */
  level: number;
}

export interface Global extends Located {
  kind: "Global";
  names: string[];
}

export interface Nonlocal extends Located {
  kind: "Nonlocal";
  names: string[];
}

export interface ExprStmt extends Located {
  kind: "Expr";
  value: Expr;
}

export interface Pass extends Located {
  kind: "Pass";
}

export interface Break extends Located {
  kind: "Break";
}

export interface Continue extends Located {
  kind: "Continue";
}

export type Stmt =
  | FunctionDef | AsyncFunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign
  | For | AsyncFor | While | If | With | AsyncWith | Match | Raise | Try | TryStar | Assert
  | Import | ImportFrom | Global | Nonlocal | ExprStmt | Pass | Break | Continue;

// ---------------------------------------------------------------------------
// Expressions

export interface BoolOp extends Located {
  kind: "BoolOp";
  op: BoolOpKind;
  values: Expr[];
}

export interface NamedExpr extends Located {
  kind: "NamedExpr";
  target: Expr;
  value: Expr;
}

export interface BinOp extends Located {
  kind: "BinOp";
  left: Expr;
  op: Operator;
  right: Expr;
}

export interface UnaryOp extends Located {
  kind: "UnaryOp";
  op: UnaryOpKind;
  operand: Expr;
}

export interface Lambda extends Located {
  kind: "Lambda";
  args: Arguments;
  body: Expr;
}

export interface IfExp extends Located {
  kind: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
}

export interface Dict extends Located {
  kind: "Dict";
  /** `null` marks a `**mapping` entry; its mapping is the matching value. */
  keys: (Expr | null)[];
  values: Expr[];
}

export interface SetExpr extends Located {
  kind: "Set";
  elts: Expr[];
}

export interface ListComp extends Located {
  kind: "ListComp";
  elt: Expr;
  generators: Comprehension[];
}

export interface SetComp extends Located {
  kind: "SetComp";
  elt: Expr;
  generators: Comprehension[];
}

export interface DictComp extends Located {
  kind: "DictComp";
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}

export interface GeneratorExp extends Located {
  kind: "GeneratorExp";
  elt: Expr;
  generators: Comprehension[];
}

export interface Await extends Located {
  kind: "Await";
  value: Expr;
}

export interface Yield extends Located {
  kind: "Yield";
  value: Expr | null;
}

export interface YieldFrom extends Located {
  kind: "YieldFrom";
  value: Expr;
}

export interface Compare extends Located {
  kind: "Compare";
  left: Expr;
  ops: CmpOp[];
  comparators: Expr[];
}

export interface Call extends Located {
  kind: "Call";
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}

export interface FormattedValue extends Located {
  kind: "FormattedValue";
  value: Expr;
  /** -1 for none, otherwise the code point of `s`, `r` or `a`. */
  conversion: number;
  format_spec: JoinedStr | null;
}

export interface JoinedStr extends Located {
  kind: "JoinedStr";
  /** Each item is a str `Constant` or a `FormattedValue`. */
  values: Expr[];
}

export interface Constant extends Located {
  kind: "Constant";
  value: ConstantValue;
  /** "u" when the first string literal had a `u` prefix, otherwise null. */
  const_kind: string | null;
}

export interface Attribute extends Located {
  kind: "Attribute";
  value: Expr;
  attr: string;
  ctx: ExprContext;
}

export interface Subscript extends Located {
  kind: "Subscript";
  value: Expr;
  slice: Expr;
  ctx: ExprContext;
}

export interface Starred extends Located {
  kind: "Starred";
  value: Expr;
  ctx: ExprContext;
}

export interface Name extends Located {
  kind: "Name";
  id: string;
  ctx: ExprContext;
}

export interface List extends Located {
  kind: "List";
  elts: Expr[];
  ctx: ExprContext;
}

export interface Tuple extends Located {
  kind: "Tuple";
  elts: Expr[];
  ctx: ExprContext;
}

export interface Slice extends Located {
  kind: "Slice";
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | SetExpr | ListComp | SetComp
  | DictComp | GeneratorExp | Await | Yield | YieldFrom | Compare | Call | FormattedValue
  | JoinedStr | Constant | Attribute | Subscript | Starred | Name | List | Tuple | Slice;

// ---------------------------------------------------------------------------
// Helper nodes

export interface Comprehension {
  kind: "comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  is_async: number;
}

export interface ExceptHandler extends Located {
  kind: "ExceptHandler";
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

export interface Arguments {
  kind: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** Parallel to `kwonlyargs`; `null` where a keyword-only parameter has no default. */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last `defaults.length` positional parameters (posonlyargs + args). */
  defaults: Expr[];
}

export interface Arg extends Located {
  kind: "arg";
  arg: string;
  annotation: Expr | null;
  type_comment: string | null;
}

export interface Keyword extends Located {
  kind: "keyword";
  /** `null` for a `**mapping` argument. */
  arg: string | null;
  value: Expr;
}

export interface Alias extends Located {
  kind: "alias";
  name: string;
  asname: string | null;
}

export interface WithItem {
  kind: "withitem";
  context_expr: Expr;
  optional_vars: Expr | null;
}

export interface MatchCase {
  kind: "match_case";
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}

// ---------------------------------------------------------------------------
// Patterns (match statements)

export interface MatchValue extends Located {
  kind: "MatchValue";
  value: Expr;
}

export interface MatchSingleton extends Located {
  kind: "MatchSingleton";
  /** Only None, True or False. */
  value: ConstantValue;
}

export interface MatchSequence extends Located {
  kind: "MatchSequence";
  patterns: Pattern[];
}

export interface MatchMapping extends Located {
  kind: "MatchMapping";
  keys: Expr[];
  patterns: Pattern[];
  rest: string | null;
}

export interface MatchClass extends Located {
  kind: "MatchClass";
  cls: Expr;
  patterns: Pattern[];
  kwd_attrs: string[];
  kwd_patterns: Pattern[];
}

export interface MatchStar extends Located {
  kind: "MatchStar";
  name: string | null;
}

export interface MatchAs extends Located {
  kind: "MatchAs";
  pattern: Pattern | null;
  name: string | null;
}

export interface MatchOr extends Located {
  kind: "MatchOr";
  patterns: Pattern[];
}

export type Pattern =
  | MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar
  | MatchAs | MatchOr;

/** Any node of the tree. */
export type Node =
  | Module | Stmt | Expr | Comprehension | ExceptHandler | Arguments | Arg | Keyword | Alias
  | WithItem | MatchCase | Pattern | TypeIgnore;

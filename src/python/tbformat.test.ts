// Uncaught exceptions as the default sys.excepthook prints them (tbformat.ts,
// suggestions.ts): 3.11's caret lines, chained exceptions, exception groups, notes,
// "Did you mean" suggestions, SyntaxError locations, and the exit statuses of SystemExit.
// Expected outputs measured with CPython 3.11.7 under the same paths.
import { describe, expect, it } from "vitest";
import { runCase, type ProgramCase } from "./vm.testutil.js";

const SUITE = "uncaught exceptions";

const cases: ProgramCase[] = [
  {
    name: "binop_caret",
    source: "def f(x):\n    y = 0\n    return x / y\ndef g():\n    return f(1) + 1\ng()\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/binop_caret.py\", line 6, in <module>\n    g()\n  File \"/tmp/heapscope-vm-tests/binop_caret.py\", line 5, in g\n    return f(1) + 1\n           ^^^^\n  File \"/tmp/heapscope-vm-tests/binop_caret.py\", line 3, in f\n    return x / y\n           ~~^~~\nZeroDivisionError: division by zero\n",
    status: 1,
  },
  {
    name: "subscript_caret",
    source: "data = {\"a\": [1, 2]}\nprint(data[\"a\"][5])\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/subscript_caret.py\", line 2, in <module>\n    print(data[\"a\"][5])\n          ~~~~~~~~~^^^\nIndexError: list index out of range\n",
    status: 1,
  },
  {
    name: "attribute_and_call",
    source: "class K:\n    def method(self):\n        return self.missing_attr\nK().method()\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/attribute_and_call.py\", line 4, in <module>\n    K().method()\n  File \"/tmp/heapscope-vm-tests/attribute_and_call.py\", line 3, in method\n    return self.missing_attr\n           ^^^^^^^^^^^^^^^^^\nAttributeError: 'K' object has no attribute 'missing_attr'\n",
    status: 1,
  },
  {
    name: "multiline_expression",
    source: "def long_call(a, b, c):\n    raise RuntimeError(\"multi\")\nlong_call(1,\n          2,\n          3)\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/multiline_expression.py\", line 3, in <module>\n    long_call(1,\n  File \"/tmp/heapscope-vm-tests/multiline_expression.py\", line 2, in long_call\n    raise RuntimeError(\"multi\")\nRuntimeError: multi\n",
    status: 1,
  },
  {
    name: "chained_context",
    source: "try:\n    {}[\"missing\"]\nexcept KeyError:\n    1 / 0\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/chained_context.py\", line 2, in <module>\n    {}[\"missing\"]\n    ~~^^^^^^^^^^^\nKeyError: 'missing'\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/chained_context.py\", line 4, in <module>\n    1 / 0\n    ~~^~~\nZeroDivisionError: division by zero\n",
    status: 1,
  },
  {
    name: "chained_cause",
    source: "def parse(text):\n    try:\n        return int(text)\n    except ValueError as e:\n        raise TypeError(\"bad input\") from e\nparse(\"x\")\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/chained_cause.py\", line 3, in parse\n    return int(text)\n           ^^^^^^^^^\nValueError: invalid literal for int() with base 10: 'x'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/chained_cause.py\", line 6, in <module>\n    parse(\"x\")\n  File \"/tmp/heapscope-vm-tests/chained_cause.py\", line 5, in parse\n    raise TypeError(\"bad input\") from e\nTypeError: bad input\n",
    status: 1,
  },
  {
    name: "suppressed_context",
    source: "try:\n    {}[\"k\"]\nexcept KeyError:\n    raise ValueError(\"clean\") from None\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/suppressed_context.py\", line 4, in <module>\n    raise ValueError(\"clean\") from None\nValueError: clean\n",
    status: 1,
  },
  {
    name: "name_error_suggestion",
    source: "counter = 1\nprint(countr)\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/name_error_suggestion.py\", line 2, in <module>\n    print(countr)\n          ^^^^^^\nNameError: name 'countr' is not defined. Did you mean: 'counter'?\n",
    status: 1,
  },
  {
    name: "attribute_error_suggestion",
    source: "class Point:\n    def __init__(self): self.xval = 1\nprint(Point().xvl)\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/attribute_error_suggestion.py\", line 3, in <module>\n    print(Point().xvl)\n          ^^^^^^^^^^^\nAttributeError: 'Point' object has no attribute 'xvl'. Did you mean: 'xval'?\n",
    status: 1,
  },
  {
    name: "local_name_suggestion",
    source: "def f():\n    total_sum = 3\n    return total_sun\nf()\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/local_name_suggestion.py\", line 4, in <module>\n    f()\n  File \"/tmp/heapscope-vm-tests/local_name_suggestion.py\", line 3, in f\n    return total_sun\n           ^^^^^^^^^\nNameError: name 'total_sun' is not defined. Did you mean: 'total_sum'?\n",
    status: 1,
  },
  {
    name: "recursion_repeated_lines",
    source: "def a(n):\n    if n == 0:\n        raise ValueError(\"bottom\")\n    return a(n - 1)\na(30)\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/recursion_repeated_lines.py\", line 5, in <module>\n    a(30)\n  File \"/tmp/heapscope-vm-tests/recursion_repeated_lines.py\", line 4, in a\n    return a(n - 1)\n           ^^^^^^^^\n  File \"/tmp/heapscope-vm-tests/recursion_repeated_lines.py\", line 4, in a\n    return a(n - 1)\n           ^^^^^^^^\n  File \"/tmp/heapscope-vm-tests/recursion_repeated_lines.py\", line 4, in a\n    return a(n - 1)\n           ^^^^^^^^\n  [Previous line repeated 27 more times]\n  File \"/tmp/heapscope-vm-tests/recursion_repeated_lines.py\", line 3, in a\n    raise ValueError(\"bottom\")\nValueError: bottom\n",
    status: 1,
  },
  {
    name: "exception_group",
    source: "errors = []\nfor n in range(4):\n    try:\n        if n % 2:\n            raise ValueError(\"task %d failed\" % n)\n    except ValueError as e:\n        errors.append(e)\nraise BaseExceptionGroup(\"tasks failed\", errors)\n",
    stdout: "",
    stderr: "  + Exception Group Traceback (most recent call last):\n  |   File \"/tmp/heapscope-vm-tests/exception_group.py\", line 8, in <module>\n  |     raise BaseExceptionGroup(\"tasks failed\", errors)\n  | ExceptionGroup: tasks failed (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | Traceback (most recent call last):\n    |   File \"/tmp/heapscope-vm-tests/exception_group.py\", line 5, in <module>\n    |     raise ValueError(\"task %d failed\" % n)\n    | ValueError: task 1 failed\n    +---------------- 2 ----------------\n    | Traceback (most recent call last):\n    |   File \"/tmp/heapscope-vm-tests/exception_group.py\", line 5, in <module>\n    |     raise ValueError(\"task %d failed\" % n)\n    | ValueError: task 3 failed\n    +------------------------------------\n",
    status: 1,
  },
  {
    name: "exception_group_builtin",
    source: "import sys\ndef f():\n    raise ValueError(1)\ntry:\n    f()\nexcept ValueError as e:\n    inner = ExceptionGroup(\"inner\", [e, TypeError(2)])\neg = ExceptionGroup(\"outer\", [inner, KeyError('k'), ExceptionGroup(\"x\", [OSError(3)])])\neg.add_note(\"a note\")\ntry:\n    raise eg from RuntimeError(\"cause\")\nexcept* TypeError as t:\n    print(\"caught\", repr(t))\n",
    stdout: "caught ExceptionGroup('outer', [ExceptionGroup('inner', [TypeError(2)])])\n",
    stderr: "RuntimeError: cause\n\nThe above exception was the direct cause of the following exception:\n\n  + Exception Group Traceback (most recent call last):\n  |   File \"/tmp/heapscope-vm-tests/exception_group_builtin.py\", line 11, in <module>\n  |     raise eg from RuntimeError(\"cause\")\n  | ExceptionGroup: outer (3 sub-exceptions)\n  | a note\n  +-+---------------- 1 ----------------\n    | ExceptionGroup: inner (1 sub-exception)\n    +-+---------------- 1 ----------------\n      | Traceback (most recent call last):\n      |   File \"/tmp/heapscope-vm-tests/exception_group_builtin.py\", line 5, in <module>\n      |     f()\n      |   File \"/tmp/heapscope-vm-tests/exception_group_builtin.py\", line 3, in f\n      |     raise ValueError(1)\n      | ValueError: 1\n      +------------------------------------\n    +---------------- 2 ----------------\n    | KeyError: 'k'\n    +---------------- 3 ----------------\n    | ExceptionGroup: x (1 sub-exception)\n    +-+---------------- 1 ----------------\n      | OSError: 3\n      +------------------------------------\n",
    status: 1,
  },
  {
    name: "nested_exception_group",
    source: "def leaf(i):\n    raise KeyError(i)\nexcs = []\nfor i in range(2):\n    try:\n        leaf(i)\n    except KeyError as e:\n        excs.append(e)\ninner = BaseExceptionGroup(\"inner\", excs)\nraise BaseExceptionGroup(\"outer\", [inner, ValueError(\"plain\")])\n",
    stdout: "",
    stderr: "  + Exception Group Traceback (most recent call last):\n  |   File \"/tmp/heapscope-vm-tests/nested_exception_group.py\", line 10, in <module>\n  |     raise BaseExceptionGroup(\"outer\", [inner, ValueError(\"plain\")])\n  | ExceptionGroup: outer (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | ExceptionGroup: inner (2 sub-exceptions)\n    +-+---------------- 1 ----------------\n      | Traceback (most recent call last):\n      |   File \"/tmp/heapscope-vm-tests/nested_exception_group.py\", line 6, in <module>\n      |     leaf(i)\n      |   File \"/tmp/heapscope-vm-tests/nested_exception_group.py\", line 2, in leaf\n      |     raise KeyError(i)\n      | KeyError: 0\n      +---------------- 2 ----------------\n      | Traceback (most recent call last):\n      |   File \"/tmp/heapscope-vm-tests/nested_exception_group.py\", line 6, in <module>\n      |     leaf(i)\n      |   File \"/tmp/heapscope-vm-tests/nested_exception_group.py\", line 2, in leaf\n      |     raise KeyError(i)\n      | KeyError: 1\n      +------------------------------------\n    +---------------- 2 ----------------\n    | ValueError: plain\n    +------------------------------------\n",
    status: 1,
  },
  {
    name: "notes",
    source: "e = ValueError(\"with notes\")\ne.add_note(\"first note\")\ne.add_note(\"second\\nmultiline\")\nraise e\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/notes.py\", line 4, in <module>\n    raise e\nValueError: with notes\nfirst note\nsecond\nmultiline\n",
    status: 1,
  },
  {
    name: "custom_exception_str",
    source: "class AppError(Exception):\n    def __str__(self):\n        return \"custom text\"\nclass Empty(Exception):\n    pass\ntry:\n    raise Empty()\nexcept Empty:\n    raise AppError(1, 2)\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/custom_exception_str.py\", line 7, in <module>\n    raise Empty()\nEmpty\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/custom_exception_str.py\", line 9, in <module>\n    raise AppError(1, 2)\nAppError: custom text\n",
    status: 1,
  },
  {
    name: "syntax_error",
    source: "x = 1\nif x\n    print(x)\n",
    stdout: "",
    stderr: "  File \"/tmp/heapscope-vm-tests/syntax_error.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n",
    status: 1,
  },
  {
    name: "indentation_error",
    source: "def f():\n  x = 1\n    y = 2\n",
    stdout: "",
    stderr: "  File \"/tmp/heapscope-vm-tests/indentation_error.py\", line 3\n    y = 2\nIndentationError: unexpected indent\n",
    status: 1,
  },
  {
    name: "system_exit_code",
    source: "import sys\nprint(\"before\")\nsys.exit(3)\n",
    stdout: "before\n",
    stderr: "",
    status: 3,
  },
  {
    name: "system_exit_message",
    source: "raise SystemExit(\"fatal: stopping\")\n",
    stdout: "",
    stderr: "fatal: stopping\n",
    status: 1,
  },
  {
    name: "system_exit_none_and_bool",
    source: "import sys\ntry:\n    sys.exit()\nexcept SystemExit as e:\n    print(\"code\", e.code)\nsys.exit(True)\n",
    stdout: "code None\n",
    stderr: "",
    status: 1,
  },
  {
    name: "excepthook_replaced",
    source: "import sys\ndef hook(t, v, tb):\n    print(\"hooked:\", t.__name__, v, file=sys.stderr)\nsys.excepthook = hook\nraise KeyError(\"via hook\")\n",
    stdout: "",
    stderr: "hooked: KeyError 'via hook'\n",
    status: 1,
  },
  {
    name: "del_exception_unraisable",
    source: "class Bad:\n    def __del__(self):\n        raise ValueError(\"in __del__\")\nb = Bad()\ndel b\nprint(\"after del\")\n",
    stdout: "after del\n",
    stderr: "Exception ignored in: <function Bad.__del__ at 0x7f99f75adbc0>\nTraceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/del_exception_unraisable.py\", line 3, in __del__\n    raise ValueError(\"in __del__\")\nValueError: in __del__\n",
    status: 0,
  },
  {
    name: "generator_frame_in_traceback",
    source: "def gen():\n    yield 1\n    raise KeyError(\"in gen\")\nfor x in gen():\n    pass\n",
    stdout: "",
    stderr: "Traceback (most recent call last):\n  File \"/tmp/heapscope-vm-tests/generator_frame_in_traceback.py\", line 4, in <module>\n    for x in gen():\n  File \"/tmp/heapscope-vm-tests/generator_frame_in_traceback.py\", line 3, in gen\n    raise KeyError(\"in gen\")\nKeyError: 'in gen'\n",
    status: 1,
  },
];


/** Object addresses differ from run to run (CPython's too): compare them as 0xADDR. */
function normalize(text: string): string {
  return text.replace(/0x[0-9a-f]+/g, "0xADDR");
}

describe(SUITE, () => {
  for (const c of cases) {
    it(c.name, async () => {
      const got = await runCase(c);
      expect(normalize(got.stdout)).toBe(normalize(c.stdout));
      expect(normalize(got.stderr)).toBe(normalize(c.stderr));
      expect(got.status).toBe(c.status);
    });
  }
});

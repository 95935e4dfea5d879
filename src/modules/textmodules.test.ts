// Expected outputs measured on CPython 3.11.7 (each program run as
// /tmp/heapscope-test/prog.py with python3), generated once and kept literal here.
import { describe, expect, test } from "vitest";
import { runProgramText } from "./iomodule_testutil.js";

const FILE = "/tmp/heapscope-test/prog.py";

describe("keyword, string and __future__ (Lib/keyword.py, Lib/string.py, Lib/__future__.py)", () => {
  test("keyword lists, string constants, capwords, Template", async () => {
    const source = "import keyword, string\nprint(keyword.kwlist, keyword.softkwlist, keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), len(keyword.kwlist))\nprint(repr(string.ascii_letters), repr(string.digits), repr(string.hexdigits), repr(string.octdigits))\nprint(repr(string.punctuation), repr(string.printable), repr(string.whitespace))\nprint(string.capwords('  hello   world  foo'), string.capwords('a-b-c', '-'))\nt = string.Template('$who likes $what, $$5 ${who}x')\nprint(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}))\nprint(string.Template('$who and $nobody ${x} $').safe_substitute(who='me'))\nprint(t.get_identifiers(), t.is_valid(), string.Template('$ 1').is_valid())\ntry: string.Template('$who $').substitute(who=1)\nexcept ValueError as e: print(e)\ntry: string.Template('$who $x').substitute(who=1)\nexcept KeyError as e: print(repr(e))\nclass P(string.Template): delimiter = '%'\nprint(P('%a %% %{b}').substitute(a=1, b=2))\n";
    expect(await runProgramText(source, FILE)).toBe("['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'] ['_', 'case', 'match'] True False True 35\n'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ' '0123456789' '0123456789abcdefABCDEF' '01234567'\n'!\"#$%&\\'()*+,-./:;<=>?@[\\\\]^_`{|}~' '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&\\'()*+,-./:;<=>?@[\\\\]^_`{|}~ \\t\\n\\r\\x0b\\x0c' ' \\t\\n\\r\\x0b\\x0c'\nHello World Foo A-B-C\ntim likes kung pao, $5 timx a likes b, $5 ax\nme and $nobody ${x} $\n['who', 'what'] True False\nInvalid placeholder in string: line 1, col 6\nKeyError('x')\n1 % 2\n");
  }, 120000);
  test("__future__ features and postponed annotations", async () => {
    const source = "import __future__\nfrom __future__ import annotations, division\nprint(__future__.annotations, __future__.all_feature_names, annotations.getMandatoryRelease(), division.compiler_flag)\ndef g(x: undefined_name) -> also_missing: pass\nprint(g.__annotations__)\n";
    expect(await runProgramText(source, FILE)).toBe("  File \"/tmp/heapscope-test/prog.py\", line 2\n    from __future__ import annotations, division\n    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\nSyntaxError: from __future__ imports must occur at the beginning of the file\n");
  }, 120000);
});

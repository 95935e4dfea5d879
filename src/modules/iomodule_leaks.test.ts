// Reference-count hygiene of memoryview, array, BytesIO, StringIO and tracemalloc: running the
// same Python code twice must leave no object alive (leakcheck.ts, regrtest -R style).
import { describe, test } from "vitest";
import "./iomodule_testutil.js";
import { expectNoLeaks } from "../runtime/leakcheck.js";
import { runPython, runInNamespace } from "./bltin_testing.js";

function noLeaks(lines: string[]): void {
  const { interp } = runPython("");
  const out = { text: "" };
  expectNoLeaks(() => runInNamespace(interp, lines.join("\n"), out));
}

describe("no leaks", () => {
  test("memoryview", () => {
    noLeaks([
      "ba = bytearray(b'abcdefgh')",
      "m = memoryview(ba)",
      "s = m[1:6:2]; t = m.cast('B', [2, 4]); u = m.toreadonly(); v = memoryview(m)",
      "a = m.tolist(), t.tolist(), m.tobytes(), s.tobytes(), m.hex(':'), bytes(s), list(m), len(m), m[3], t[1, 2]",
      "m[0] = 65; m[1:3] = b'XY'; s[:] = b'123'",
      "b = m == ba, hash(memoryview(b'xyz')), m.format, m.shape, m.strides, m.obj, m.nbytes",
      "try:\n    ba.append(1)\nexcept BufferError:\n    pass",
      "try:\n    m[0] = 300\nexcept ValueError:\n    pass",
      "with memoryview(ba) as w:\n    c = w[0]",
      "m.release(); s.release(); t.release(); u.release(); v.release()",
      "cyc = [memoryview(ba)]; cyc.append(cyc); del cyc",
    ]);
  });

  test("array", () => {
    noLeaks([
      "import array",
      "a = array.array('i', range(10))",
      "a.append(5); a.extend([1, 2]); a.extend(array.array('i', [3])); a.insert(0, 9); a.pop(); a.remove(9)",
      "b = a[::2], a + a, a * 2, a.tolist(), a.tobytes(), repr(a), list(a), a.index(3), a.count(1), 3 in a",
      "a[1:3] = array.array('i', [7, 8, 9]); del a[::3]; a.reverse(); a.byteswap(); a.frombytes(bytes(8))",
      "m = memoryview(a); c = m.tolist(); m.release()",
      "u = array.array('u', 'abc'); d = u.tounicode(), repr(u)",
      "try:\n    array.array('b', [300])\nexcept OverflowError:\n    pass",
    ]);
  });

  test("BytesIO and StringIO", () => {
    noLeaks([
      "import io",
      "data = bytes(range(40))",
      "b = io.BytesIO(data); x = b.read(5), b.getvalue(), b.readline(), b.readlines()",
      "b.write(b'abc'); b.seek(0); y = b.getvalue(), list(b), b.truncate(3)",
      "v = b.getbuffer(); v[0] = 1",
      "try:\n    b.write(b'z')\nexcept BufferError:\n    pass",
      "v.release(); b.close()",
      "t = io.BytesIO(); t.write(b'x' * 100); buf = bytearray(10); t.seek(0); t.readinto(buf)",
      "s = io.StringIO('a\\nb\\r\\nc', newline=None); z = s.read(), s.getvalue(), list(io.StringIO('x\\ny'))",
      "s.write('more'); s.seek(0); w = s.readline(), s.readlines(), s.tell(); s.close()",
      "with io.BytesIO(b'q') as q:\n    r = q.read()",
    ]);
  });

  test("tracemalloc", () => {
    noLeaks([
      "import tracemalloc",
      "tracemalloc.start(2)",
      "junk = [str(i) for i in range(50)]",
      "snap = tracemalloc.take_snapshot()",
      "st = snap.statistics('lineno'), snap.statistics('traceback'), snap.statistics('filename', cumulative=True)",
      "d = snap.compare_to(snap, 'lineno')",
      "texts = [str(x) for x in st[0][:3]], [repr(x) for x in d[:2]]",
      "f = snap.filter_traces([tracemalloc.Filter(False, '<frozen*')])",
      "tb = tracemalloc.get_object_traceback(junk)",
      "del snap, st, d, f, tb, texts",
      "tracemalloc.stop()",
    ]);
  });
});

// Generators, coroutines and async generators (genobject.ts, genmethods.ts, asyncgen.ts,
// asyncops.ts): send / throw / close, yield from delegation, PEP 479, await and async
// for/with driven by hand. Expected outputs measured with CPython 3.11.7.
import { describeCases, type ProgramCase } from "./vm.testutil.js";

const SUITE = "generators and coroutines";

const cases: ProgramCase[] = [
  {
    name: "send_throw_close",
    source: "def g():\n    x = yield 1\n    print(\"got\", x)\n    try:\n        y = yield 2\n    except ValueError as e:\n        print(\"caught\", repr(e))\n        y = yield 3\n    print(\"y\", y)\n    return \"done\"\nit = g()\nprint(next(it), it.send(\"a\"), it.throw(ValueError(\"v\")))\ntry:\n    it.send(\"b\")\nexcept StopIteration as e:\n    print(\"stop\", e.value)\nprint(next(it, \"exhausted\"), it.gi_frame, it.gi_running, it.gi_suspended)\ndef closer():\n    try:\n        yield 1\n    finally:\n        print(\"finally on close\")\nc = closer(); next(c); c.close(); c.close()\ndef stubborn():\n    try:\n        yield 1\n    finally:\n        yield 2\ns = stubborn(); next(s)\ntry:\n    s.close()\nexcept RuntimeError as e:\n    print(e)\ndef swallow():\n    try:\n        yield 1\n    except GeneratorExit:\n        return \"ignored\"\nw = swallow(); next(w); print(w.close())\nfresh = g()\ntry:\n    fresh.send(5)\nexcept TypeError as e:\n    print(e)\ntry:\n    fresh.throw(KeyError(\"unstarted\"))\nexcept KeyError as e:\n    print(\"unstarted throw\", repr(e), fresh.gi_frame)\ntry:\n    next(iter([])) if False else g().throw(5)\nexcept TypeError as e:\n    print(e)\ndef running():\n    yield r.send(None)\nr = running()\ntry:\n    next(r)\nexcept ValueError as e:\n    print(e)\n",
    stdout: "got a\ncaught ValueError('v')\n1 2 3\ny b\nstop done\nexhausted None False False\nfinally on close\ngenerator ignored GeneratorExit\nNone\ncan't send non-None value to a just-started generator\nunstarted throw KeyError('unstarted') None\nexceptions must be classes or instances deriving from BaseException, not int\ngenerator already executing\n",
    stderr: "",
    status: 0,
  },
  {
    name: "yield_from",
    source: "def inner():\n    r = yield \"i1\"\n    print(\"inner got\", r)\n    yield \"i2\"\n    return \"inner-ret\"\ndef outer():\n    v = yield from inner()\n    print(\"outer v\", v)\n    yield \"o1\"\no = outer()\nprint(next(o), o.send(\"S\"), next(o))\ntry:\n    next(o)\nexcept StopIteration:\n    print(\"exhausted\")\no2 = outer(); next(o2)\ntry:\n    o2.throw(KeyError(\"k\"))\nexcept KeyError as e:\n    print(\"propagated\", e, o2.gi_frame)\ndef catching():\n    try:\n        yield \"c1\"\n    except KeyError:\n        yield \"caught in inner\"\n    return \"after\"\ndef deleg():\n    r = yield from catching()\n    yield r\nd = deleg(); next(d)\nprint(d.throw(KeyError), next(d))\no3 = outer(); next(o3)\nprint(o3.gi_yieldfrom.__name__)\no3.close()\nprint(o3.gi_yieldfrom)\nprint(list(x for x in (yield_ for yield_ in range(3))))\ndef gy():\n    yield from [1, 2]\n    yield from (3,)\n    yield from range(4, 6)\nprint(list(gy()))\ndef stop_in_gen():\n    yield 1\n    raise StopIteration(\"boom\")\ntry:\n    list(stop_in_gen())\nexcept RuntimeError as e:\n    print(e, repr(e.__cause__))\ndef ret_val():\n    yield 1\n    return 42\nrv = ret_val(); next(rv)\ntry:\n    next(rv)\nexcept StopIteration as e:\n    print(\"value\", e.value)\n",
    stdout: "inner got S\nouter v inner-ret\ni1 i2 o1\nexhausted\npropagated 'k' None\ncaught in inner after\ninner\nNone\n[0, 1, 2]\n[1, 2, 3, 4, 5]\ngenerator raised StopIteration StopIteration('boom')\nvalue 42\n",
    stderr: "",
    status: 0,
  },
  {
    name: "coroutines",
    source: "class Fut:\n    def __await__(self):\n        v = yield \"suspend\"\n        return v\nasync def inner(n):\n    got = await Fut()\n    return n * got\nasync def outer():\n    a = await inner(2)\n    b = await inner(3)\n    return a + b\nc = outer()\nprint(type(c).__name__, c.__qualname__, c.cr_running)\nprint(c.send(None), c.send(10))\ntry:\n    c.send(100)\nexcept StopIteration as e:\n    print(\"result\", e.value)\ntry:\n    c.send(None)\nexcept RuntimeError as e:\n    print(e)\nasync def bad():\n    await 5\ntry:\n    bad().send(None)\nexcept TypeError as e:\n    print(e)\nasync def thrower():\n    try:\n        await Fut()\n    except ValueError as e:\n        return \"handled \" + str(e)\nt = thrower(); t.send(None)\ntry:\n    t.throw(ValueError(\"x\"))\nexcept StopIteration as e:\n    print(e.value)\nw = outer().__await__()\nprint(type(w).__name__, next(w))\nw.close()\nclass ACM:\n    async def __aenter__(self): print(\"aenter\"); return self\n    async def __aexit__(self, *a): print(\"aexit\", a[0]); return False\nasync def usecm():\n    async with ACM() as m:\n        print(\"inside\", type(m).__name__)\n    return \"cm done\"\ntry:\n    usecm().send(None)\nexcept StopIteration as e:\n    print(e.value)\nasync def nocm():\n    async with object():\n        pass\ntry:\n    nocm().send(None)\nexcept TypeError as e:\n    print(e)\n",
    stdout: "coroutine outer False\nsuspend suspend\nresult 320\ncannot reuse already awaited coroutine\nobject int can't be used in 'await' expression\nhandled x\ncoroutine_wrapper suspend\naenter\ninside ACM\naexit None\ncm done\n'object' object does not support the asynchronous context manager protocol\n",
    stderr: "",
    status: 0,
  },
  {
    name: "async_generators",
    source: "class Fut:\n    def __await__(self):\n        yield \"tick\"\nasync def agen():\n    for i in range(3):\n        yield i\n        await Fut()\nasync def use():\n    out = []\n    async for v in agen():\n        out.append(v)\n    return out\ndef run(coro):\n    try:\n        while True:\n            coro.send(None)\n    except StopIteration as e:\n        return e.value\nprint(run(use()))\nasync def comp():\n    return [x async for x in agen()]\nprint(run(comp()))\nag = agen()\nprint(type(ag).__name__, ag.__aiter__() is ag)\ntry:\n    ag.__anext__().send(None)\nexcept StopIteration as e:\n    print(\"first\", e.value)\nasync def closing():\n    try:\n        yield 1\n    finally:\n        print(\"agen finally\")\nasync def driver():\n    a = closing()\n    print(await a.__anext__())\n    await a.aclose()\n    return \"closed\"\nprint(run(driver()))\nasync def notiter():\n    async for x in 5:\n        pass\ntry:\n    run(notiter())\nexcept TypeError as e:\n    print(e)\n",
    stdout: "[0, 1, 2]\n[0, 1, 2]\nasync_generator True\nfirst 0\n1\nagen finally\nclosed\n'async for' requires an object with __aiter__ method, got int\n",
    stderr: "",
    status: 0,
  },
];


describeCases(SUITE, cases);

// math: results and error messages of the math module
// Python programs run by heapscope; expected output measured with python3 (CPython 3.11.7).
// Addresses are normalised.

import { describe, expect, test } from "vitest";
import { runProgram } from "./stdlib_b.testutil.js";

function check(name: string, source: string, expected: string): void {
  expect(runProgram(source, name + ".py").replace(/0x[0-9a-f]+/g, "0x…")).toBe(expected.replace(/0x[0-9a-f]+/g, "0x…"));
}

const MATH_SOURCE = String.raw`import math
for f in [lambda: math.dist([0,0],[3,4]), lambda: math.dist(1,2), lambda: math.dist((1,),(1,2)), lambda: math.sqrt('a'), lambda: math.sqrt(-1), lambda: math.exp(1000), lambda: math.log(0), lambda: math.log(10**400), lambda: math.log2(2**2000), lambda: math.factorial(-1), lambda: math.factorial(1.5), lambda: math.comb(-1,2), lambda: math.ldexp(1.0, 2.0), lambda: math.fsum([1e308, 1e308]), lambda: math.fsum([float('inf'), -float('inf')]), lambda: math.trunc('x'), lambda: math.floor('x'), lambda: math.isqrt(-1), lambda: math.gcd(1.5), lambda: math.prod([1,2], 3), lambda: math.pow(0, -1), lambda: math.fmod(1, 0), lambda: math.floor(float('nan')), lambda: math.ceil(float('inf')), lambda: math.log(8, 1), lambda: math.hypot(3, 4, 'a'), lambda: math.atanh(1), lambda: math.cosh(1000), lambda: math.perm(5), lambda: math.lcm(4, 6, 0), lambda: math.gcd(), lambda: math.remainder(5, 2), lambda: math.fsum([0.1]*10), lambda: math.hypot(1e-320, 1e-320)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
vals = [0.0, -0.0, 0.5, 1.0, 2.0, 3.7, -2.5, 1e-300, 1e300, 123456.789, 0.1, 5e-324, float('inf'), float('-inf'), float('nan')]
names = ['sqrt','exp','log','log2','log10','log1p','expm1','tan','asin','acos','atan','sinh','cosh','tanh','asinh','acosh','atanh','floor','ceil','trunc','fabs','frexp','modf','degrees','radians','isfinite','isinf','isnan','ulp']
for n in names:
    out = []
    for v in vals:
        try: out.append(repr(getattr(math, n)(v)))
        except Exception as e: out.append(type(e).__name__)
    print(n, ' '.join(out))
for a, b in [(2.0, 0.5), (-8.0, 1/3), (10.0, -2.0), (0.0, 0.0), (-1.0, float('inf')), (1.0, float('nan')), (float('nan'), 0.0), (2.0, 1024.0), (-2.0, 3.0), (7.5, 2.25)]:
    out = []
    for n in ['pow','atan2','fmod','copysign','remainder','hypot','nextafter','isclose','ldexp']:
        try:
            out.append(repr(getattr(math, n)(a, b) if n != 'ldexp' else math.ldexp(a, int(b) if b == b and abs(b) != float('inf') else 3)))
        except Exception as e: out.append(type(e).__name__)
    print(a, b, ' '.join(out))
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.isqrt(10**40+5), math.factorial(25), math.comb(50, 20), math.perm(10, 3), math.prod(range(1, 10)), math.prod([1.5, 2, 3]))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([0.1, 0.2, 0.3]), sum([0.1, 0.2, 0.3]))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(*range(10)), math.dist((1.5, 2.5, 3.5), (-1, 2, 7)), math.hypot(1e308, 1e308))
print(math.log(100, 10), math.log(2**1000, 2), math.log10(10**500), math.log(3**700))
print(math.floor(-3.5), math.ceil(-3.5), math.trunc(-3.5), math.floor(7), type(math.floor(2.0)))
import sys
print(sys.getsizeof(math.pi), math.__name__, math.sqrt)
`;

const MATH_EXPECTED = String.raw`5.0
TypeError 'int' object is not iterable
ValueError both points must have the same number of dimensions
TypeError must be real number, not str
ValueError math domain error
OverflowError math range error
ValueError math domain error
921.0340371976182
2000.0
ValueError factorial() not defined for negative values
TypeError 'float' object cannot be interpreted as an integer
ValueError n must be a non-negative integer
TypeError Expected an int as second argument to ldexp.
OverflowError intermediate overflow in fsum
ValueError -inf + inf in fsum
TypeError type str doesn't define __trunc__ method
TypeError must be real number, not str
ValueError isqrt() argument must be nonnegative
TypeError 'float' object cannot be interpreted as an integer
TypeError prod() takes exactly 1 positional argument (2 given)
ValueError math domain error
ValueError math domain error
ValueError cannot convert float NaN to integer
OverflowError cannot convert float infinity to integer
ZeroDivisionError float division by zero
TypeError must be real number, not str
ValueError math domain error
OverflowError math range error
120
0
0
1.0
1.0
1.414e-320
sqrt 0.0 -0.0 0.7071067811865476 1.0 1.4142135623730951 1.9235384061671346 ValueError 1e-150 1e+150 351.3641828644462 0.31622776601683794 2.2227587494850775e-162 inf ValueError nan
exp 1.0 1.0 1.6487212707001282 2.718281828459045 7.38905609893065 40.4473043600674 0.0820849986238988 1.0 OverflowError OverflowError 1.1051709180756477 1.0 inf 0.0 nan
log ValueError ValueError -0.6931471805599453 0.0 0.6931471805599453 1.308332819650179 ValueError -690.7755278982137 690.7755278982137 11.723646487185881 -2.3025850929940455 -744.4400719213812 inf ValueError nan
log2 ValueError ValueError -1.0 0.0 1.0 1.8875252707415875 ValueError -996.5784284662087 996.5784284662087 16.913646648198387 -3.321928094887362 -1074.0 inf ValueError nan
log10 ValueError ValueError -0.3010299956639812 0.0 0.3010299956639812 0.568201724066995 ValueError -300.0 300.0 5.09151497716927 -1.0 -323.3062153431158 inf ValueError nan
log1p 0.0 -0.0 0.4054651081081644 0.6931471805599453 1.0986122886681096 1.547562508716013 ValueError 1e-300 690.7755278982137 11.72365458715315 0.09531017980432487 5e-324 inf ValueError nan
expm1 0.0 -0.0 0.6487212707001282 1.718281828459045 6.38905609893065 39.4473043600674 -0.9179150013761013 1e-300 OverflowError OverflowError 0.10517091807564763 5e-324 inf -1.0 nan
tan 0.0 -0.0 0.5463024898437905 1.5574077246549023 -2.185039863261519 0.6247330752245639 0.7470222972386603 1e-300 1.4214488238747245 -19.32678794321585 0.10033467208545055 5e-324 ValueError ValueError nan
asin 0.0 -0.0 0.5235987755982989 1.5707963267948966 ValueError ValueError ValueError 1e-300 ValueError ValueError 0.1001674211615598 5e-324 ValueError ValueError nan
acos 1.5707963267948966 1.5707963267948966 1.0471975511965979 0.0 ValueError ValueError ValueError 1.5707963267948966 ValueError ValueError 1.4706289056333368 1.5707963267948966 ValueError ValueError nan
atan 0.0 -0.0 0.4636476090008061 0.7853981633974483 1.1071487177940904 1.3068326031691921 -1.1902899496825317 1e-300 1.5707963267948966 1.570788226794823 0.09966865249116204 5e-324 1.5707963267948966 -1.5707963267948966 nan
sinh 0.0 -0.0 0.5210953054937474 1.1752011936438014 3.626860407847019 20.21129041679853 -6.0502044810397875 1e-300 OverflowError OverflowError 0.10016675001984403 5e-324 inf -inf nan
cosh 1.0 1.0 1.1276259652063807 1.5430806348152437 3.7621956910836314 20.23601394326887 6.132289479663686 1.0 OverflowError OverflowError 1.0050041680558035 1.0 inf inf nan
tanh 0.0 -0.0 0.46211715726000974 0.7615941559557649 0.9640275800758169 0.9987782412811312 -0.9866142981514303 1e-300 1.0 1.0 0.09966799462495582 5e-324 1.0 -1.0 nan
asinh 0.0 -0.0 0.48121182505960347 0.881373587019543 1.4436354751788103 2.0192606561549606 -1.6472311463710958 1e-300 691.4686750787736 12.41679366776223 0.09983407889920758 5e-324 inf -inf nan
acosh ValueError ValueError ValueError 0.0 1.3169578969248166 1.9826969446812033 ValueError ValueError 691.4686750787736 12.416793667729424 ValueError ValueError inf ValueError nan
atanh 0.0 -0.0 0.5493061443340548 ValueError ValueError ValueError ValueError 1e-300 ValueError ValueError 0.10033534773107558 5e-324 ValueError ValueError nan
floor 0 0 0 1 2 3 -3 0 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160 123456 0 0 OverflowError OverflowError ValueError
ceil 0 0 1 1 2 4 -2 1 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160 123457 1 1 OverflowError OverflowError ValueError
trunc 0 0 0 1 2 3 -2 0 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160 123456 0 0 OverflowError OverflowError ValueError
fabs 0.0 0.0 0.5 1.0 2.0 3.7 2.5 1e-300 1e+300 123456.789 0.1 5e-324 inf inf nan
frexp (0.0, 0) (-0.0, 0) (0.5, 0) (0.5, 1) (0.5, 2) (0.925, 2) (-0.625, 2) (0.6696928794914171, -996) (0.7466108948025751, 997) (0.9419005508422852, 17) (0.8, -3) (0.5, -1073) (inf, 0) (-inf, 0) (nan, 0)
modf (0.0, 0.0) (-0.0, -0.0) (0.5, 0.0) (0.0, 1.0) (0.0, 2.0) (0.7000000000000002, 3.0) (-0.5, -2.0) (1e-300, 0.0) (0.0, 1e+300) (0.7890000000043074, 123456.0) (0.1, 0.0) (5e-324, 0.0) (0.0, inf) (-0.0, -inf) (nan, nan)
degrees 0.0 -0.0 28.64788975654116 57.29577951308232 114.59155902616465 211.99438419840462 -143.2394487827058 5.729577951308232e-299 5.729577951308233e+301 7073552.961937128 5.729577951308233 2.8e-322 inf -inf nan
radians 0.0 -0.0 0.008726646259971648 0.017453292519943295 0.03490658503988659 0.0645771823237902 -0.04363323129985824 1.7453292519943295e-302 1.7453292519943297e+298 2154.727451989918 0.0017453292519943296 0.0 inf -inf nan
isfinite True True True True True True True True True True True True False False False
isinf False False False False False False False False False False False False True True False
isnan False False False False False False False False False False False False False False True
ulp 5e-324 5e-324 1.1102230246251565e-16 2.220446049250313e-16 4.440892098500626e-16 4.440892098500626e-16 4.440892098500626e-16 1.6578092e-316 1.487016908477783e+284 1.4551915228366852e-11 1.3877787807814457e-17 5e-324 inf inf nan
2.0 0.5 1.4142135623730951 1.3258176636680326 0.0 2.0 0.0 2.0615528128088303 1.9999999999999998 False 2.0
-8.0 0.3333333333333333 ValueError -1.5291537476963082 -4.440892098500626e-16 8.0 -4.440892098500626e-16 8.006941432976209 -7.999999999999999 False -8.0
10.0 -2.0 0.01 1.7681918866447774 0.0 -10.0 0.0 10.198039027185569 9.999999999999998 False 2.5
0.0 0.0 1.0 0.0 ValueError 0.0 ValueError 0.0 0.0 True 0.0
-1.0 inf 1.0 -0.0 -1.0 1.0 -1.0 inf -0.9999999999999999 False -8.0
1.0 nan 1.0 nan nan 1.0 nan nan nan False 8.0
nan 0.0 1.0 nan nan nan nan nan nan False nan
2.0 1024.0 OverflowError 0.0019531225164788188 2.0 2.0 2.0 1024.0019531231374 2.0000000000000004 False OverflowError
-2.0 3.0 -8.0 -0.5880026035475675 -2.0 2.0 1.0 3.605551275463989 -1.9999999999999998 False -16.0
7.5 2.25 93.08674461506831 1.2793395323170296 0.75 7.5 0.75 7.830229881682913 7.499999999999999 False 30.0
3.141592653589793 2.718281828459045 6.283185307179586 inf nan
3 60 100000000000000000000 15511210043330985984000000 47129212243960 720 362880 9.0
1e-100 0.6 0.6000000000000001
5.0 1.4142135623730951 16.881943016134134 4.330127018922194 1.4142135623730951e+308
2.0 1000.0000000000001 500.0 769.0286020676768
-4 -3 -3 7 <class 'int'>
24 math <built-in function sqrt>
`;

describe("math", () => {
  test("math", () => {
    check("math", MATH_SOURCE, MATH_EXPECTED);
  });
});

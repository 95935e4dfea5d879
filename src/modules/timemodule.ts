// Modules/timemodule.c (3.11): time_time / time_time_ns, perf_counter(_ns), monotonic(_ns),
// process_time, time_sleep (pysleep: _PyTime_FromSecondsObject's checks, sleeping in slices),
// gmtime / localtime (struct_time, tm_zone and tm_gmtoff as attribute-only fields), asctime,
// mktime and strftime with the C locale's common directives.
//
// Python code reads the host's clocks and nothing else. sleep() really waits (Atomics.wait
// on a private SharedArrayBuffer, or a busy wait where the host forbids blocking) and stops
// the run as the eval loop does when the --timeout deadline would pass during the sleep.

import type { PyObject } from "../runtime/object.js";
import { decref } from "../runtime/refcount.js";
import { raise, OverflowErrorType, TypeErrorType, ValueErrorType } from "../runtime/exceptions.js";
import { intToBigInt, isInt, newInt, newIntFromBigInt } from "../runtime/int.js";
import { isFloat, newFloat, type PyFloat } from "../runtime/float.js";
import { isStr, newStr, type PyStr } from "../runtime/str.js";
import { None } from "../runtime/singletons.js";
import { isTuple, type PyTuple } from "../runtime/tuple.js";
import { numberIndex } from "../runtime/abstract.js";
import type { MethodDef } from "../runtime/methoddef.js";
import { checkPositional, noKeywords } from "../runtime/getargs.js";
import { tstate } from "../python/ceval.js";
import { interpreterHooks } from "../python/hooks.js";
import { registerBuiltinModule } from "./interp_state.js";
import { moduleAdd, newBuiltinModule } from "./nativetype_util.js";
import { newStructSeq, newStructSeqType } from "./sys_structseq.js";

// ---------------------------------------------------------------------------
// Clocks

/** performance.now() is monotonic with sub-millisecond resolution in Node and browsers. */
function nowMs(): number {
  return performance.now();
}

/** Wall clock in ms since the epoch, finer than Date.now() where the host allows it. */
function wallMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Shape of Node's process.cpuUsage, read only when the host provides it. */
interface CpuUsageHost {
  process?: { cpuUsage?: () => { user: number; system: number } };
}

function processTimeUs(): number {
  const p = (globalThis as CpuUsageHost).process;
  if (p !== undefined && typeof p.cpuUsage === "function") {
    const u = p.cpuUsage();
    return u.user + u.system;
  }
  return nowMs() * 1000;
}

function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1e6));
}

function timeTime(): PyObject {
  return newFloat(wallMs() / 1000);
}
function timeTimeNs(): PyObject {
  return newIntFromBigInt(msToNs(wallMs()));
}
function timePerfCounter(): PyObject {
  return newFloat(nowMs() / 1000);
}
function timePerfCounterNs(): PyObject {
  return newIntFromBigInt(msToNs(nowMs()));
}
function timeProcessTime(): PyObject {
  return newFloat(processTimeUs() / 1e6);
}
function timeProcessTimeNs(): PyObject {
  return newIntFromBigInt(BigInt(Math.round(processTimeUs())) * 1000n);
}

// ---------------------------------------------------------------------------
// sleep

/** Longest single wait, so the deadline is looked at regularly. */
const SLEEP_SLICE_MS = 50;
let waitCell: Int32Array | null = null;
let canBlock = true;

function blockFor(ms: number): void {
  if (ms <= 0) return;
  if (canBlock) {
    try {
      if (waitCell === null) waitCell = new Int32Array(new SharedArrayBuffer(4));
      Atomics.wait(waitCell, 0, 0, ms);
      return;
    } catch {
      // A browser's main thread may not block (or SharedArrayBuffer is unavailable).
      canBlock = false;
    }
  }
  const end = nowMs() + ms;
  while (nowMs() < end) { /* busy wait: the only way to pass time without blocking */ }
}

/** _PyTime_FromSecondsObject (round ceiling as pysleep uses it): seconds as a double. */
function sleepSeconds(o: PyObject): number {
  if (isFloat(o)) {
    const d = (o as PyFloat).value;
    if (Number.isNaN(d)) raise(ValueErrorType, "Invalid value NaN (not a number)");
    if (d < 0) raise(ValueErrorType, "sleep length must be non-negative");
    if (!Number.isFinite(d) || d > 9.2e9) raise(OverflowErrorType, "timestamp too large to convert to C _PyTime_t");
    return d;
  }
  const i = numberIndex(o);
  try {
    const b = intToBigInt(i);
    if (b < 0n) raise(ValueErrorType, "sleep length must be non-negative");
    if (b > 9223372036n) raise(OverflowErrorType, "timestamp too large to convert to C _PyTime_t");
    return Number(b);
  } finally {
    decref(i);
  }
}

function timeSleep(_m: PyObject, arg: PyObject): PyObject {
  const secs = sleepSeconds(arg);
  const end = nowMs() + secs * 1000;
  const ts = tstate;
  for (;;) {
    const now = nowMs();
    if (now >= end) break;
    let slice = Math.min(end - now, SLEEP_SLICE_MS);
    if (ts.deadline !== Infinity) {
      const left = ts.deadline - Date.now();
      if (left < end - now) {
        // The sleep would outlast the run's --timeout: wait until the deadline, then stop
        // the run exactly as the eval loop does.
        if (left <= 0) {
          ts.stepsRemaining = 0;
          ts.stepChunk = 0;
          interpreterHooks.budgetExceeded("time");
        }
        slice = Math.min(slice, left);
      }
    }
    blockFor(slice);
  }
  return None;
}

// ---------------------------------------------------------------------------
// struct_time, gmtime, localtime

export const StructTimeType = newStructSeqType({
  name: "time.struct_time",
  fields: ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"],
  nSequenceFields: 9,
  instantiable: true,
  doc: "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n Note that several fields' values are not the same as those defined by\n the C language standard for struct tm.  For example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n fields' descriptions for details.",
});

/** struct tm as heapscope computes it (year is the real year, mon 1-12, wday Monday=0). */
interface Tm {
  year: number; mon: number; mday: number; hour: number; min: number; sec: number;
  wday: number; yday: number; isdst: number; zone: string; gmtoff: number;
}

/** _PyTime_ObjectToTime_t with ROUND_FLOOR; None means now. */
function secondsArg(o: PyObject | undefined): number {
  if (o === undefined || o === None) return Math.floor(wallMs() / 1000);
  if (isFloat(o)) {
    const d = (o as PyFloat).value;
    if (Number.isNaN(d)) raise(ValueErrorType, "Invalid value NaN (not a number)");
    if (!Number.isFinite(d)) raise(OverflowErrorType, "timestamp out of range for platform time_t");
    return Math.floor(d);
  }
  const i = numberIndex(o);
  try {
    return Number(intToBigInt(i));
  } finally {
    decref(i);
  }
}

function yearDay(d: Date, utc: boolean): number {
  const y = utc ? d.getUTCFullYear() : d.getFullYear();
  const start = utc ? Date.UTC(y, 0, 1) : new Date(y, 0, 1).getTime();
  const day = utc ? Date.UTC(y, d.getUTCMonth(), d.getUTCDate()) : new Date(y, d.getMonth(), d.getDate()).getTime();
  return Math.round((day - start) / 86400000) + 1;
}

const MAX_DATE_MS = 8.64e15;

function toDate(secs: number): Date {
  const ms = secs * 1000;
  if (!(Math.abs(ms) <= MAX_DATE_MS)) raise(OverflowErrorType, "timestamp out of range for platform time_t");
  return new Date(ms);
}

function gmTm(secs: number): Tm {
  const d = toDate(secs);
  return {
    year: d.getUTCFullYear(), mon: d.getUTCMonth() + 1, mday: d.getUTCDate(),
    hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds(),
    wday: (d.getUTCDay() + 6) % 7, yday: yearDay(d, true), isdst: 0, zone: "GMT", gmtoff: 0,
  };
}

function zoneName(d: Date): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(d);
    const z = parts.find((p) => p.type === "timeZoneName");
    if (z !== undefined) return z.value;
  } catch {
    // No Intl time-zone data: fall through to the numeric form.
  }
  return "";
}

function localTm(secs: number): Tm {
  const d = toDate(secs);
  const off = -d.getTimezoneOffset();
  const y = d.getFullYear();
  const jan = -new Date(y, 0, 1).getTimezoneOffset();
  const jul = -new Date(y, 6, 1).getTimezoneOffset();
  const isdst = jan !== jul && off === Math.max(jan, jul) ? 1 : 0;
  return {
    year: y, mon: d.getMonth() + 1, mday: d.getDate(),
    hour: d.getHours(), min: d.getMinutes(), sec: d.getSeconds(),
    wday: (d.getDay() + 6) % 7, yday: yearDay(d, false), isdst, zone: zoneName(d), gmtoff: off * 60,
  };
}

function tmToStruct(tm: Tm): PyObject {
  return newStructSeq(StructTimeType, [
    newInt(tm.year), newInt(tm.mon), newInt(tm.mday), newInt(tm.hour), newInt(tm.min), newInt(tm.sec),
    newInt(tm.wday), newInt(tm.yday), newInt(tm.isdst), newStr(tm.zone), newInt(tm.gmtoff),
  ]);
}

function timeGmtime(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("gmtime", kwnames);
  checkPositional("gmtime", nargs, 0, 1);
  return tmToStruct(gmTm(secondsArg(nargs > 0 ? args[start]! : undefined)));
}

function timeLocaltime(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("localtime", kwnames);
  checkPositional("localtime", nargs, 0, 1);
  return tmToStruct(localTm(secondsArg(nargs > 0 ? args[start]! : undefined)));
}

function smallInt(o: PyObject): number {
  if (!isInt(o)) {
    if (isFloat(o)) raise(TypeErrorType, "'float' object cannot be interpreted as an integer");
    const i = numberIndex(o);
    try {
      return Number(intToBigInt(i));
    } finally {
      decref(i);
    }
  }
  return Number(intToBigInt(o));
}

/** gettmarg + checktm: a struct_time or a 9-tuple. */
function tmFromTuple(o: PyObject | undefined, fname: string): Tm {
  if (o === undefined) return localTm(Math.floor(wallMs() / 1000));
  if (!isTuple(o)) raise(TypeErrorType, "Tuple or struct_time argument required");
  const items = (o as PyTuple).items;
  if (items.length !== 9) raise(TypeErrorType, `${fname}(): illegal time tuple argument`);
  const v = items.map(smallInt);
  const tm: Tm = {
    year: v[0]!, mon: v[1]!, mday: v[2]!, hour: v[3]!, min: v[4]!, sec: v[5]!,
    wday: v[6]!, yday: v[7]!, isdst: v[8]!, zone: "", gmtoff: 0,
  };
  if (tm.mon === 0) tm.mon = 1;
  if (tm.mday === 0) tm.mday = 1;
  if (tm.yday === 0) tm.yday = 1;
  if (tm.mon < 1 || tm.mon > 12) raise(ValueErrorType, "month out of range");
  if (tm.mday < 1 || tm.mday > 31) raise(ValueErrorType, "day of month out of range");
  if (tm.hour < 0 || tm.hour > 23) raise(ValueErrorType, "hour out of range");
  if (tm.min < 0 || tm.min > 59) raise(ValueErrorType, "minute out of range");
  if (tm.sec < 0 || tm.sec > 61) raise(ValueErrorType, "seconds out of range");
  if (tm.wday < 0) raise(ValueErrorType, "day of week out of range");
  tm.wday = tm.wday % 7;
  if (tm.yday < 1 || tm.yday > 366) raise(ValueErrorType, "day of year out of range");
  return tm;
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function pad(n: number, width: number, fill = "0"): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + (s.length >= width ? s : fill.repeat(width - s.length) + s);
}

/** %U / %W: week number with weeks starting on Sunday / Monday. */
function weekNumber(tm: Tm, mondayFirst: boolean): number {
  const yday0 = tm.yday - 1;
  const wdaySun = (tm.wday + 1) % 7; // C's tm_wday: Sunday = 0
  const wd = mondayFirst ? (wdaySun + 6) % 7 : wdaySun;
  return Math.floor((yday0 + 7 - wd) / 7);
}

function asctimeText(tm: Tm): string {
  return `${DAYS[tm.wday]!.slice(0, 3)} ${MONTHS[tm.mon - 1]!.slice(0, 3)} ${pad(tm.mday, 2, " ")} ${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)} ${tm.year}`;
}

/** strftime in the C locale. */
function formatTm(fmt: string, tm: Tm): string {
  let out = "";
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c !== "%" || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const d = fmt[++i]!;
    switch (d) {
      case "a": out += DAYS[tm.wday]!.slice(0, 3); break;
      case "A": out += DAYS[tm.wday]!; break;
      case "b": case "h": out += MONTHS[tm.mon - 1]!.slice(0, 3); break;
      case "B": out += MONTHS[tm.mon - 1]!; break;
      case "c": out += asctimeText(tm); break;
      case "C": out += pad(Math.floor(tm.year / 100), 2); break;
      case "d": out += pad(tm.mday, 2); break;
      case "D": out += `${pad(tm.mon, 2)}/${pad(tm.mday, 2)}/${pad(tm.year % 100, 2)}`; break;
      case "e": out += pad(tm.mday, 2, " "); break;
      case "F": out += `${tm.year}-${pad(tm.mon, 2)}-${pad(tm.mday, 2)}`; break;
      case "H": out += pad(tm.hour, 2); break;
      case "I": out += pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12, 2); break;
      case "j": out += pad(tm.yday, 3); break;
      case "m": out += pad(tm.mon, 2); break;
      case "M": out += pad(tm.min, 2); break;
      case "n": out += "\n"; break;
      case "p": out += tm.hour < 12 ? "AM" : "PM"; break;
      case "R": out += `${pad(tm.hour, 2)}:${pad(tm.min, 2)}`; break;
      case "S": out += pad(tm.sec, 2); break;
      case "t": out += "\t"; break;
      case "T": case "X": out += `${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)}`; break;
      case "u": out += String(tm.wday + 1); break;
      case "U": out += pad(weekNumber(tm, false), 2); break;
      case "w": out += String((tm.wday + 1) % 7); break;
      case "W": out += pad(weekNumber(tm, true), 2); break;
      case "x": out += `${pad(tm.mon, 2)}/${pad(tm.mday, 2)}/${pad(tm.year % 100, 2)}`; break;
      case "y": out += pad(tm.year % 100, 2); break;
      case "Y": out += String(tm.year); break;
      case "z": {
        const g = tm.gmtoff;
        const a = Math.abs(g);
        out += `${g < 0 ? "-" : "+"}${pad(Math.floor(a / 3600), 2)}${pad(Math.floor((a % 3600) / 60), 2)}`;
        break;
      }
      case "Z": out += tm.zone; break;
      case "%": out += "%"; break;
      default: out += "%" + d;
    }
  }
  return out;
}

/** A 9-tuple passed to strftime takes its zone from the local clock, as mktime would. */
function withLocalZone(tm: Tm): Tm {
  const d = new Date(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec);
  tm.zone = zoneName(d);
  tm.gmtoff = -d.getTimezoneOffset() * 60;
  return tm;
}

function timeStrftime(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("strftime", kwnames);
  checkPositional("strftime", nargs, 1, 2);
  const fmt = args[start]!;
  if (!isStr(fmt)) raise(TypeErrorType, `strftime() argument 1 must be str, not ${fmt.type.name}`);
  const tm = withLocalZone(tmFromTuple(nargs > 1 ? args[start + 1]! : undefined, "strftime"));
  return newStr(formatTm((fmt as PyStr).value, tm));
}

function timeAsctime(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("asctime", kwnames);
  checkPositional("asctime", nargs, 0, 1);
  return newStr(asctimeText(tmFromTuple(nargs > 0 ? args[start]! : undefined, "asctime")));
}

function timeCtime(_m: PyObject, args: PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  noKeywords("ctime", kwnames);
  checkPositional("ctime", nargs, 0, 1);
  return newStr(asctimeText(localTm(secondsArg(nargs > 0 ? args[start]! : undefined))));
}

/** time_mktime: a local-time tuple to seconds since the epoch (a float). */
function timeMktime(_m: PyObject, arg: PyObject): PyObject {
  const tm = tmFromTuple(arg, "mktime");
  const ms = new Date(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec).getTime();
  if (Number.isNaN(ms)) raise(OverflowErrorType, "mktime argument out of range");
  return newFloat(ms / 1000);
}

// ---------------------------------------------------------------------------
// the module

export const TIME_METHODS: readonly MethodDef[] = [
  { name: "time", kind: "noargs", fn: timeTime, doc: "time() -> floating point number\n\nReturn the current time in seconds since the Epoch.\nFractions of a second may be present if the system clock provides them." },
  { name: "time_ns", kind: "noargs", fn: timeTimeNs, doc: "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch." },
  { name: "perf_counter", kind: "noargs", fn: timePerfCounter, doc: "perf_counter() -> float\n\nPerformance counter for benchmarking." },
  { name: "perf_counter_ns", kind: "noargs", fn: timePerfCounterNs, doc: "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds." },
  { name: "monotonic", kind: "noargs", fn: timePerfCounter, doc: "monotonic() -> float\n\nMonotonic clock, cannot go backward." },
  { name: "monotonic_ns", kind: "noargs", fn: timePerfCounterNs, doc: "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds." },
  { name: "process_time", kind: "noargs", fn: timeProcessTime, doc: "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time." },
  { name: "process_time_ns", kind: "noargs", fn: timeProcessTimeNs, doc: "process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time." },
  { name: "sleep", kind: "o", fn: timeSleep, doc: "sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\na floating point number for subsecond precision." },
  { name: "gmtime", kind: "fastcall", fn: timeGmtime, doc: "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)" },
  { name: "localtime", kind: "fastcall", fn: timeLocaltime, doc: "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)" },
  { name: "strftime", kind: "fastcall", fn: timeStrftime, doc: "strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification." },
  { name: "asctime", kind: "fastcall", fn: timeAsctime, doc: "asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'." },
  { name: "mktime", kind: "o", fn: timeMktime, doc: "mktime(tuple) -> floating point number\n\nConvert a time tuple in local time to seconds since the Epoch." },
  { name: "ctime", kind: "fastcall", fn: timeCtime, doc: "ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time." },
];

export function initTimeModule(): PyObject {
  const m = newBuiltinModule("time", "This module provides various functions to manipulate time values.", TIME_METHODS);
  moduleAdd(m, "struct_time", StructTimeType);
  return m;
}

registerBuiltinModule("time", initTimeModule);

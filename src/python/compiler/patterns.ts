// Python/compile.c (3.11), PEP 634 structural pattern matching: compiler_match and the
// compiler_pattern_* / pattern_helper_* routines.
//
// Every pattern routine consumes the subject on top of the stack and, on failure, jumps to a
// "fail_pop" block that pops whatever is still on the stack (`onTop` items plus the captured
// values waiting to be stored). Captured values are kept under the items being matched and only
// stored once the whole case matched.

import type { Expr, Pattern, Stmt } from "../ast.js";
import * as op from "../opcodes.js";
import { constValue } from "./astopt.js";
import type { Block } from "./cfg.js";
import { CMP_EQ, CMP_GE } from "./codeflags.js";
import { cInt, constRepr, cStr, cTuple, fromAstConstant, type CVal } from "./consts.js";
import { constEquals } from "./fold.js";
import type { Compiler } from "./compile.js";

interface PatternContext {
  /** Names captured so far, in the order their values sit on the stack. */
  stores: string[];
  /** When false, irrefutable patterns are an error (they would make later cases unreachable). */
  allowIrrefutable: boolean;
  /** failPop[i] pops i items, then falls through to failPop[i - 1]. */
  failPop: Block[];
  /** Items above the captures that must stay on top and are popped on failure. */
  onTop: number;
}

type StmtOf<K extends Stmt["kind"]> = Extract<Stmt, { kind: K }>;
type PatternOf<K extends Pattern["kind"]> = Extract<Pattern, { kind: K }>;

function isWildcard(p: Pattern): boolean {
  return p.kind === "MatchAs" && p.pattern === null && p.name === null;
}

function isStarWildcard(p: Pattern): boolean {
  return p.kind === "MatchStar" && p.name === null;
}

function nameRepr(name: string): string {
  return constRepr(cStr(name));
}

export class PatternCompiler {
  private readonly c: Compiler;

  constructor(c: Compiler) {
    this.c = c;
  }

  private ensureFailPop(pc: PatternContext, n: number): void {
    while (pc.failPop.length < n + 1) pc.failPop.push(this.c.newBlock());
  }

  private jumpToFailPop(pc: PatternContext, opcode: number): void {
    const pops = pc.onTop + pc.stores.length;
    this.ensureFailPop(pc, pops);
    this.c.addopJ(opcode, pc.failPop[pops]!);
  }

  private emitAndResetFailPop(pc: PatternContext): void {
    if (pc.failPop.length === 0) return;
    for (let size = pc.failPop.length - 1; size > 0; size--) {
      this.c.useNextBlock(pc.failPop[size]!);
      this.c.addop(op.POP_TOP);
    }
    this.c.useNextBlock(pc.failPop[0]!);
    pc.failPop = [];
  }

  /** Replaces 3.10's ROT_N with SWAPs. */
  private rotate(count: number): void {
    while (count > 1) this.c.addopI(op.SWAP, count--);
  }

  private storeName(n: string | null, pc: PatternContext): void {
    if (n === null) {
      this.c.addop(op.POP_TOP);
      return;
    }
    if (n === "__debug__") this.c.error("cannot assign to __debug__");
    if (pc.stores.includes(n)) this.c.error(`multiple assignments to name ${nameRepr(n)} in pattern`);
    // Rotate this value under the items that must stay on top.
    this.rotate(pc.onTop + pc.stores.length + 1);
    pc.stores.push(n);
  }

  private unpackHelper(elts: readonly Pattern[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i]!;
      if (elt.kind === "MatchStar" && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) this.c.error("too many expressions in star-unpacking sequence pattern");
        this.c.addopI(op.UNPACK_EX, i + ((n - i - 1) << 8));
        seenStar = true;
      } else if (elt.kind === "MatchStar") {
        this.c.error("multiple starred expressions in sequence pattern");
      }
    }
    if (!seenStar) this.c.addopI(op.UNPACK_SEQUENCE, n);
  }

  private sequenceUnpack(patterns: readonly Pattern[], pc: PatternContext): void {
    this.unpackHelper(patterns);
    const size = patterns.length;
    pc.onTop += size;
    for (const p of patterns) {
      pc.onTop--;
      this.subpattern(p, pc);
    }
  }

  /** Like sequenceUnpack, but indexes the subject: better for [a, *_, b]. */
  private sequenceSubscr(patterns: readonly Pattern[], star: number, pc: PatternContext): void {
    pc.onTop++;
    const size = patterns.length;
    for (let i = 0; i < size; i++) {
      const p = patterns[i]!;
      if (isWildcard(p) || i === star) continue;
      this.c.addopI(op.COPY, 1);
      if (i < star) {
        this.c.addLoadConst(cInt(i));
      } else {
        // The subject may not support negative indexes.
        this.c.addop(op.GET_LEN);
        this.c.addLoadConst(cInt(size - i));
        this.c.addopI(op.BINARY_OP, op.NB_SUBTRACT);
      }
      this.c.addop(op.BINARY_SUBSCR);
      this.subpattern(p, pc);
    }
    pc.onTop--;
    this.c.addop(op.POP_TOP);
  }

  private subpattern(p: Pattern, pc: PatternContext): void {
    const saved = pc.allowIrrefutable;
    pc.allowIrrefutable = true;
    this.pattern(p, pc);
    pc.allowIrrefutable = saved;
  }

  private patternAs(p: PatternOf<"MatchAs">, pc: PatternContext): void {
    if (p.pattern === null) {
      // An irrefutable match.
      if (!pc.allowIrrefutable) {
        if (p.name !== null) this.c.error(`name capture ${nameRepr(p.name)} makes remaining patterns unreachable`);
        this.c.error("wildcard makes remaining patterns unreachable");
      }
      this.storeName(p.name, pc);
      return;
    }
    // A copy to store if the sub-pattern matches.
    pc.onTop++;
    this.c.addopI(op.COPY, 1);
    this.pattern(p.pattern, pc);
    pc.onTop--;
    this.storeName(p.name, pc);
  }

  private patternClass(p: PatternOf<"MatchClass">, pc: PatternContext): void {
    const patterns = p.patterns;
    const kwdAttrs = p.kwd_attrs;
    const kwdPatterns = p.kwd_patterns;
    const nargs = patterns.length;
    const nattrs = kwdAttrs.length;
    if (nattrs !== kwdPatterns.length) {
      this.c.error(`kwd_attrs (${nattrs}) / kwd_patterns (${kwdPatterns.length}) length mismatch in class pattern`);
    }
    if (nattrs > 0) {
      for (let i = 0; i < nattrs; i++) {
        const attr = kwdAttrs[i]!;
        this.c.setLoc(kwdPatterns[i]!);
        if (attr === "__debug__") this.c.error("cannot assign to __debug__");
        for (let j = i + 1; j < nattrs; j++) {
          if (kwdAttrs[j] === attr) {
            this.c.setLoc(kwdPatterns[j]!);
            this.c.error(`attribute name repeated in class pattern: ${attr}`);
          }
        }
      }
      this.c.setLoc(p);
    }
    this.c.visitExpr(p.cls);
    this.c.addLoadConst(cTuple(kwdAttrs.map(cStr)));
    this.c.addopI(op.MATCH_CLASS, nargs);
    this.c.addopI(op.COPY, 1);
    this.c.addLoadConst({ kind: "None" });
    this.c.addopI(op.IS_OP, 1);
    // On top: a tuple of nargs + nattrs attributes (or None).
    pc.onTop++;
    this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
    this.c.addopI(op.UNPACK_SEQUENCE, nargs + nattrs);
    pc.onTop += nargs + nattrs - 1;
    for (let i = 0; i < nargs + nattrs; i++) {
      pc.onTop--;
      const sub = i < nargs ? patterns[i]! : kwdPatterns[i - nargs]!;
      if (isWildcard(sub)) {
        this.c.addop(op.POP_TOP);
        continue;
      }
      this.subpattern(sub, pc);
    }
  }

  private patternMapping(p: PatternOf<"MatchMapping">, pc: PatternContext): void {
    const keys = p.keys;
    const patterns = p.patterns;
    const size = keys.length;
    if (size !== patterns.length) this.c.error(`keys (${size}) / patterns (${patterns.length}) length mismatch in mapping pattern`);
    const starTarget = p.rest;
    // The subject stays on top during the mapping and length checks.
    pc.onTop++;
    this.c.addop(op.MATCH_MAPPING);
    this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
    if (size === 0 && starTarget === null) {
      // {} matches any mapping.
      pc.onTop--;
      this.c.addop(op.POP_TOP);
      return;
    }
    if (size > 0) {
      this.c.addop(op.GET_LEN);
      this.c.addLoadConst(cInt(size));
      this.c.addopI(op.COMPARE_OP, CMP_GE);
      this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
    }
    const seen: CVal[] = [];
    for (let i = 0; i < size; i++) {
      const key = keys[i]!;
      if (key.kind === "Constant") {
        const v = constValue(key);
        if (seen.some((x) => constEquals(x, v))) this.c.error(`mapping pattern checks duplicate key (${constRepr(v)})`);
        seen.push(v);
      } else if (key.kind !== "Attribute") {
        this.c.error("mapping pattern keys may only match literals and attribute lookups");
      }
      this.c.visitExpr(key);
    }
    this.c.addopI(op.BUILD_TUPLE, size);
    this.c.addop(op.MATCH_KEYS);
    // A tuple of keys and a tuple of values (or None) now sit on the subject.
    pc.onTop += 2;
    this.c.addopI(op.COPY, 1);
    this.c.addLoadConst({ kind: "None" });
    this.c.addopI(op.IS_OP, 1);
    this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
    this.c.addopI(op.UNPACK_SEQUENCE, size);
    pc.onTop += size - 1;
    for (const sub of patterns) {
      pc.onTop--;
      this.subpattern(sub, pc);
    }
    pc.onTop -= 2;
    if (starTarget !== null) {
      // rest = dict(subject); del rest[k] for each key
      this.c.addopI(op.BUILD_MAP, 0);
      this.c.addopI(op.SWAP, 3);
      this.c.addopI(op.DICT_UPDATE, 2);
      this.c.addopI(op.UNPACK_SEQUENCE, size);
      let n = size;
      while (n > 0) {
        this.c.addopI(op.COPY, 1 + n--);
        this.c.addopI(op.SWAP, 2);
        this.c.addop(op.DELETE_SUBSCR);
      }
      this.storeName(starTarget, pc);
    } else {
      this.c.addop(op.POP_TOP); // the tuple of keys
      this.c.addop(op.POP_TOP); // the subject
    }
  }

  private patternOr(p: PatternOf<"MatchOr">, pc: PatternContext): void {
    const end = this.c.newBlock();
    const size = p.patterns.length;
    const old = { stores: pc.stores, allowIrrefutable: pc.allowIrrefutable, failPop: pc.failPop, onTop: pc.onTop };
    // The names bound by the first alternative: every other one must bind the same set.
    let control: string[] | null = null;
    const diff = (): never => this.c.error("alternative patterns bind different names");
    for (let i = 0; i < size; i++) {
      const alt = p.patterns[i]!;
      this.c.setLoc(alt);
      pc.stores = [];
      pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
      pc.failPop = [];
      pc.onTop = 0;
      this.c.addopI(op.COPY, 1);
      this.pattern(alt, pc);
      const nstores = pc.stores.length;
      if (i === 0) {
        control = pc.stores;
      } else if (nstores !== control!.length) {
        diff();
      } else if (nstores > 0) {
        // Reorder this alternative's captures to the control's order.
        let icontrol = nstores;
        while (icontrol-- > 0) {
          const name = control![icontrol]!;
          const istores = pc.stores.indexOf(name);
          if (istores < 0) diff();
          if (icontrol !== istores) {
            let rotations = istores + 1;
            const rotated = pc.stores.slice(0, rotations);
            pc.stores.splice(0, rotations);
            pc.stores.splice(icontrol - istores, 0, ...rotated);
            while (rotations-- > 0) this.rotate(icontrol + 1);
          }
        }
      }
      this.c.addopJ(op.JUMP, end);
      this.emitAndResetFailPop(pc);
    }
    pc.stores = old.stores;
    pc.allowIrrefutable = old.allowIrrefutable;
    pc.failPop = old.failPop;
    pc.onTop = old.onTop;
    // No alternative matched: pop the copy of the subject and fail.
    this.c.addop(op.POP_TOP);
    this.jumpToFailPop(pc, op.JUMP);
    this.c.useNextBlock(end);
    const nstores = control!.length;
    // Move each capture below the other captures, the subject copy and whatever else is on top.
    const nrots = nstores + 1 + pc.onTop + pc.stores.length;
    for (let i = 0; i < nstores; i++) {
      this.rotate(nrots);
      const name = control![i]!;
      if (pc.stores.includes(name)) this.c.error(`multiple assignments to name ${nameRepr(name)} in pattern`);
      pc.stores.push(name);
    }
    this.c.addop(op.POP_TOP); // the subject copy
  }

  private patternSequence(p: PatternOf<"MatchSequence">, pc: PatternContext): void {
    const patterns = p.patterns;
    const size = patterns.length;
    let star = -1;
    let onlyWildcard = true;
    let starWildcard = false;
    for (let i = 0; i < size; i++) {
      const sub = patterns[i]!;
      if (sub.kind === "MatchStar") {
        if (star >= 0) this.c.error("multiple starred names in sequence pattern");
        starWildcard = isStarWildcard(sub);
        onlyWildcard = onlyWildcard && starWildcard;
        star = i;
        continue;
      }
      onlyWildcard = onlyWildcard && isWildcard(sub);
    }
    pc.onTop++;
    this.c.addop(op.MATCH_SEQUENCE);
    this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
    if (star < 0) {
      this.c.addop(op.GET_LEN);
      this.c.addLoadConst(cInt(size));
      this.c.addopI(op.COMPARE_OP, CMP_EQ);
      this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
    } else if (size > 1) {
      this.c.addop(op.GET_LEN);
      this.c.addLoadConst(cInt(size - 1));
      this.c.addopI(op.COMPARE_OP, CMP_GE);
      this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
    }
    pc.onTop--;
    if (onlyWildcard) this.c.addop(op.POP_TOP);
    else if (starWildcard) this.sequenceSubscr(patterns, star, pc);
    else this.sequenceUnpack(patterns, pc);
  }

  private patternValue(p: PatternOf<"MatchValue">, pc: PatternContext): void {
    const value: Expr = p.value;
    if (value.kind !== "Constant" && value.kind !== "Attribute") this.c.error("patterns may only match literals and attribute lookups");
    this.c.visitExpr(value);
    this.c.addopI(op.COMPARE_OP, CMP_EQ);
    this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
  }

  private patternSingleton(p: PatternOf<"MatchSingleton">, pc: PatternContext): void {
    this.c.addLoadConst(fromAstConstant(p.value));
    this.c.addopI(op.IS_OP, 0);
    this.jumpToFailPop(pc, op.POP_JUMP_IF_FALSE);
  }

  private pattern(p: Pattern, pc: PatternContext): void {
    this.c.setLoc(p);
    switch (p.kind) {
      case "MatchValue":
        return this.patternValue(p, pc);
      case "MatchSingleton":
        return this.patternSingleton(p, pc);
      case "MatchSequence":
        return this.patternSequence(p, pc);
      case "MatchMapping":
        return this.patternMapping(p, pc);
      case "MatchClass":
        return this.patternClass(p, pc);
      case "MatchStar":
        return this.storeName(p.name, pc);
      case "MatchAs":
        return this.patternAs(p, pc);
      case "MatchOr":
        return this.patternOr(p, pc);
    }
  }

  /** compiler_match */
  match(s: StmtOf<"Match">): void {
    const c = this.c;
    c.visitExpr(s.subject);
    const end = c.newBlock();
    const cases = s.cases.length;
    const lastCase = s.cases[cases - 1]!;
    const hasDefault = isWildcard(lastCase.pattern) && cases > 1 ? 1 : 0;
    const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
    for (let i = 0; i < cases - hasDefault; i++) {
      const m = s.cases[i]!;
      c.setLoc(m.pattern);
      // Keep the subject for the next case, except on the last one.
      if (i !== cases - hasDefault - 1) c.addopI(op.COPY, 1);
      pc.stores = [];
      // Irrefutable cases must be guarded, last, or both.
      pc.allowIrrefutable = m.guard !== null || i === cases - 1;
      pc.failPop = [];
      pc.onTop = 0;
      this.pattern(m.pattern, pc);
      // A match: store the captures (they are on the stack).
      for (const name of pc.stores) c.nameop(name, "Store");
      if (m.guard !== null) {
        this.ensureFailPop(pc, 0);
        c.jumpIf(m.guard, pc.failPop[0]!, false);
      }
      if (i !== cases - hasDefault - 1) c.addop(op.POP_TOP); // the subject
      c.visitStmts(m.body);
      c.unsetLoc();
      c.addopJ(op.JUMP, end);
      // A failed match takes the pattern's line, not the body's last one.
      c.setLoc(m.pattern);
      this.emitAndResetFailPop(pc);
    }
    if (hasDefault) {
      // A trailing `case _` needs no subject copy.
      const m = lastCase;
      c.setLoc(m.pattern);
      if (cases === 1) c.addop(op.POP_TOP);
      else c.addop(op.NOP); // line coverage for the default case
      if (m.guard !== null) c.jumpIf(m.guard, end, false);
      c.visitStmts(m.body);
      c.unsetLoc();
    }
    c.useNextBlock(end);
  }
}

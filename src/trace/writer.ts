// Appends to a trace being recorded (log.ts's format), in chunks: everything written since
// the last takeChunk() is handed over at once, so a worker can stream a long run to the page
// while it records and keep nothing twice.

import type { ArenaTable, ObjectTable, PoolTable, StepTable, TraceChunk, TraceEnd } from "./log.js";

function emptyObjects(): ObjectTable {
  return { type: [], kind: [], flags: [], address: [], size: [], born: [], repr: [] };
}
function emptySteps(): StepTable {
  return { line: [], eventEnd: [], traced: [], blocks: [] };
}
function emptyArenas(): ArenaTable {
  return { base: [], firstPool: [], totalPools: [] };
}

export class TraceWriter {
  private strings: string[] = [];
  private stringBase = 0;
  private readonly stringIndex = new Map<string, number>();
  private objects: ObjectTable = emptyObjects();
  private objectBase = 0;
  private steps: StepTable = emptySteps();
  private stepBase = 0;
  events: number[] = [];
  private eventBase = 0;
  private pools: PoolTable = { address: [] };
  private poolBase = 0;
  private arenas: ArenaTable = emptyArenas();
  private arenaBase = 0;
  private notes: string[] = [];
  private end: TraceEnd | null = null;

  constructor() {
    this.str("");
  }

  /** Index of a string in the trace's table, adding it on first use. */
  str(text: string): number {
    let index = this.stringIndex.get(text);
    if (index === undefined) {
      index = this.stringBase + this.strings.length;
      this.strings.push(text);
      this.stringIndex.set(text, index);
    }
    return index;
  }

  /** Adds an object's static facts; returns its id (1-based). */
  addObject(type: number, kind: number, flags: number, address: number, size: number, born: number, repr: number): number {
    const o = this.objects;
    o.type.push(type);
    o.kind.push(kind);
    o.flags.push(flags);
    o.address.push(address);
    o.size.push(size);
    o.born.push(born);
    o.repr.push(repr);
    return this.objectBase + o.type.length;
  }

  addPool(address: number): number {
    this.pools.address.push(address);
    return this.poolBase + this.pools.address.length - 1;
  }

  addArena(base: number, firstPool: number, totalPools: number): number {
    this.arenas.base.push(base);
    this.arenas.firstPool.push(firstPool);
    this.arenas.totalPools.push(totalPools);
    return this.arenaBase + this.arenas.base.length - 1;
  }

  /** Number of steps written so far (in all chunks). */
  get stepCount(): number {
    return this.stepBase + this.steps.line.length;
  }

  /** Absolute position of the next event. */
  get eventPosition(): number {
    return this.eventBase + this.events.length;
  }

  endStep(line: number, traced: number, blocks: number): void {
    const s = this.steps;
    s.line.push(line);
    s.eventEnd.push(this.eventPosition);
    s.traced.push(traced);
    s.blocks.push(blocks);
  }

  emit1(op: number, a: number): void {
    this.events.push(op, a);
  }
  emit2(op: number, a: number, b: number): void {
    this.events.push(op, a, b);
  }
  emit3(op: number, a: number, b: number, c: number): void {
    this.events.push(op, a, b, c);
  }
  emit4(op: number, a: number, b: number, c: number, d: number): void {
    this.events.push(op, a, b, c, d);
  }
  /** An event made of its opcode, a count and that many values. */
  emitList(op: number, values: readonly number[]): void {
    this.events.push(op, values.length);
    for (let i = 0; i < values.length; i++) this.events.push(values[i]!);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  setEnd(end: TraceEnd): void {
    this.end = end;
  }

  /** Everything written since the previous call. */
  takeChunk(): TraceChunk {
    const chunk: TraceChunk = {
      strings: this.strings,
      objects: this.objects,
      steps: this.steps,
      events: this.events,
      pools: this.pools,
      arenas: this.arenas,
      notes: this.notes,
      end: this.end,
    };
    this.stringBase += this.strings.length;
    this.strings = [];
    this.objectBase += this.objects.type.length;
    this.objects = emptyObjects();
    this.stepBase += this.steps.line.length;
    this.steps = emptySteps();
    this.eventBase += this.events.length;
    this.events = [];
    this.poolBase += this.pools.address.length;
    this.pools = { address: [] };
    this.arenaBase += this.arenas.base.length;
    this.arenas = emptyArenas();
    this.notes = [];
    return chunk;
  }
}

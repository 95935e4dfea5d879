// Objects/obmalloc.c: _PyObject_DebugMallocStats, printone, _PyDebugAllocatorStats;
// Python/sysmodule.c: sys__debugmallocstats_impl (the blank line between the pymalloc report
// and the free-list lines the object types print).

import type { Allocator } from "./allocator.js";
import {
  ARENA_MAP_BOT_BYTES,
  ARENA_MAP_MID_BYTES,
  ARENA_MAP_ROOT_BYTES,
  ARENA_SIZE,
  NB_SMALL_SIZE_CLASSES,
  POOL_OVERHEAD,
  POOL_SIZE,
  SMALL_REQUEST_THRESHOLD,
} from "./obmalloc.js";
import type { PyMallocStats } from "./obmalloc.js";

/** Width printone pads its label to before the "=". */
const LABEL_WIDTH = 35;
/** Width of printone's right-aligned number, commas included. */
const VALUE_WIDTH = 21;
/** _PyDebugAllocatorStats right-aligns "N <name>s * S bytes each" to this width. */
const FREE_LIST_LABEL_WIDTH = 48;

/** 1234567 -> "1,234,567". */
export function withThousandsSeparators(value: number): string {
  const digits = String(Math.trunc(value));
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ",";
    out += digits[i];
  }
  return out;
}

/** One printone line, newline included: label padded to 35, "=", number right-aligned in 21. */
export function formatStatLine(label: string, value: number): string {
  return `${label.padEnd(LABEL_WIDTH)}=${withThousandsSeparators(value).padStart(VALUE_WIDTH)}\n`;
}

/**
 * One free-list line as the object types print it through _PyDebugAllocatorStats, without
 * the trailing newline. `typeName` is the C struct name in the singular, with any qualifier:
 * formatFreeListLine(40, "PyListObject", 40) or formatFreeListLine(4, "1-sized PyTupleObject", 32).
 */
export function formatFreeListLine(count: number, typeName: string, sizeEach: number): string {
  const label = `${count} free ${typeName}s * ${sizeEach} bytes each`.padStart(FREE_LIST_LABEL_WIDTH) + " ";
  return formatStatLine(label, count * sizeEach).slice(0, -1);
}

/**
 * The text sys._debugmallocstats() writes to stderr, for this allocator's pymalloc state,
 * followed by the caller's free-list lines (one per entry, without newlines).
 */
export function formatDebugMallocStats(allocator: Allocator, freeListLines: readonly string[]): string {
  return renderDebugMallocStats(allocator.pymalloc.stats(), freeListLines);
}

/** {@link formatDebugMallocStats} from already-collected statistics. */
export function renderDebugMallocStats(stats: PyMallocStats, freeListLines: readonly string[]): string {
  let out = `Small block threshold = ${SMALL_REQUEST_THRESHOLD}, in ${NB_SMALL_SIZE_CLASSES} size classes.\n`;
  out += "\n";
  out += "class   size   num pools   blocks in use  avail blocks\n";
  out += "-----   ----   ---------   -------------  ------------\n";

  let allocatedBytes = 0;
  let availableBytes = 0;
  let poolHeaderBytes = 0;
  let quantization = 0;
  for (const entry of stats.classes) {
    if (entry.pools === 0) continue;
    out +=
      `${String(entry.sizeClass).padStart(5)} ${String(entry.blockSize).padStart(6)} ` +
      `${String(entry.pools).padStart(11)} ${String(entry.blocksInUse).padStart(15)} ` +
      `${String(entry.availableBlocks).padStart(13)}\n`;
    allocatedBytes += entry.blocksInUse * entry.blockSize;
    availableBytes += entry.availableBlocks * entry.blockSize;
    poolHeaderBytes += entry.pools * POOL_OVERHEAD;
    quantization += entry.pools * ((POOL_SIZE - POOL_OVERHEAD) % entry.blockSize);
  }
  out += "\n";

  const arenas = stats.arenasCurrent;
  out += formatStatLine("# arenas allocated total", stats.arenasAllocatedTotal);
  out += formatStatLine("# arenas reclaimed", stats.arenasAllocatedTotal - arenas);
  out += formatStatLine("# arenas highwater mark", stats.arenasHighwater);
  out += formatStatLine("# arenas allocated current", arenas);
  out += formatStatLine(`${arenas} arenas * ${ARENA_SIZE} bytes/arena`, arenas * ARENA_SIZE);
  out += "\n";

  const unusedPoolBytes = stats.unusedPools * POOL_SIZE;
  const alignmentBytes = stats.misalignedArenas * POOL_SIZE;
  out += formatStatLine("# bytes in allocated blocks", allocatedBytes);
  out += formatStatLine("# bytes in available blocks", availableBytes);
  out += formatStatLine(`${stats.unusedPools} unused pools * ${POOL_SIZE} bytes`, unusedPoolBytes);
  out += formatStatLine("# bytes lost to pool headers", poolHeaderBytes);
  out += formatStatLine("# bytes lost to quantization", quantization);
  out += formatStatLine("# bytes lost to arena alignment", alignmentBytes);
  out += formatStatLine(
    "Total",
    allocatedBytes + availableBytes + unusedPoolBytes + poolHeaderBytes + quantization + alignmentBytes,
  );

  out += "\narena map counts\n";
  out += formatStatLine("# arena map mid nodes", stats.arenaMapMidNodes);
  out += formatStatLine("# arena map bot nodes", stats.arenaMapBotNodes);
  out += "\n";
  const midBytes = stats.arenaMapMidNodes * ARENA_MAP_MID_BYTES;
  const botBytes = stats.arenaMapBotNodes * ARENA_MAP_BOT_BYTES;
  out += formatStatLine("# bytes lost to arena map root", ARENA_MAP_ROOT_BYTES);
  out += formatStatLine("# bytes lost to arena map mid", midBytes);
  out += formatStatLine("# bytes lost to arena map bot", botBytes);
  out += formatStatLine("Total", ARENA_MAP_ROOT_BYTES + midBytes + botBytes);

  out += "\n";
  for (const line of freeListLines) out += `${line}\n`;
  return out;
}

// Modules/_tracemalloc.c's traces table (a _Py_hashtable_t keyed by pointer), as an
// open-addressing hash table keyed by block address.
//
// Why not a JS Map: tracing sees the allocator reuse the same addresses over and over
// (pymalloc's LIFO free lists), and V8's Map degrades badly under that delete/re-insert
// churn with large-number keys (measured: 400k operations on a 75k-entry Map of pymalloc
// addresses took 20-30 s; this table does the same in about 0.2 s).

const EMPTY = 0;
const DELETED = -1;
const MIN_CAPACITY = 1024;

export class AddressMap<T> {
  private capacity = MIN_CAPACITY;
  /** Addresses (> 0), EMPTY or DELETED. */
  private keys = new Float64Array(MIN_CAPACITY);
  private values: (T | undefined)[] = new Array<T | undefined>(MIN_CAPACITY).fill(undefined);
  /** Live entries. */
  size = 0;
  /** Live entries plus tombstones: what the probe sequences see. */
  private used = 0;

  private slotOf(address: number): number {
    const lo = (address % 4294967296) >>> 0;
    const hi = (address / 4294967296) >>> 0;
    let h = Math.imul(lo ^ (lo >>> 15), 0x2c1b3c6d) ^ Math.imul(hi, 0x297a2d39);
    h ^= h >>> 12;
    return (h >>> 0) & (this.capacity - 1);
  }

  get(address: number): T | undefined {
    const mask = this.capacity - 1;
    const keys = this.keys;
    for (let i = this.slotOf(address); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === address) return this.values[i];
      if (k === EMPTY) return undefined;
    }
  }

  set(address: number, value: T): void {
    const mask = this.capacity - 1;
    const keys = this.keys;
    let tombstone = -1;
    let i = this.slotOf(address);
    for (; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === address) {
        this.values[i] = value;
        return;
      }
      if (k === EMPTY) break;
      if (k === DELETED && tombstone < 0) tombstone = i;
    }
    if (tombstone >= 0) i = tombstone;
    else this.used++;
    keys[i] = address;
    this.values[i] = value;
    this.size++;
    if (this.used * 2 > this.capacity) this.rehash();
  }

  /** Removes the entry; returns its value, or undefined when the address is not there. */
  delete(address: number): T | undefined {
    const mask = this.capacity - 1;
    const keys = this.keys;
    for (let i = this.slotOf(address); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === address) {
        const value = this.values[i];
        keys[i] = DELETED;
        this.values[i] = undefined;
        this.size--;
        return value;
      }
      if (k === EMPTY) return undefined;
    }
  }

  clear(): void {
    this.capacity = MIN_CAPACITY;
    this.keys = new Float64Array(MIN_CAPACITY);
    this.values = new Array<T | undefined>(MIN_CAPACITY).fill(undefined);
    this.size = 0;
    this.used = 0;
  }

  /** Calls fn for every live entry (order: table order, as _Py_hashtable_foreach). */
  forEach(fn: (value: T, address: number) => void): void {
    const keys = this.keys;
    const values = this.values;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k > 0) fn(values[i]!, k);
    }
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    let capacity = MIN_CAPACITY;
    while (capacity < this.size * 4) capacity *= 2;
    this.capacity = capacity;
    this.keys = new Float64Array(capacity);
    this.values = new Array<T | undefined>(capacity).fill(undefined);
    this.size = 0;
    this.used = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k > 0) this.set(k, oldValues[i]!);
    }
  }
}

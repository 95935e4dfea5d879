// The allocator's public shape, shared by the layers above (Objects/obmalloc.c's
// PyMem_RawMalloc / PyMem_Malloc / PyObject_Malloc families and their hook table,
// Include/cpython/pymem.h: PyMemAllocatorEx).
//
// Addresses are plain JS numbers (doubles hold every 48-bit address exactly). They are
// what id() returns for an object, after the object's pre-header is skipped.

/** PYMEM_DOMAIN_RAW: the system malloc model; never pymalloc. */
export const DOMAIN_RAW = 0;
/** PYMEM_DOMAIN_MEM: pymalloc (item arrays, set tables, values arrays). */
export const DOMAIN_MEM = 1;
/** PYMEM_DOMAIN_OBJ: pymalloc (object structs, key tables, str/bytes bodies). */
export const DOMAIN_OBJ = 2;
export type Domain = 0 | 1 | 2;

/**
 * Observer of every allocation in every domain, as tracemalloc installs itself over
 * PyMem_SetAllocator. Called after the underlying allocator has done its work.
 */
export interface AllocationHook {
  onMalloc(domain: Domain, address: number, size: number): void;
  /** A realloc: the old block is gone (it may equal newAddress), the new one has newSize. */
  onRealloc(domain: Domain, oldAddress: number, newAddress: number, newSize: number): void;
  onFree(domain: Domain, address: number): void;
}

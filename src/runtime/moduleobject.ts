// Objects/moduleobject.c: PyModule_Type ("module"), PyModule_NewObject, module_init,
// module_dealloc, module_traverse, _Py_module_getattro, module_dir, module_repr (through
// importlib's _module_repr rules), __annotations__.
//
// A module object: a name and a __dict__ (56 bytes plus the GC head, always tracked).

import { PyObject, type VisitProc } from "./object.js";
import { allocGCObject, freeGCObject } from "./heap.js";
import { gcTrack, gcUntrack } from "./gcstate.js";
import { decref, newRef, xdecref } from "./refcount.js";
import { TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, TPFLAGS_UNICODE_SUBCLASS, type PyType } from "./type.js";
import { newStaticType, readyType } from "./typeroots.js";
import { addGetSets, addMembers, addMethods } from "./descrobject.js";
import { newStr, PyStr, staticStr } from "./str.js";
import { None } from "./singletons.js";
import { AttributeErrorType, raise, raiseAttributeError, TypeErrorType } from "./exceptions.js";
import { callOneArg, isTrue, lookupAttr, objectRepr, callNoArgs } from "./abstract.js";
import { dictEntry, dictGetItemStr, dictNext, dictSetItem, dictDelItem, isDict, newDict, type PyDict } from "./dict.js";
import { listFromBorrowed } from "./list.js";
import { parseArgs } from "./getargs.js";
import { tupleFromBorrowed, type PyTuple } from "./tuple.js";
import { genericGetAttrOrNull, genericSetAttr } from "./typeobject.js";
import { clearWeakrefs } from "./weakref.js";

/** sizeof(PyModuleObject): head, md_dict, md_def, md_state, md_weaklist, md_name. */
export const MODULE_BASICSIZE = 56;

export class PyModule extends PyObject {
  /** md_dict: the module namespace. */
  dict: PyDict | null;
  /** md_name */
  name: PyObject | null;
  /** Where a module without __file__ comes from, for its repr: "built-in", "frozen" or null. */
  origin: string | null;
  constructor(type: PyType) {
    super(type);
    this.dict = null;
    this.name = null;
    this.origin = null;
  }
}

export const ModuleType = newStaticType("module", MODULE_BASICSIZE, 0, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
ModuleType.dictoffset = 16;
ModuleType.weaklistoffset = 40;
ModuleType.dealloc = moduleDealloc;
ModuleType.traverse = moduleTraverse;
ModuleType.clear = moduleClear;
ModuleType.repr = moduleRepr;
ModuleType.getattro = moduleGetAttr;
ModuleType.setattro = (o, n, v) => genericSetAttr(o, n, v);
ModuleType.new_ = moduleNew;
ModuleType.init = moduleInit;
ModuleType.doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.";
readyType(ModuleType);
addMethods(ModuleType, [{ name: "__dir__", kind: "noargs", fn: moduleDir }]);
addMembers(ModuleType, [{ name: "__dict__", get: (o) => newRef((o as PyModule).dict ?? None) }]);
addGetSets(ModuleType, [{ name: "__annotations__", get: moduleAnnotationsGet, set: moduleAnnotationsSet }]);

function allocModule(type: PyType): PyModule {
  const m = new PyModule(type);
  allocGCObject(m, type.basicsize);
  if ((type.flags & TPFLAGS_HEAPTYPE) !== 0) type.refcnt++;
  m.dict = newDict();
  gcTrack(m);
  return m;
}

/** module_init_dict: __name__, __doc__, __package__, __loader__, __spec__. */
function initModuleDict(m: PyModule, name: PyObject, doc: PyObject): void {
  const d = m.dict as PyDict;
  dictSetItem(d, staticStr("__name__"), name);
  dictSetItem(d, staticStr("__doc__"), doc);
  dictSetItem(d, staticStr("__package__"), None);
  dictSetItem(d, staticStr("__loader__"), None);
  dictSetItem(d, staticStr("__spec__"), None);
  const old = m.name;
  m.name = newRef(name);
  xdecref(old);
}

/** PyModule_NewObject: a module named `name` (new reference). */
export function newModule(name: string, origin: string | null = null): PyModule {
  const m = allocModule(ModuleType);
  const n = newStr(name);
  initModuleDict(m, n, None);
  decref(n);
  m.origin = origin;
  return m;
}

export function isModule(o: PyObject): o is PyModule {
  return o.type.isSubtypeOf(ModuleType);
}

/** The module's namespace (borrowed). */
export function moduleDictBorrowed(m: PyModule): PyDict {
  return m.dict as PyDict;
}

function moduleNew(type: PyType): PyObject {
  return allocModule(type);
}

function moduleInit(self: PyObject, args: PyTuple, kwargs: PyDict | null): void {
  const flat = args.items.slice();
  const names: PyObject[] = [];
  if (kwargs !== null) {
    for (let pos = dictNext(kwargs, 0); pos >= 0; pos = dictNext(kwargs, pos)) {
      names.push(dictEntry.key!);
      flat.push(dictEntry.value!);
    }
  }
  const kwnames = names.length === 0 ? null : tupleFromBorrowed(names);
  let parsed: (PyObject | null)[];
  try {
    parsed = parseArgs("module", flat, 0, args.items.length, kwnames, ["name", "doc"], 1);
  } finally {
    if (kwnames !== null) decref(kwnames);
  }
  const name = parsed[0]!;
  if (!(name.type.flags & TPFLAGS_UNICODE_SUBCLASS)) raise(TypeErrorType, `module() argument 'name' must be str, not ${name.type.name}`);
  const m = self as PyModule;
  if (m.dict === null) m.dict = newDict();
  initModuleDict(m, name, parsed[1] ?? None);
}

function moduleDealloc(o: PyObject): void {
  const m = o as PyModule;
  gcUntrack(m);
  if (m.weakrefList !== null) clearWeakrefs(m);
  const d = m.dict, n = m.name;
  m.dict = null;
  m.name = null;
  xdecref(d);
  xdecref(n);
  freeGCObject(m);
}

function moduleTraverse(o: PyObject, visit: VisitProc, arg: unknown): void {
  const m = o as PyModule;
  if (m.dict !== null) visit(m.dict, arg);
}

function moduleClear(o: PyObject): void {
  const m = o as PyModule;
  const d = m.dict;
  m.dict = null;
  xdecref(d);
}

/** _Py_module_getattro: generic lookup, then the module's __getattr__, then its message. */
function moduleGetAttr(o: PyObject, name: PyStr): PyObject {
  const attr = genericGetAttrOrNull(o, name);
  if (attr !== null) return attr;
  const m = o as PyModule;
  if (m.dict !== null) {
    const getattr = dictGetItemStr(m.dict, staticStr("__getattr__"));
    if (getattr !== null) return callOneArg(getattr, name);
    const modName = dictGetItemStr(m.dict, staticStr("__name__"));
    if (modName !== null && modName.type.flags & TPFLAGS_UNICODE_SUBCLASS) {
      const spec = dictGetItemStr(m.dict, staticStr("__spec__"));
      if (spec !== null && specIsInitializing(spec)) {
        raiseAttributeError(o, name, `partially initialized module '${(modName as PyStr).value}' has no attribute '${name.value}' (most likely due to a circular import)`);
      }
      raiseAttributeError(o, name, `module '${(modName as PyStr).value}' has no attribute '${name.value}'`);
    }
  }
  raiseAttributeError(o, name, `module has no attribute '${name.value}'`);
}

function specIsInitializing(spec: PyObject): boolean {
  if (spec === None) return false;
  const v = lookupAttr(spec, staticStr("_initializing"));
  if (v === null) return false;
  try {
    return isTrue(v);
  } finally {
    decref(v);
  }
}

let reprHook: ((m: PyModule) => PyObject | null) | null = null;

/** The modules layer may install importlib's full _module_repr (specs and loaders). */
export function setModuleReprHook(fn: ((m: PyModule) => PyObject | null) | null): void {
  reprHook = fn;
}

function reprText(o: PyObject): string {
  const r = objectRepr(o);
  const t = r.value;
  decref(r);
  return t;
}

function moduleRepr(o: PyObject): PyObject {
  const m = o as PyModule;
  if (reprHook !== null) {
    const r = reprHook(m);
    if (r !== null) return r;
  }
  const nameObj = lookupAttr(m, staticStr("__name__"));
  const name = nameObj === null ? "'?'" : reprText(nameObj);
  if (nameObj !== null) decref(nameObj);
  const file = m.dict === null ? null : dictGetItemStr(m.dict, staticStr("__file__"));
  if (file !== null) return newStr(`<module ${name} from ${reprText(file)}>`);
  if (m.origin !== null) return newStr(`<module ${name} (${m.origin})>`);
  return newStr(`<module ${name}>`);
}

function moduleDir(self: PyObject): PyObject {
  const dict = lookupAttr(self, staticStr("__dict__"));
  if (dict === null) raise(TypeErrorType, "<module>.__dict__ is not a dictionary");
  try {
    if (!isDict(dict)) {
      const name = lookupAttr(self, staticStr("__name__"));
      const text = name instanceof PyStr ? name.value : "?";
      if (name !== null) decref(name);
      raise(TypeErrorType, `${text}.__dict__ is not a dictionary`);
    }
    const dirfunc = dictGetItemStr(dict, staticStr("__dir__"));
    if (dirfunc !== null) return callNoArgs(dirfunc);
    const keys: PyObject[] = [];
    for (let pos = dictNext(dict, 0); pos >= 0; pos = dictNext(dict, pos)) keys.push(dictEntry.key!);
    return listFromBorrowed(keys);
  } finally {
    decref(dict);
  }
}

function moduleAnnotationsGet(self: PyObject): PyObject {
  const m = self as PyModule;
  if (m.dict === null) raise(TypeErrorType, "<module>.__dict__ is not a dictionary");
  const key = staticStr("__annotations__");
  const existing = dictGetItemStr(m.dict, key);
  if (existing !== null) return newRef(existing);
  const ann = newDict();
  dictSetItem(m.dict, key, ann);
  return ann;
}

function moduleAnnotationsSet(self: PyObject, value: PyObject | null): void {
  const m = self as PyModule;
  if (m.dict === null) raise(TypeErrorType, "<module>.__dict__ is not a dictionary");
  const key = staticStr("__annotations__");
  if (value !== null) {
    dictSetItem(m.dict, key, value);
    return;
  }
  if (dictGetItemStr(m.dict, key) === null) raise(AttributeErrorType, "__annotations__");
  dictDelItem(m.dict, key);
}

import { forEachLine } from './journal-format.ts'

/**
 * Snapshots as JSON lines, written and read a line at a time, so a state of any size fits (one JSON
 * text of a big state passes what a V8 string can hold). The first line is the value itself, with every
 * Map and Set written as a tagged array (`{"$map": [[key, value], …]}`, `{"$set": […]}`) when small,
 * or as a placeholder (`{"$big": n, "of": "map"|"set"}`) when large; each entry of a large one follows on
 * a line of its own (`{"$in": n, "e": [key, value]}` or `{"$in": n, "v": value}`; `re`/`rv` when the
 * entry holds tags of its own). No key of the state
 * is named like a tag, so tags cannot be confused with data. The last line, `{"$end": true}`, says the
 * snapshot is whole.
 */
const BIG = 256

interface Queued {
  id: number
  collection: Map<unknown, unknown> | Set<unknown>
}

/** Whether a value holds a Map or a Set anywhere inside it (it needs the replacer to be written). */
function holdsCollection(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (value instanceof Map || value instanceof Set) return true
  if (Array.isArray(value)) return value.some(holdsCollection)
  for (const key in value) if (holdsCollection((value as Record<string, unknown>)[key])) return true
  return false
}

export function* snapshotLines(value: unknown): Generator<string> {
  const queue: Queued[] = []
  let nextId = 0
  const replacer = (_key: string, v: unknown): unknown => {
    if (v instanceof Map || v instanceof Set) {
      if (v.size <= BIG) return v instanceof Map ? { $map: [...v] } : { $set: [...v] }
      const id = nextId++
      queue.push({ id, collection: v })
      return { $big: id, of: v instanceof Map ? 'map' : 'set' }
    }
    return v
  }
  yield `${JSON.stringify(value, replacer)}\n`
  // Entries may hold large collections of their own: they join the queue and follow later.
  for (let i = 0; i < queue.length; i++) {
    const item = queue[i]
    if (!item) continue
    // `e`: a Map's [key, value]; `v`: a Set's value; `r` before either: it holds tags to revive.
    const field = item.collection instanceof Map ? 'e' : 'v'
    for (const entry of item.collection instanceof Map
      ? item.collection
      : item.collection.values()) {
      // Most entries (an order, a payment) are plain data: written without the replacer, which V8
      // calls for every value (without it, encoding a large state takes about 40 % less time), and
      // read back with a plain JSON.parse, nothing walked.
      yield holdsCollection(entry)
        ? `{"$in":${item.id},"r${field}":${JSON.stringify(entry, replacer)}}\n`
        : `{"$in":${item.id},"${field}":${JSON.stringify(entry)}}\n`
    }
  }
  yield `${JSON.stringify({ $end: true })}\n`
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

type Collection = Map<unknown, unknown> | Set<unknown>

/**
 * Turns the tags of a parsed value back into Maps and Sets, children first (as a `JSON.parse` reviver
 * would, at a fraction of its cost: a reviver is called for every value, this walk only looks at
 * objects and arrays, and writes only where a tag was). Large collections are registered in `big`.
 */
function revive(value: unknown, big: Map<number, Collection>): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (typeof item === 'object' && item !== null) {
        const revived = revive(item, big)
        if (revived !== item) value[i] = revived
      }
    }
    return value
  }
  const object = value as Record<string, unknown>
  for (const key of Object.keys(object)) {
    const item = object[key]
    if (typeof item !== 'object' || item === null) continue
    const revived = revive(item, big)
    // defineProperty: a key named `__proto__` stays a key.
    if (revived !== item) Object.defineProperty(object, key, { value: revived, ...WRITABLE })
  }
  if (object.$map === undefined && object.$set === undefined && object.$big === undefined) {
    return object
  }
  const keys = Object.keys(object).length
  if (keys === 1 && Array.isArray(object.$map)) return new Map(object.$map as [unknown, unknown][])
  if (keys === 1 && Array.isArray(object.$set)) return new Set(object.$set as unknown[])
  if (
    keys === 2 &&
    typeof object.$big === 'number' &&
    (object.of === 'map' || object.of === 'set')
  ) {
    const collection: Collection = object.of === 'map' ? new Map() : new Set()
    big.set(object.$big, collection)
    return collection
  }
  return object
}

const WRITABLE = { writable: true, enumerable: true, configurable: true } as const

/** `{"$in":` as bytes. */
const ENTRY = [0x7b, 0x22, 0x24, 0x69, 0x6e, 0x22, 0x3a]
const END = '{"$end":true}'
const DIGIT_0 = 0x30
const DIGIT_9 = 0x39
const COMMA = 0x2c
const QUOTE = 0x22
const LETTER_R = 0x72

/** Whether an entry line is `{"$in":n,"r…`: it holds tags of its own, to revive. */
function holdsTags(bytes: Buffer): boolean {
  for (let i = 0; i < ENTRY.length; i++) if (bytes[i] !== ENTRY[i]) return false
  let i = ENTRY.length
  while ((bytes[i] ?? 0) >= DIGIT_0 && (bytes[i] ?? 0) <= DIGIT_9) i++
  return bytes[i] === COMMA && bytes[i + 1] === QUOTE && bytes[i + 2] === LETTER_R
}

/** Reads back what `snapshotLines` wrote. Throws on a damaged or cut-short snapshot. */
export function readSnapshot(path: string): unknown {
  const big = new Map<number, Collection>()
  let value: unknown
  let first = true
  let ended = false
  forEachLine(path, (bytes, _offset, terminated) => {
    if (ended || !terminated) throw new Error('the snapshot has bytes past its end')
    const text = bytes.toString('utf8')
    if (first) {
      value = revive(JSON.parse(text), big)
      first = false
      return
    }
    if (text === END) {
      ended = true
      return
    }
    // Most entries hold no tags (written as `e`/`v`): parsed as they are, nothing walked.
    const parsed: unknown = JSON.parse(text)
    const line = holdsTags(bytes) ? revive(parsed, big) : parsed
    if (!isObject(line) || typeof line.$in !== 'number') throw new Error('not a snapshot entry')
    const into = big.get(line.$in)
    const pair = line.e ?? line.re
    if (into instanceof Map && Array.isArray(pair)) into.set(pair[0], pair[1])
    else if (into instanceof Set && ('v' in line || 'rv' in line))
      into.add('v' in line ? line.v : line.rv)
    else throw new Error(`snapshot entry for an unknown collection ${line.$in}`)
  })
  if (!ended) throw new Error('the snapshot is cut short')
  return value
}

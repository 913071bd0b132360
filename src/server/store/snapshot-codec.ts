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

export function* snapshotLines(value: unknown): Generator<string> {
  const queue: Queued[] = []
  let nextId = 0
  /** Tags written so far: an entry that wrote none is read back with a plain, fast JSON.parse. */
  let tags = 0
  const replacer = (_key: string, v: unknown): unknown => {
    if (v instanceof Map || v instanceof Set) {
      tags += 1
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
    for (const entry of item.collection instanceof Map
      ? item.collection
      : item.collection.values()) {
      const before = tags
      const text = JSON.stringify(entry, replacer)
      // `e`: a Map's [key, value]; `v`: a Set's value; `r` before either: it holds tags to revive.
      const field = item.collection instanceof Map ? 'e' : 'v'
      yield `{"$in":${item.id},"${tags === before ? field : `r${field}`}":${text}}\n`
    }
  }
  yield `${JSON.stringify({ $end: true })}\n`
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads back what `snapshotLines` wrote. Throws on a damaged or cut-short snapshot. */
export function readSnapshot(path: string): unknown {
  const big = new Map<number, Map<unknown, unknown> | Set<unknown>>()
  const reviver = (_key: string, v: unknown): unknown => {
    if (!isObject(v)) return v
    const keys = Object.keys(v)
    if (keys.length === 1 && Array.isArray(v.$map)) return new Map(v.$map as [unknown, unknown][])
    if (keys.length === 1 && Array.isArray(v.$set)) return new Set(v.$set as unknown[])
    if (keys.length === 2 && typeof v.$big === 'number' && (v.of === 'map' || v.of === 'set')) {
      const collection = v.of === 'map' ? new Map() : new Set()
      big.set(v.$big, collection)
      return collection
    }
    return v
  }
  let value: unknown
  let first = true
  let ended = false
  forEachLine(path, (bytes, _offset, terminated) => {
    if (ended || !terminated) throw new Error('the snapshot has bytes past its end')
    const text = bytes.toString('utf8')
    if (first) {
      value = JSON.parse(text, reviver)
      first = false
      return
    }
    // Most entries hold no tags (written as `e`/`v`): the reviver, slow on every value, is skipped.
    const line: unknown =
      text.includes('"$in":') && /^\{"\$in":\d+,"r/.test(text)
        ? JSON.parse(text, reviver)
        : JSON.parse(text)
    if (isObject(line) && line.$end === true) {
      ended = true
      return
    }
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

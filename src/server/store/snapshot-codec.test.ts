import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readSnapshot, snapshotLines } from './snapshot-codec.ts'

const dir = mkdtempSync(join(tmpdir(), 'gateway-snapshot-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const write = (name: string, value: unknown) => {
  const path = join(dir, name)
  writeFileSync(path, [...snapshotLines(value)].join(''))
  return path
}

describe('snapshots as JSON lines', () => {
  it('bring back Maps and Sets, small and large, nested in each other', () => {
    const orders = new Map(
      Array.from({ length: 1000 }, (_, i) => [`o${i}`, { id: `o${i}`, tags: new Set([i, i + 1]) }]),
    )
    const big = new Set(Array.from({ length: 600 }, (_, i) => `s${i}`))
    const nested = new Map([['inner', new Map(Array.from({ length: 300 }, (_, i) => [i, [i]]))]])
    const value = { worlds: { default: { orders, big, nested, plain: [1, 'two', null] } } }
    const path = write('whole.jsonl', value)
    expect(readSnapshot(path)).toEqual(value)
  })

  it('keeps a Map or Set hidden deep in one entry of a table of plain ones', () => {
    // Plain entries are written without the replacer: one that hides a collection must not lose it.
    const orders = new Map<string, unknown>(
      Array.from({ length: 400 }, (_, i) => [
        `o${i}`,
        { id: `o${i}`, lines: [{ sku: 'tea', qty: i, note: null }], paid: i % 2 === 0 },
      ]),
    )
    orders.set('deep', { lines: [{ refunds: [new Map([['r1', new Set([1, 2])]])] }] })
    const value = { orders }
    const lines = [...snapshotLines(value)]
    expect(lines.filter((line) => line.startsWith('{"$in":0,"re":'))).toHaveLength(1)
    expect(readSnapshot(write('mixed.jsonl', value))).toEqual(value)
  })

  it('writes one line per entry of a large table, never one giant line', () => {
    const table = new Map(Array.from({ length: 5000 }, (_, i) => [i, 'x'.repeat(100)]))
    const lines = [...snapshotLines({ table })]
    expect(lines.length).toBe(5002)
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(200)
  })

  it('refuses one that is cut short or has anything after its end', () => {
    const lines = [
      ...snapshotLines({ table: new Map(Array.from({ length: 400 }, (_, i) => [i, i])) }),
    ]
    const cut = join(dir, 'cut.jsonl')
    writeFileSync(cut, lines.slice(0, -1).join(''))
    expect(() => readSnapshot(cut)).toThrow(/cut short/)
    const extra = join(dir, 'extra.jsonl')
    writeFileSync(extra, `${lines.join('')}{"$in":0,"e":[1,2]}\n`)
    expect(() => readSnapshot(extra)).toThrow(/past its end/)
  })
})

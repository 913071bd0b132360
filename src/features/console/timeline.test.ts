import { describe, expect, it } from 'vitest'
import type { ConsoleEntry } from '@/contract/console.ts'
import { NO_FILTER, refValues, visibleEntries } from './filter.ts'
import { initialTimeline, RESET_TYPE, stepTimeline, withEntry } from './timeline.ts'

const entry = (seq: number, over: Partial<ConsoleEntry> = {}): ConsoleEntry => ({
  seq,
  at: new Date(1_700_000_000_000 + seq * 1000).toISOString(),
  kind: 'event',
  type: 'order.created',
  summary: `entry ${seq}`,
  refs: {},
  detail: null,
  ...over,
})

const loaded = (entries: ConsoleEntry[], last = entries.at(-1)?.seq ?? 0) =>
  ({
    type: 'LOADED',
    round: 1,
    value: { world: 'default', entries, last, actions: true },
  }) as const

describe('the console timeline', () => {
  it('loads, then follows the stream from the last seq the load saw', () => {
    const start = initialTimeline()
    expect(start.effects).toEqual([{ kind: 'load', round: 1 }])
    const next = stepTimeline(start.state, loaded([entry(1), entry(2)]))
    expect(next.state.entries.map((e) => e.seq)).toEqual([1, 2])
    expect(next.effects).toEqual([{ kind: 'follow', after: 2 }])
    expect(next.state.actions).toBe(true)
  })

  it('keeps each seq once when the stream replays what the load had', () => {
    let state = stepTimeline(initialTimeline().state, loaded([entry(1), entry(2)])).state
    state = stepTimeline(state, { type: 'ENTRY', entry: entry(2) }).state
    state = stepTimeline(state, { type: 'ENTRY', entry: entry(3) }).state
    expect(state.entries.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(state.last).toBe(3)
  })

  it('keeps entries the stream brought before the load answered, in seq order', () => {
    let state = initialTimeline().state
    state = stepTimeline(state, { type: 'ENTRY', entry: entry(5) }).state
    state = stepTimeline(state, loaded([entry(3), entry(4)])).state
    expect(state.entries.map((e) => e.seq)).toEqual([3, 4, 5])
    expect(state.last).toBe(5)
  })

  it('drops what came before a reset, as the server does', () => {
    let state = stepTimeline(initialTimeline().state, loaded([entry(1), entry(2)])).state
    state = stepTimeline(state, { type: 'ENTRY', entry: entry(3, { type: RESET_TYPE }) }).state
    state = stepTimeline(state, { type: 'ENTRY', entry: entry(4) }).state
    expect(state.entries.map((e) => e.seq)).toEqual([3, 4])
  })

  it('says when the stream dropped and when it is back; a failed load can be tried again', () => {
    let state = stepTimeline(initialTimeline().state, loaded([])).state
    state = stepTimeline(state, { type: 'STREAM_OPEN' }).state
    expect(state.link).toBe('live')
    state = stepTimeline(state, { type: 'STREAM_DROPPED' }).state
    expect(state.link).toBe('reconnecting')
    const failed = stepTimeline(initialTimeline().state, {
      type: 'LOAD_FAILED',
      round: 1,
      error: { code: 'WORLD_NOT_FOUND' },
    }).state
    expect(failed.link).toBe('failed')
    const retry = stepTimeline(failed, { type: 'RETRY' })
    expect(retry.effects).toEqual([{ kind: 'load', round: 2 }])
    // The old round's late answer counts for nothing.
    expect(stepTimeline(retry.state, loaded([entry(1)])).state.entries).toEqual([])
  })

  it('stays bounded like the server log', () => {
    let entries: readonly ConsoleEntry[] = []
    for (let seq = 1; seq <= 10_005; seq++) entries = withEntry(entries, entry(seq))
    expect(entries).toHaveLength(10_000)
    expect(entries[0]?.seq).toBe(6)
  })
})

describe('the console filter', () => {
  const entries = [
    entry(1, { refs: { orderId: 'o-1', persona: 'shopper' } }),
    entry(2, { kind: 'call', type: 'call', refs: { merchant: '1900000001', outTradeNo: 'T-9' } }),
    entry(3, { kind: 'delivery', type: 'delivery', refs: { orderId: 'o-2', persona: 'friend' } }),
  ]
  it('shows newest first, by kind, persona, merchant, order, or any id', () => {
    expect(visibleEntries(entries, NO_FILTER).map((e) => e.seq)).toEqual([3, 2, 1])
    expect(visibleEntries(entries, { ...NO_FILTER, kind: 'call' }).map((e) => e.seq)).toEqual([2])
    expect(visibleEntries(entries, { ...NO_FILTER, persona: 'friend' }).map((e) => e.seq)).toEqual([
      3,
    ])
    expect(visibleEntries(entries, { ...NO_FILTER, orderId: 'o-1' }).map((e) => e.seq)).toEqual([1])
    expect(visibleEntries(entries, { ...NO_FILTER, q: 't-9' }).map((e) => e.seq)).toEqual([2])
    expect(visibleEntries(entries, { ...NO_FILTER, q: 'nothing' })).toEqual([])
  })
  it('offers the values the timeline holds', () => {
    expect(refValues(entries, 'persona')).toEqual(['friend', 'shopper'])
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Participant, StudyEvent } from '@/contract/study.ts'
import { Outbox, type OutboxDeps } from './outbox.ts'

const tap = (at: number): StudyEvent => ({ kind: 'tap', at, target: 't' })
const P = { participantId: 'p1' } as Participant

function harness(answers: ((events: readonly StudyEvent[]) => Promise<Participant | null>)[] = []) {
  const sent: { ats: number[]; key: string; keepalive: boolean }[] = []
  const acks: number[][] = []
  const troubles: (string | null)[] = []
  let n = 0
  const deps: OutboxDeps = {
    send: (events, key, keepalive) => {
      sent.push({ ats: events.map((e) => e.at), key, keepalive })
      const answer = answers.shift()
      return answer ? answer(events) : Promise.resolve(P)
    },
    onAck: (marks) => acks.push([...marks]),
    onTrouble: (f) => troubles.push(f?.code ?? null),
    newKey: () => `k${++n}`,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
  }
  return { outbox: new Outbox(deps, { batchSize: 3, intervalMs: 1000 }), sent, acks, troubles }
}

const fail = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }))

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('Outbox', () => {
  it('sends in batches every interval, or at once when a batch is full', async () => {
    const { outbox, sent } = harness()
    outbox.push([tap(1), tap(2)])
    await vi.advanceTimersByTimeAsync(999)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(sent.map((s) => s.ats)).toEqual([[1, 2]])
    outbox.push([tap(3), tap(4), tap(5), tap(6)])
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((s) => s.ats)).toEqual([
      [1, 2],
      [3, 4, 5],
    ])
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent.map((s) => s.ats)).toEqual([[1, 2], [3, 4, 5], [6]])
  })

  it('sends a mark at once and says when it arrived', async () => {
    const { outbox, sent, acks } = harness()
    outbox.push([tap(1)])
    outbox.push([tap(2)], 7)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((s) => s.ats)).toEqual([[1, 2]])
    expect(acks).toEqual([[7]])
  })

  it('sends a failed batch again as it was, under its key, before anything newer: nothing lost, nothing twice', async () => {
    const { outbox, sent, troubles } = harness([fail('NETWORK_ERROR'), fail('NETWORK_ERROR')])
    outbox.push([tap(1), tap(2)], 1)
    await vi.advanceTimersByTimeAsync(0)
    outbox.push([tap(3)])
    await vi.advanceTimersByTimeAsync(1000)
    await vi.advanceTimersByTimeAsync(2000)
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent.map((s) => [s.key, s.ats])).toEqual([
      ['k1', [1, 2]],
      ['k1', [1, 2]],
      ['k1', [1, 2]],
      ['k2', [3]],
    ])
    expect(troubles).toEqual(['NETWORK_ERROR', null])
    expect(outbox.size).toBe(0)
  })

  it('one batch at a time: what comes meanwhile waits for the answer', async () => {
    let release: (p: Participant) => void = () => undefined
    const { outbox, sent } = harness([() => new Promise((resolve) => (release = resolve))])
    outbox.push([tap(1)], 1)
    await vi.advanceTimersByTimeAsync(0)
    outbox.push([tap(2)], 2)
    await vi.advanceTimersByTimeAsync(5000)
    expect(sent).toHaveLength(1)
    release(P)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((s) => s.ats)).toEqual([[1], [2]])
  })

  it('on pagehide sends what is left with keepalive, and the batch on the wire again under its key', async () => {
    const { outbox, sent } = harness([() => new Promise(() => undefined)])
    outbox.push([tap(1)], 1)
    await vi.advanceTimersByTimeAsync(0)
    outbox.push([tap(2), tap(3)])
    outbox.hide()
    expect(sent.map((s) => [s.key, s.ats, s.keepalive])).toEqual([
      ['k1', [1], false],
      ['k1', [1], true],
      ['k2', [2, 3], true],
    ])
  })

  it('drain resolves once everything arrived, and rejects when sending fails', async () => {
    const ok = harness()
    ok.outbox.push([tap(1)])
    const drained = ok.outbox.drain()
    await vi.advanceTimersByTimeAsync(0)
    await expect(drained).resolves.toBeUndefined()

    const down = harness([fail('NETWORK_ERROR')])
    down.outbox.push([tap(1)])
    const failed = down.outbox.drain()
    failed.catch(() => undefined)
    await vi.advanceTimersByTimeAsync(0)
    await expect(failed).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    expect(down.outbox.size).toBe(1)
  })

  it('stops once the participant is gone', async () => {
    const { outbox, sent, troubles } = harness([fail('PARTICIPANT_NOT_FOUND')])
    outbox.push([tap(1)], 1)
    await vi.advanceTimersByTimeAsync(0)
    outbox.push([tap(2)], 2)
    await vi.advanceTimersByTimeAsync(5000)
    expect(sent).toHaveLength(1)
    expect(troubles).toEqual(['PARTICIPANT_NOT_FOUND'])
  })
})

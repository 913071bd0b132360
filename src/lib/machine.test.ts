import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { runMachine, stay, type Next, type Perform } from './machine.ts'

/** A counter with a delayed echo: enough to see the runner's timers, answers and stops. */
type State = { n: number; log: string[] }
type Event =
  | { type: 'ADD' }
  | { type: 'LATER'; ms: number }
  | { type: 'CANCEL' }
  | { type: 'ASK' }
  | { type: 'ANSWER'; value: string }
type Effect = { kind: 'ask' } | { kind: 'echo-now' }

function step(state: State, event: Event): Next<State, Event, Effect> {
  switch (event.type) {
    case 'ADD':
      return { state: { ...state, n: state.n + 1 } }
    case 'LATER':
      return { state, timers: [{ key: 'later', ms: event.ms, event: { type: 'ADD' } }] }
    case 'CANCEL':
      return { state, cancel: ['later'] }
    case 'ASK':
      return { state, effects: [{ kind: 'ask' }, { kind: 'echo-now' }] }
    case 'ANSWER':
      return { state: { ...state, log: [...state.log, event.value] } }
  }
}

function machine(initial: Next<State, Event, Effect> = { state: { n: 0, log: [] } }) {
  const pending: ((value: string) => void)[] = []
  const perform: Perform<Event, Effect> = (effect, send) => {
    // An answer that comes at once waits for the step that asked for it.
    if (effect.kind === 'echo-now') send({ type: 'ANSWER', value: 'now' })
    else pending.push((value) => send({ type: 'ANSWER', value }))
  }
  return { m: runMachine({ initial, step, perform }), pending }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('runMachine', () => {
  it('does nothing before it starts, then steps, and tells its listeners', () => {
    const { m } = machine()
    const seen = vi.fn()
    m.subscribe(seen)
    m.send({ type: 'ADD' })
    expect(m.getState().n).toBe(0)
    m.start()
    m.send({ type: 'ADD' })
    expect(m.getState().n).toBe(1)
    expect(seen).toHaveBeenCalledTimes(1)
    // The same state (an event it has no use for) tells no one.
    m.send({ type: 'CANCEL' })
    expect(seen).toHaveBeenCalledTimes(1)
  })

  it('runs timers on the clock, replaces one set again, and cancels one', () => {
    const { m } = machine()
    m.start()
    m.send({ type: 'LATER', ms: 1000 })
    vi.advanceTimersByTime(600)
    m.send({ type: 'LATER', ms: 1000 })
    vi.advanceTimersByTime(600)
    expect(m.getState().n).toBe(0)
    vi.advanceTimersByTime(400)
    expect(m.getState().n).toBe(1)
    m.send({ type: 'LATER', ms: 50 })
    m.send({ type: 'CANCEL' })
    vi.advanceTimersByTime(100)
    expect(m.getState().n).toBe(1)
  })

  it('answers effects in order, one that answers at once after the step that asked', () => {
    const { m, pending } = machine()
    m.start()
    m.send({ type: 'ASK' })
    expect(m.getState().log).toEqual(['now'])
    pending[0]?.('later')
    expect(m.getState().log).toEqual(['now', 'later'])
  })

  it('drops timers and answers once stopped', () => {
    const { m, pending } = machine()
    m.start()
    m.send({ type: 'ASK' })
    m.send({ type: 'LATER', ms: 10 })
    m.stop()
    pending[0]?.('too late')
    vi.advanceTimersByTime(100)
    expect(m.getState()).toEqual({ n: 0, log: ['now'] })
  })

  it('runs the first effects on start, and again on a restart only if nothing happened', () => {
    const asked = vi.fn()
    const initial: Next<State, Event, Effect> = {
      state: { n: 0, log: [] },
      effects: [{ kind: 'ask' }],
    }
    const m = runMachine<State, Event, Effect>({ initial, step, perform: () => asked() })
    m.start()
    m.stop()
    m.start()
    expect(asked).toHaveBeenCalledTimes(2)
    m.send({ type: 'ADD' })
    m.stop()
    m.start()
    expect(asked).toHaveBeenCalledTimes(2)
    expect(m.getState().n).toBe(1)
  })

  it('keeps a state the step has no use for', () => {
    const state = { n: 3, log: [] }
    expect(stay(state)).toEqual({ state })
  })
})

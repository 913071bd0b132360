/**
 * A client flow written like the server's domain: `step(state, event)` is pure and answers the next state
 * with the effects it asks for (a call, a timer, a write to storage); `runMachine` runs them and feeds their
 * answers back as events. No React here: `useMachine` (useMachine.ts) binds one to a component.
 */
import { failureOf, type Failure } from './failure.ts'

/** Sends `event` after `ms`; a timer set again under the same key replaces the first. */
export interface TimerSet<E> {
  readonly key: string
  readonly ms: number
  readonly event: E
}

export interface Next<S, E, F> {
  readonly state: S
  /** Effects to run, in order: `perform` runs them. */
  readonly effects?: readonly F[]
  readonly timers?: readonly TimerSet<E>[]
  /** Keys of timers to drop (a state that no longer waits for them). */
  readonly cancel?: readonly string[]
}

export type Step<S, E, F> = (state: S, event: E) => Next<S, E, F>

/** Runs one effect: `send` feeds its answer back; `signal` aborts once the machine stops. */
export type Perform<E, F> = (effect: F, send: (event: E) => void, signal: AbortSignal) => void

export interface Machine<S, E> {
  getState(): S
  send(event: E): void
  subscribe(listener: () => void): () => void
  /** Runs the first state's effects (again, if it was stopped before anything happened). */
  start(): void
  /** Aborts what is in flight, drops every timer; later answers are ignored. */
  stop(): void
}

/**
 * For `perform`: answers an effect's call with `ok(value)` once it resolves, `ko(failure)` once it
 * rejects (its error as a Failure, lib/failure.ts). `answering(send)` gives the function that does it.
 */
export function answering<E>(send: (event: E) => void) {
  return <T>(call: Promise<T>, ok: (value: T) => E, ko: (failure: Failure) => E): void => {
    call.then(
      (value) => send(ok(value)),
      (error: unknown) => send(ko(failureOf(error))),
    )
  }
}

/** The answer to round `round` of loading a screen's data: a step keeps only the latest round's. */
export type Loaded<T> =
  | { type: 'LOADED'; round: number; value: T }
  | { type: 'LOAD_FAILED'; round: number; error: Failure }

/** For `perform`: round `round` of loading, answered as LOADED or LOAD_FAILED. */
export function answerLoad<T>(send: (event: Loaded<T>) => void, round: number, call: Promise<T>) {
  answering(send)(
    call,
    (value) => ({ type: 'LOADED', round, value }),
    (error) => ({ type: 'LOAD_FAILED', round, error }),
  )
}

/** Keeps the state the same (and asks for nothing): for an event the state has no use for. */
export function stay<S>(state: S): { state: S } {
  return { state }
}

export function runMachine<S, E, F>(options: {
  initial: Next<S, E, F>
  step: Step<S, E, F>
  perform: Perform<E, F>
}): Machine<S, E> {
  const { step, perform } = options
  let state = options.initial.state
  let running = false
  /** Nothing has happened since the start: a restart may run the first effects again. */
  let pristine = true
  let abort = new AbortController()
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const listeners = new Set<() => void>()
  const queue: E[] = []
  let stepping = false

  function apply(next: Next<S, E, F>) {
    const changed = next.state !== state
    state = next.state
    for (const key of next.cancel ?? []) {
      clearTimeout(timers.get(key))
      timers.delete(key)
    }
    for (const timer of next.timers ?? []) {
      clearTimeout(timers.get(timer.key))
      timers.set(
        timer.key,
        setTimeout(() => {
          timers.delete(timer.key)
          send(timer.event)
        }, timer.ms),
      )
    }
    const signal = abort.signal
    for (const effect of next.effects ?? []) perform(effect, answer(signal), signal)
    if (changed) for (const listener of [...listeners]) listener()
  }

  /** Answers of effects started under `signal`: dropped once that run of the machine stopped. */
  function answer(signal: AbortSignal) {
    return (event: E) => {
      if (!signal.aborted) send(event)
    }
  }

  function send(event: E) {
    if (!running) return
    queue.push(event)
    drain()
  }

  /** Steps through the queued events; one an effect answers at once waits for the step before it. */
  function drain(first?: Next<S, E, F>) {
    if (stepping) return
    stepping = true
    try {
      if (first) apply(first)
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        pristine = false
        apply(step(state, next))
      }
    } finally {
      stepping = false
    }
  }

  return {
    getState: () => state,
    send,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    start() {
      if (running) return
      running = true
      abort = new AbortController()
      if (pristine) drain(options.initial)
    },
    stop() {
      running = false
      abort.abort()
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      queue.length = 0
    },
  }
}

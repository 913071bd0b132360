import { z } from 'zod'
import type { ApiError } from '../../contract/errors.ts'

/** How many event streams may be open at once. */
export interface StreamLimits {
  /** On one order: its owner's streams and its friends' pages' streams together. */
  perOrder: number
  /** In the whole process, every order together. */
  perProcess: number
}

/**
 * A shopper has a phone or two on an order and a friend or two on its link; 32 leaves room for reloads
 * and tabs. 1000 open streams cost a few MiB (a listener, a timer, a socket each).
 */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { perOrder: 32, perProcess: 1000 }

/** `GATEWAY_STREAMS_PER_ORDER` and `GATEWAY_STREAMS_MAX`; empty counts as unset. */
const LimitSchema = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.coerce.number().int().min(1).max(1_000_000).optional(),
)
const StreamEnvSchema = z.object({
  GATEWAY_STREAMS_PER_ORDER: LimitSchema,
  GATEWAY_STREAMS_MAX: LimitSchema,
})

/** The caps from the environment, or the defaults; a bad value stops the start with its name. */
export function streamLimitsFromEnv(env: NodeJS.ProcessEnv): StreamLimits {
  const parsed = StreamEnvSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `${String(issue?.path[0] ?? 'GATEWAY_STREAMS_*')}: ${issue?.message ?? 'invalid'} (a whole number from 1 to 1000000)`,
    )
  }
  return {
    perOrder: parsed.data.GATEWAY_STREAMS_PER_ORDER ?? DEFAULT_STREAM_LIMITS.perOrder,
    perProcess: parsed.data.GATEWAY_STREAMS_MAX ?? DEFAULT_STREAM_LIMITS.perProcess,
  }
}

/** What open streams hold right now: every count is 0 when none is open. */
export interface StreamStats {
  open: number
  /** Orders with at least one open stream. */
  orders: number
  /** Live-log subscriptions held by streams. */
  listeners: number
  /** Heartbeat timers running. */
  heartbeats: number
}

/**
 * One open stream's claim on the caps and everything it holds. `close()` gives all of it back and is
 * safe to call any number of times, from any of the ways a stream ends (client gone, reset, failed
 * write, stalled reader, the handler returning).
 */
export interface StreamLease {
  /** Keeps `unsubscribe` to call on close. */
  listen(unsubscribe: () => void): void
  /** Runs `beat` every `ms` until close. */
  heartbeat(beat: () => void, ms: number): void
  /** Runs `ended` once, on close (whoever closes). */
  onClose(ended: () => void): void
  close(): void
  readonly closed: boolean
}

/** The open event streams of one app, per order and in all, with the caps of `limits`. */
export class StreamRegistry {
  readonly limits: StreamLimits
  readonly #perOrder = new Map<string, number>()
  #open = 0
  #listeners = 0
  #heartbeats = 0

  constructor(limits: StreamLimits = DEFAULT_STREAM_LIMITS) {
    this.limits = limits
  }

  get stats(): StreamStats {
    return {
      open: this.#open,
      orders: this.#perOrder.size,
      listeners: this.#listeners,
      heartbeats: this.#heartbeats,
    }
  }

  /** Streams open on `orderId`. */
  openOn(orderId: string): number {
    return this.#perOrder.get(orderId) ?? 0
  }

  /** Room for one more stream on `orderId`, or the refusal (429 `TOO_MANY_STREAMS`). */
  open(orderId: string): StreamLease | ApiError {
    if (this.#open >= this.limits.perProcess) {
      return {
        code: 'TOO_MANY_STREAMS',
        message: `this server has ${this.limits.perProcess} event streams open, its limit: try again later`,
      }
    }
    const onOrder = this.openOn(orderId)
    if (onOrder >= this.limits.perOrder) {
      return {
        code: 'TOO_MANY_STREAMS',
        message: `this order has ${this.limits.perOrder} event streams open, its limit: close one or try again later`,
      }
    }
    this.#open += 1
    this.#perOrder.set(orderId, onOrder + 1)
    return this.#lease(orderId)
  }

  #lease(orderId: string): StreamLease {
    const unsubscribes: (() => void)[] = []
    const timers: ReturnType<typeof setInterval>[] = []
    const ended: (() => void)[] = []
    let closed = false
    const lease: StreamLease = {
      listen: (unsubscribe) => {
        if (closed) return unsubscribe()
        unsubscribes.push(unsubscribe)
        this.#listeners += 1
      },
      heartbeat: (beat, ms) => {
        if (closed) return
        timers.push(setInterval(beat, ms))
        this.#heartbeats += 1
      },
      onClose: (callback) => {
        if (closed) callback()
        else ended.push(callback)
      },
      close: () => {
        if (closed) return
        closed = true
        for (const timer of timers.splice(0)) {
          clearInterval(timer)
          this.#heartbeats -= 1
        }
        for (const unsubscribe of unsubscribes.splice(0)) {
          this.#listeners -= 1
          unsubscribe()
        }
        this.#open -= 1
        const left = this.openOn(orderId) - 1
        if (left > 0) this.#perOrder.set(orderId, left)
        else this.#perOrder.delete(orderId)
        for (const callback of ended.splice(0)) callback()
      },
      get closed() {
        return closed
      },
    }
    return lease
  }
}

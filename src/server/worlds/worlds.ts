import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiError } from '../../contract/errors.ts'
import { DEFAULT_WORLD } from '../../contract/worlds.ts'
import { FaultSwitch } from '../http/faults.ts'
import { NotificationOutbox } from '../http/notify.ts'
import type { Scheduler } from '../http/notify.ts'
import { realDisk } from '../store/disk.ts'
import type { FileJournalOptions } from '../store/journal.ts'
import { LiveLog } from '../store/live.ts'
import { openStore } from '../store/store.ts'
import type { StorageHealth, Store } from '../store/store.ts'
import { newWorldId } from './world-ids.ts'

/** Everything one simulated world holds: its gateway and merchant, clock, faults, streams, outbox. */
export interface World {
  readonly id: string
  readonly store: Store
  readonly live: LiveLog
  readonly outbox: NotificationOutbox
  readonly faults: FaultSwitch
  /** Wall-clock ms (never the world's test clock). */
  readonly createdAt: number
  lastUsedAt: number
  /** Dropped with its data after this long without a call (the default world never is). */
  readonly ttlMs: number
}

export interface WorldLimits {
  /** Worlds besides `default` (GATEWAY_MAX_WORLDS). */
  maxWorlds: number
  /** Events a created world may hold since its last reset (GATEWAY_WORLD_MAX_EVENTS). */
  maxEventsPerWorld: number
  /** Events all worlds together may hold, the default world's included (GATEWAY_MAX_EVENTS). */
  maxEvents: number
  /** A created world's time to live without calls, unless it asks for another (GATEWAY_WORLD_TTL). */
  defaultTtlMs: number
  /** The longest time to live a world may ask for. */
  maxTtlMs: number
}

export const DEFAULT_WORLD_LIMITS: WorldLimits = {
  maxWorlds: 1000,
  maxEventsPerWorld: 100_000,
  maxEvents: 1_500_000,
  defaultTtlMs: 24 * 60 * 60 * 1000,
  maxTtlMs: 30 * 24 * 60 * 60 * 1000,
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name}: a whole number above 0, not ${value}`)
  return n
}

export function worldLimitsFromEnv(env: NodeJS.ProcessEnv): WorldLimits {
  return {
    ...DEFAULT_WORLD_LIMITS,
    maxWorlds: positive(
      env.GATEWAY_MAX_WORLDS,
      DEFAULT_WORLD_LIMITS.maxWorlds,
      'GATEWAY_MAX_WORLDS',
    ),
    maxEventsPerWorld: positive(
      env.GATEWAY_WORLD_MAX_EVENTS,
      DEFAULT_WORLD_LIMITS.maxEventsPerWorld,
      'GATEWAY_WORLD_MAX_EVENTS',
    ),
    maxEvents: positive(
      env.GATEWAY_MAX_EVENTS,
      DEFAULT_WORLD_LIMITS.maxEvents,
      'GATEWAY_MAX_EVENTS',
    ),
    defaultTtlMs: positive(
      env.GATEWAY_WORLD_TTL,
      DEFAULT_WORLD_LIMITS.defaultTtlMs,
      'GATEWAY_WORLD_TTL',
    ),
  }
}

export interface WorldsOptions {
  /** A data folder, or `memory`. The default world lives at its root, the others in `worlds/<id>/`. */
  data: string
  /** The worlds' test clocks run on this, plus each world's offset. */
  realNow?: () => number
  /** TTLs count on this: the wall clock, whatever the test clocks say. */
  wallNow?: () => number
  secret: string
  scheduler: Scheduler
  log: (message: string, error?: unknown) => void
  limits?: WorldLimits
  journal?: FileJournalOptions
  /** The default world's faults switch (tests hand one in). */
  defaultFaults?: FaultSwitch
}

/** What `GET /api/__test/worlds` lists of a world. */
export interface WorldInfo {
  world: string
  createdAt: string
  lastUsedAt: string
  expiresAt: string | null
  events: number
  orders: number
  payments: number
}

const META = 'world.json'

/**
 * The worlds of one process: `default` (always there, never expires) and any number created by the test
 * API, each fully isolated, each durable in its own folder of journal segments and snapshots (so
 * deleting a world deletes its events for good), each cheap: keys and other costly material are the
 * process's, never a world's.
 */
export class Worlds {
  readonly #worlds = new Map<string, World>()
  readonly #options: WorldsOptions
  readonly #limits: WorldLimits
  readonly #wallNow: () => number
  /** Events held by all worlds together, kept as they change. */
  #events = 0

  constructor(options: WorldsOptions) {
    this.#options = options
    this.#limits = options.limits ?? DEFAULT_WORLD_LIMITS
    this.#wallNow = options.wallNow ?? Date.now
    this.#open(
      DEFAULT_WORLD,
      { ttlMs: Infinity, createdAt: this.#wallNow() },
      options.defaultFaults,
    )
    if (options.data !== 'memory') this.#openSaved()
  }

  get default(): World {
    const world = this.#worlds.get(DEFAULT_WORLD)
    if (!world) throw new Error('the default world is gone')
    return world
  }

  get size(): number {
    return this.#worlds.size
  }

  get limits(): Pick<WorldLimits, 'maxWorlds' | 'maxEventsPerWorld' | 'maxEvents'> {
    const { maxWorlds, maxEventsPerWorld, maxEvents } = this.#limits
    return { maxWorlds, maxEventsPerWorld, maxEvents }
  }

  /** Events held by all worlds together. */
  get events(): number {
    return this.#events
  }

  /** The world a call names, marked as used now; undefined if there is none of that id. */
  get(id: string): World | undefined {
    const world = this.#worlds.get(id)
    if (world) world.lastUsedAt = this.#wallNow()
    return world
  }

  all(): IterableIterator<World> {
    return this.#worlds.values()
  }

  /** A fresh seeded world, durable before this returns. */
  create(ttlMs: number = this.#limits.defaultTtlMs): World | ApiError {
    if (this.#worlds.size - 1 >= this.#limits.maxWorlds) {
      return {
        code: 'TOO_MANY_WORLDS',
        message: `this instance holds ${this.#limits.maxWorlds} worlds already (GATEWAY_MAX_WORLDS): delete one first`,
      }
    }
    const health = this.health
    if (health.state !== 'ok') {
      return {
        code: 'STORAGE_UNAVAILABLE',
        message: `the journal cannot be written: ${health.error}`,
      }
    }
    const id = newWorldId()
    const createdAt = this.#wallNow()
    const ttl = Math.min(ttlMs, this.#limits.maxTtlMs)
    try {
      if (this.#options.data !== 'memory') {
        const dir = this.#folderOf(id)
        // The folder first (openStore makes it), then the meta file: a folder without it is not a world.
        const world = this.#open(id, { ttlMs: ttl, createdAt })
        realDisk.writeFileAtomic(
          join(dir, META),
          Buffer.from(JSON.stringify({ id, ttlMs: ttl, createdAt })),
        )
        return world
      }
      return this.#open(id, { ttlMs: ttl, createdAt })
    } catch (error) {
      this.#drop(id)
      return {
        code: 'STORAGE_UNAVAILABLE',
        message: `the world could not be saved: ${error instanceof Error ? error.message : String(error)}`,
      }
    }
  }

  /** Deletes a world and its data for good. `default` cannot be (reset it instead). */
  delete(id: string): boolean {
    if (id === DEFAULT_WORLD || !this.#worlds.has(id)) return false
    this.#drop(id)
    return true
  }

  /** Drops every world nobody has called for its time to live (on the wall clock). */
  expire(): string[] {
    const now = this.#wallNow()
    const gone: string[] = []
    for (const world of this.#worlds.values()) {
      if (world.id !== DEFAULT_WORLD && now - world.lastUsedAt >= world.ttlMs) gone.push(world.id)
    }
    for (const id of gone) this.#drop(id)
    if (gone.length > 0) this.#options.log(`dropped ${gone.length} world(s) unused for their TTL`)
    return gone
  }

  info(world: World): WorldInfo {
    const iso = (ms: number) => new Date(ms).toISOString()
    return {
      world: world.id,
      createdAt: iso(world.createdAt),
      lastUsedAt: iso(world.lastUsedAt),
      expiresAt: Number.isFinite(world.ttlMs) ? iso(world.lastUsedAt + world.ttlMs) : null,
      events: world.store.eventCount,
      orders: world.store.state.merchant.orders.size,
      payments: world.store.state.gateway.payments.size,
    }
  }

  /** Degraded when any world's disk write failed (they share the disk). */
  get health(): StorageHealth {
    for (const world of this.#worlds.values()) {
      if (world.store.health.state !== 'ok') return world.store.health
    }
    return { state: 'ok' }
  }

  close(): void {
    for (const world of this.#worlds.values()) world.store.close()
  }

  #folderOf(id: string): string {
    return id === DEFAULT_WORLD ? this.#options.data : join(this.#options.data, 'worlds', id)
  }

  #admit(world: string, events: number): ApiError | null {
    if (this.#events + events > this.#limits.maxEvents) {
      return {
        code: 'WORLD_FULL',
        message: `this instance holds ${this.#limits.maxEvents} events in all worlds (GATEWAY_MAX_EVENTS): reset or delete a world`,
      }
    }
    const store = this.#worlds.get(world)?.store
    if (
      world !== DEFAULT_WORLD &&
      store &&
      store.eventCount + events > this.#limits.maxEventsPerWorld
    ) {
      return {
        code: 'WORLD_FULL',
        message: `this world holds ${this.#limits.maxEventsPerWorld} events (GATEWAY_WORLD_MAX_EVENTS): reset it or make another`,
      }
    }
    return null
  }

  #open(id: string, meta: { ttlMs: number; createdAt: number }, faults = new FaultSwitch()): World {
    const live = new LiveLog()
    const log = this.#options.log
    const store = openStore(
      this.#options.data === 'memory' ? 'memory' : this.#folderOf(id),
      this.#options.realNow,
      [live],
      {
        log: (message) => log(id === DEFAULT_WORLD ? message : `world ${id}: ${message}`),
        ...this.#options.journal,
        world: id,
        admit: (events) => this.#admit(id, events),
        counted: (delta) => {
          this.#events += delta
        },
      },
    )
    const outbox = new NotificationOutbox({
      store,
      secret: this.#options.secret,
      faults,
      scheduler: this.#options.scheduler,
      log,
    })
    store.observe(outbox)
    outbox.resume()
    const world: World = {
      id,
      store,
      live,
      outbox,
      faults,
      createdAt: meta.createdAt,
      lastUsedAt: this.#wallNow(),
      ttlMs: meta.ttlMs,
    }
    this.#worlds.set(id, world)
    return world
  }

  /** At start: every world a previous run created and did not delete (its folder with its meta file). */
  #openSaved(): void {
    const root = join(this.#options.data, 'worlds')
    let names: string[]
    try {
      names = readdirSync(root)
    } catch {
      return
    }
    for (const name of names) {
      const dir = join(root, name)
      let meta: { id: string; ttlMs: number; createdAt: number }
      try {
        meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as typeof meta
      } catch {
        // Made but never finished (a crash between folder and meta): no call ever named it.
        rmSync(dir, { recursive: true, force: true })
        continue
      }
      if (meta.id !== name) continue
      this.#open(name, meta)
    }
  }

  #drop(id: string): void {
    const world = this.#worlds.get(id)
    this.#worlds.delete(id)
    if (world) {
      this.#events -= world.store.eventCount
      world.store.close()
      // Streams of the world end, as on a reset.
      world.live.reset()
    }
    if (this.#options.data !== 'memory' && id !== DEFAULT_WORLD) {
      rmSync(this.#folderOf(id), { recursive: true, force: true })
    }
  }
}

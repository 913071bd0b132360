import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiError } from '../../contract/errors.ts'
import { DEFAULT_WORLD } from '../../contract/worlds.ts'
import { FaultSwitch } from '../http/faults.ts'
import type { Scheduler } from '../http/notify.ts'
import type { FileJournalOptions } from '../store/journal.ts'
import type { StorageHealth } from '../store/store.ts'
import { iso } from '../domain/result.ts'
import { MerchantDirectory } from '../wechatpay/directory.ts'
import { memoryKeys } from '../wechatpay/keys.ts'
import { parseNotifyAllow } from '../wechatpay/allow.ts'
import { httpTransport } from '../wechatpay/transport.ts'
import type { NotifyTransport } from '../wechatpay/transport.ts'
import type { ConsoleLogOptions } from '../console/console-log.ts'
import type { ChatLogOptions } from '../chat/chat-log.ts'
import { AlipayDirectory } from '../alipay/directory.ts'
import { memoryAlipayKeys } from '../alipay/keys.ts'
import { DEFAULT_WORLD_LIMITS } from './limits.ts'
import type { WorldLimits } from './limits.ts'
import { newWorldId } from './world-ids.ts'
import { openWorld, savedWorlds, saveWorldMeta } from './world.ts'
import type { World, WorldMeta } from './world.ts'

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
  /**
   * WeChat Pay APIv3: the process's mchid → world directory (with the keys) and how notifications go
   * out; by default keys in memory and real HTTP to loopback.
   */
  wechatpay?: { directory?: MerchantDirectory; transport?: NotifyTransport }
  /** Alipay: the process's app_id → world directory (with the keys); notifications share WeChat's transport. */
  alipay?: { directory?: AlipayDirectory }
  /** Each world's console log's bounds (default CONSOLE_LOG_LIMIT entries, CONSOLE_LOG_BYTES). */
  console?: ConsoleLogOptions
  /** Each world's chats' bounds (default CHAT_MESSAGE_LIMIT messages, CHAT_IMAGE_WORLD_BYTES). */
  chat?: ChatLogOptions
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

/** A world a previous run saved, not opened yet (its journal not read): see `Worlds`. */
interface Saved {
  meta: WorldMeta
  /** Wall-clock ms: a restart gives every world a fresh TTL. */
  lastUsedAt: number
}

/**
 * The worlds of one process: `default` (always there, never expires) and any number created by the test
 * API, each fully isolated, each durable in its own folder of journal segments and snapshots (so
 * deleting a world deletes its events for good), each cheap: keys and other costly material are the
 * process's, never a world's.
 *
 * At a start only the default world is read before the server listens. The worlds a previous run saved
 * are opened (their journals read) by the first call that names one, by anything that must see them all
 * (the list, an mchid or app_id no open world holds), or one per turn of the event loop once the server
 * listens (`openSaved`), so their notifications and deadlines resume within moments (issue 25).
 */
export class Worlds {
  readonly #worlds = new Map<string, World>()
  readonly #saved = new Map<string, Saved>()
  /** Saved worlds whose journal could not be read when opened: why (their calls get 503). */
  readonly #unreadable = new Map<string, string>()
  /** While a world is being opened (its journal replayed), a directory miss must not open others. */
  #opening = false
  #background: NodeJS.Immediate | undefined
  readonly #options: WorldsOptions
  readonly #limits: WorldLimits
  readonly #wallNow: () => number
  readonly #directory: MerchantDirectory
  readonly #transport: NotifyTransport
  readonly #alipay: AlipayDirectory
  /** Events held by all worlds together, kept as they change. */
  #events = 0

  constructor(options: WorldsOptions) {
    this.#options = options
    this.#limits = options.limits ?? DEFAULT_WORLD_LIMITS
    this.#wallNow = options.wallNow ?? Date.now
    this.#directory =
      options.wechatpay?.directory ?? new MerchantDirectory(memoryKeys(), options.log)
    this.#transport = options.wechatpay?.transport ?? httpTransport(parseNotifyAllow(undefined))
    this.#alipay = options.alipay?.directory ?? new AlipayDirectory(memoryAlipayKeys(), options.log)
    const settle = () => this.#settle()
    this.#directory.beforeMiss(settle)
    this.#alipay.beforeMiss(settle)
    this.#open(
      DEFAULT_WORLD,
      { ttlMs: Infinity, createdAt: this.#wallNow() },
      options.defaultFaults,
    )
    if (options.data !== 'memory') this.#findSaved()
  }

  get default(): World {
    const world = this.#worlds.get(DEFAULT_WORLD)
    if (!world) throw new Error('the default world is gone')
    return world
  }

  /** Every world, opened or not yet (one whose journal cannot be read too: its folder is still there). */
  get size(): number {
    return this.#worlds.size + this.#saved.size + this.#unreadable.size
  }

  /** WeChat Pay APIv3's mchid → world directory, and the keys. */
  get directory(): MerchantDirectory {
    return this.#directory
  }

  /** Alipay's app_id → world directory, and the keys. */
  get alipayDirectory(): AlipayDirectory {
    return this.#alipay
  }

  get limits(): Pick<WorldLimits, 'maxWorlds' | 'maxEventsPerWorld' | 'maxEvents'> {
    const { maxWorlds, maxEventsPerWorld, maxEvents } = this.#limits
    return { maxWorlds, maxEventsPerWorld, maxEvents }
  }

  /** Events held by all opened worlds together (a saved world's count once its journal is read). */
  get events(): number {
    return this.#events
  }

  /** The world a call names, marked as used now; undefined if there is none of that id. */
  get(id: string): World | undefined {
    const world = this.#worlds.get(id) ?? this.#openOne(id)
    if (world) world.lastUsedAt = this.#wallNow()
    return world
  }

  /** Why a saved world could not be opened (its journal is damaged), or undefined. */
  unreadable(id: string): string | undefined {
    return this.#unreadable.get(id)
  }

  /** Every world, the saved ones opened first. */
  all(): IterableIterator<World> {
    this.#settle()
    return this.#worlds.values()
  }

  /** The worlds opened so far: what the timers tend (a saved world joins them once opened). */
  opened(): IterableIterator<World> {
    return this.#worlds.values()
  }

  /**
   * Opens the saved worlds one per turn of the event loop, so calls are answered in between: the server
   * calls it once it listens. Stops when all are open (or at `close`).
   */
  openSaved(): void {
    if (this.#background || this.#saved.size === 0) return
    const next = () => {
      this.#background = undefined
      const id = this.#saved.keys().next().value
      if (id === undefined) return
      this.#openOne(id)
      if (this.#saved.size > 0) this.#background = setImmediate(next)
    }
    this.#background = setImmediate(next)
  }

  /** A fresh seeded world, durable before this returns. */
  create(ttlMs: number = this.#limits.defaultTtlMs): World | ApiError {
    if (this.size - 1 >= this.#limits.maxWorlds) {
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
      const meta: WorldMeta = {
        ttlMs: ttl,
        createdAt,
        mchid: this.#directory.allocateDemo(),
        alipayAppId: this.#alipay.allocateDemo(),
      }
      if (this.#options.data !== 'memory') {
        // The folder first (openStore makes it), then the meta file: a folder without it is not a world.
        const world = this.#open(id, meta)
        this.#saveMeta(id, meta)
        return world
      }
      return this.#open(id, meta)
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
    const known = this.#worlds.has(id) || this.#saved.has(id) || this.#unreadable.has(id)
    if (id === DEFAULT_WORLD || !known) return false
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
    for (const [id, { meta, lastUsedAt }] of this.#saved) {
      if (now - lastUsedAt >= meta.ttlMs) gone.push(id)
    }
    for (const id of gone) this.#drop(id)
    if (gone.length > 0) this.#options.log(`dropped ${gone.length} world(s) unused for their TTL`)
    return gone
  }

  info(world: World): WorldInfo {
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
    if (this.#background) clearImmediate(this.#background)
    this.#background = undefined
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

  #saveMeta(id: string, meta: WorldMeta): void {
    saveWorldMeta(this.#folderOf(id), id, meta)
  }

  #open(id: string, meta: WorldMeta, faults = new FaultSwitch()): World {
    const world = openWorld(
      {
        ...this.#options,
        directory: this.#directory,
        alipay: this.#alipay,
        transport: this.#transport,
        folder: this.#options.data === 'memory' ? 'memory' : this.#folderOf(id),
        admit: (events) => this.#admit(id, events),
        counted: (delta) => {
          this.#events += delta
        },
      },
      id,
      meta,
      this.#wallNow(),
      faults,
    )
    this.#worlds.set(id, world)
    return world
  }

  /**
   * At start: every world a previous run created and did not delete (its folder with its meta file),
   * held to be opened later; its demo mchid and app_id are known at once (they are in the meta file).
   */
  #findSaved(): void {
    const now = this.#wallNow()
    for (const { name, meta } of savedWorlds(join(this.#options.data, 'worlds'))) {
      this.#saved.set(name, { meta, lastUsedAt: now })
      if (meta.mchid) this.#directory.setDemo(name, meta.mchid)
      if (meta.alipayAppId) this.#alipay.setDemo(name, meta.alipayAppId)
    }
  }

  /** Opens a saved world now (its journal read): undefined if there is no saved world of that id. */
  #openOne(id: string): World | undefined {
    const saved = this.#saved.get(id)
    if (!saved) return undefined
    this.#saved.delete(id)
    const { meta } = saved
    const before = this.#opening
    this.#opening = true
    let world: World
    try {
      world = this.#open(id, meta)
    } catch (error) {
      // Damage in its journal (journal.md): this world stays shut, named in the log and in its calls'
      // answers; the others go on. `npm run journal -- check` names the place.
      const why = error instanceof Error ? error.message : String(error)
      this.#unreadable.set(id, why)
      this.#options.log(`world ${id} cannot be opened: ${why}`)
      return undefined
    } finally {
      this.#opening = before
    }
    world.lastUsedAt = saved.lastUsedAt
    // A world from before WeChat Pay, or whose mchid went to another meanwhile: keep the one it has now.
    if (meta.mchid !== world.wechatpay.mchid || meta.alipayAppId !== world.alipay.appId) {
      this.#saveMeta(id, {
        ttlMs: meta.ttlMs,
        createdAt: meta.createdAt,
        mchid: world.wechatpay.mchid,
        alipayAppId: world.alipay.appId,
      })
    }
    return world
  }

  /** Opens every saved world now; true if there were any (a directory looks again). */
  #settle(): boolean {
    if (this.#opening || this.#saved.size === 0) return false
    for (const id of [...this.#saved.keys()]) this.#openOne(id)
    return true
  }

  #drop(id: string): void {
    const world = this.#worlds.get(id)
    this.#worlds.delete(id)
    this.#saved.delete(id)
    this.#unreadable.delete(id)
    this.#directory.dropWorld(id)
    this.#alipay.dropWorld(id)
    if (world) {
      this.#events -= world.store.eventCount
      world.store.close()
      // Streams of the world end, as on a reset; its console log goes with it.
      world.live.reset()
      world.console.close()
      world.chat.close()
    }
    if (this.#options.data !== 'memory' && id !== DEFAULT_WORLD) {
      rmSync(this.#folderOf(id), { recursive: true, force: true })
    }
  }
}

import { createPublicKey } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { DomainEvent } from '../domain/events.ts'
import type { AlipayAppRecord } from '../domain/alipay/state.ts'
import type { StoreObserver } from '../store/observer.ts'
import { randomAppId } from './keys.ts'
import type { AlipayKeys } from './keys.ts'

/** Who signs a call: the app behind an app_id, and the world its calls land in. */
export interface AlipayApp {
  appId: string
  world: string
  name: string
  publicKey: KeyObject
  /** The world's demo app (the shared key pair) rather than a registered key. */
  demo: boolean
}

export const DEMO_APP_NAME = '支付宝沙箱演示应用'

/**
 * app_id → world, for the whole process: the SDK cannot say which world it means, so the app_id it
 * signs with does (as an mchid does for WeChat Pay). Every world has a demo app (its own app_id, the
 * shared key pair); apps registered with their own keys are journalled in their world and come back
 * here as it is read. An app_id belongs to one world at most.
 */
export class AlipayDirectory {
  readonly #keys: AlipayKeys
  readonly #log: (message: string) => void
  readonly #demoWorld = new Map<string, string>()
  readonly #demoOf = new Map<string, string>()
  #beforeMiss: () => boolean = () => false
  readonly #registered = new Map<
    string,
    { world: string; record: AlipayAppRecord; publicKey: KeyObject }
  >()

  constructor(keys: AlipayKeys, log: (message: string) => void = () => {}) {
    this.#keys = keys
    this.#log = log
  }

  get keys(): AlipayKeys {
    return this.#keys
  }

  /** A fresh demo app_id no world holds. */
  allocateDemo(): string {
    for (;;) {
      const appId = randomAppId()
      if (!this.owner(appId)) return appId
    }
  }

  /** Gives `world` its demo app; a taken app_id (a registration got there first) gets a fresh one. */
  setDemo(world: string, appId: string): string {
    const holder = this.owner(appId)
    const id = holder && holder !== world ? this.allocateDemo() : appId
    if (id !== appId) this.#log(`demo app_id ${appId} is taken: world ${world} gets ${id}`)
    this.#demoWorld.set(id, world)
    this.#demoOf.set(world, id)
    return id
  }

  /** The world an app_id belongs to, if any. */
  owner(appId: string): string | undefined {
    return this.#registered.get(appId)?.world ?? this.#demoWorld.get(appId)
  }

  /**
   * Asked before answering that no world holds an appId (a call to look up, a registration to allow):
   * worlds not yet opened since the start (worlds.ts) are opened, and `true` says to look again.
   */
  beforeMiss(hook: () => boolean): void {
    this.#beforeMiss = hook
  }

  /** The app behind an app_id: its registered key, else the demo app's. */
  lookup(appId: string): AlipayApp | undefined {
    return this.#lookupNow(appId) ?? (this.#beforeMiss() ? this.#lookupNow(appId) : undefined)
  }

  #lookupNow(appId: string): AlipayApp | undefined {
    const registered = this.#registered.get(appId)
    if (registered) {
      const { world, record, publicKey } = registered
      return { appId, world, name: record.name, publicKey, demo: false }
    }
    const world = this.#demoWorld.get(appId)
    if (world === undefined) return undefined
    return { appId, world, name: DEMO_APP_NAME, publicKey: this.#keys.app.publicKey, demo: true }
  }

  /** Whether `world` may register `appId` (it is free, or already this world's). */
  mayRegister(appId: string, world: string): boolean {
    const holder = this.owner(appId) ?? (this.#beforeMiss() ? this.owner(appId) : undefined)
    return holder === undefined || holder === world
  }

  /** A world's store, kept in step: registrations as applied (replayed too), resets, rollbacks. */
  observer(world: string, apps: () => Iterable<AlipayAppRecord>): StoreObserver {
    return {
      applied: (event: DomainEvent) => {
        if (event.type === 'alipay.app.registered') this.#register(world, event.app)
      },
      reset: () => this.#forget(world, false),
      reloaded: () => this.sync(world, apps()),
    }
  }

  /** The registrations a world's state holds, as they are. */
  sync(world: string, apps: Iterable<AlipayAppRecord>): void {
    this.#forget(world, false)
    for (const record of apps) this.#register(world, record)
  }

  /** A world deleted or expired: its app_ids are free again. */
  dropWorld(world: string): void {
    this.#forget(world, true)
  }

  #register(world: string, record: AlipayAppRecord): void {
    if (!this.mayRegister(record.appId, world)) {
      this.#log(
        `app_id ${record.appId} is another world's: world ${world}'s registration is ignored`,
      )
      return
    }
    try {
      this.#registered.set(record.appId, {
        world,
        record,
        publicKey: createPublicKey(record.publicKeyPem),
      })
    } catch (error) {
      this.#log(`app_id ${record.appId}: its public key cannot be read (${String(error)})`)
    }
  }

  #forget(world: string, demoToo: boolean): void {
    for (const [appId, entry] of this.#registered) {
      if (entry.world === world) this.#registered.delete(appId)
    }
    if (!demoToo) return
    const demo = this.#demoOf.get(world)
    if (demo !== undefined) this.#demoWorld.delete(demo)
    this.#demoOf.delete(world)
  }
}

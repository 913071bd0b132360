import { createPublicKey, randomInt } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { VerifyMode } from '../../contract/wechatpay-test.ts'
import type { DomainEvent } from '../domain/events.ts'
import type { V3MerchantRecord } from '../domain/wechatpay/state.ts'
import type { StoreObserver } from '../store/observer.ts'
import type { WechatpayKeys } from './keys.ts'

/** Who signs a request: the merchant behind an mchid, and the world its calls land in. */
export interface MerchantIdentity {
  mchid: string
  world: string
  /** null: any appid is accepted. */
  appid: string | null
  /** Upper case. */
  serialNo: string
  publicKey: KeyObject
  apiV3Key: string
  name: string
  mode: VerifyMode
  /** The Native code_url's form: WeChat's `weixin://` (default) or this site's `/wechat/pay?pr=`. */
  codeUrl: 'weixin' | 'web'
  /** The world's demo merchant (the shared key pair) rather than a registered key. */
  demo: boolean
}

interface Registered {
  world: string
  record: V3MerchantRecord
  publicKey: KeyObject
}

export const DEMO_MERCHANT_NAME = '微信支付沙箱演示商户'

/**
 * mchid → world, for the whole process: SDKs cannot say which world they mean, so the mchid in their
 * Authorization does. Every world has a demo merchant (its own mchid, the shared key pair); merchants
 * registered with their own keys are journalled in their world and come back here as it is read. An
 * mchid belongs to one world at most.
 */
export class MerchantDirectory {
  readonly #keys: WechatpayKeys
  readonly #log: (message: string) => void
  readonly #demoWorld = new Map<string, string>()
  readonly #demoOf = new Map<string, string>()
  #beforeMiss: () => boolean = () => false
  readonly #registered = new Map<string, Registered>()

  constructor(keys: WechatpayKeys, log: (message: string) => void = () => {}) {
    this.#keys = keys
    this.#log = log
  }

  get keys(): WechatpayKeys {
    return this.#keys
  }

  /** A fresh demo mchid no world holds: 10 digits, as WeChat's are. */
  allocateDemo(): string {
    for (;;) {
      const mchid = `19${String(randomInt(100_000_000)).padStart(8, '0')}`
      if (!this.owner(mchid)) return mchid
    }
  }

  /** Gives `world` its demo merchant; a taken mchid (a registration got there first) gets a fresh one. */
  setDemo(world: string, mchid: string): string {
    const holder = this.owner(mchid)
    const id = holder && holder !== world ? this.allocateDemo() : mchid
    if (id !== mchid) this.#log(`demo mchid ${mchid} is taken: world ${world} gets ${id}`)
    this.#demoWorld.set(id, world)
    this.#demoOf.set(world, id)
    return id
  }

  demoOf(world: string): string | undefined {
    return this.#demoOf.get(world)
  }

  /** The world an mchid belongs to, if any. */
  owner(mchid: string): string | undefined {
    return this.#registered.get(mchid)?.world ?? this.#demoWorld.get(mchid)
  }

  /**
   * Asked before answering that no world holds an mchid (a call to look up, a registration to allow):
   * worlds not yet opened since the start (worlds.ts) are opened, and `true` says to look again.
   */
  beforeMiss(hook: () => boolean): void {
    this.#beforeMiss = hook
  }

  /** The merchant behind an mchid: its registered key, else the demo merchant's. */
  lookup(mchid: string): MerchantIdentity | undefined {
    return this.#lookupNow(mchid) ?? (this.#beforeMiss() ? this.#lookupNow(mchid) : undefined)
  }

  #lookupNow(mchid: string): MerchantIdentity | undefined {
    const registered = this.#registered.get(mchid)
    if (registered) {
      const { record, world, publicKey } = registered
      return {
        mchid,
        world,
        appid: record.appid,
        serialNo: record.serialNo.toUpperCase(),
        publicKey,
        apiV3Key: record.apiV3Key,
        name: record.name,
        mode: record.mode,
        codeUrl: record.codeUrl ?? 'weixin',
        demo: false,
      }
    }
    const world = this.#demoWorld.get(mchid)
    if (world === undefined) return undefined
    const merchant = this.#keys.merchant
    return {
      mchid,
      world,
      appid: merchant.appid,
      serialNo: merchant.serialNo,
      publicKey: merchant.publicKey,
      apiV3Key: merchant.apiV3Key,
      name: DEMO_MERCHANT_NAME,
      mode: 'publicKey',
      codeUrl: 'weixin',
      demo: true,
    }
  }

  /** Whether `world` may register `mchid` (it is free, or already this world's). */
  mayRegister(mchid: string, world: string): boolean {
    const holder = this.owner(mchid) ?? (this.#beforeMiss() ? this.owner(mchid) : undefined)
    return holder === undefined || holder === world
  }

  /**
   * A world's store, kept in step: registrations as they are applied (replayed at start too), resets,
   * and a rollback (read back from a snapshot: `merchants` gives what the state holds then).
   */
  observer(world: string, merchants: () => Iterable<V3MerchantRecord>): StoreObserver {
    return {
      applied: (event: DomainEvent) => {
        if (event.type === 'wechatpay.merchant.registered') this.#register(world, event.merchant)
      },
      reset: () => this.#forget(world, false),
      reloaded: () => this.sync(world, merchants()),
    }
  }

  /** The registrations a world's state holds, as they are (after a start from a snapshot, a rollback). */
  sync(world: string, merchants: Iterable<V3MerchantRecord>): void {
    this.#forget(world, false)
    for (const record of merchants) this.#register(world, record)
  }

  /** A world deleted or expired: its mchids are free again. */
  dropWorld(world: string): void {
    this.#forget(world, true)
  }

  #register(world: string, record: V3MerchantRecord): void {
    if (!this.mayRegister(record.mchid, world)) {
      this.#log(
        `mchid ${record.mchid} is another world's: world ${world}'s registration is ignored`,
      )
      return
    }
    try {
      this.#registered.set(record.mchid, {
        world,
        record,
        publicKey: createPublicKey(record.publicKeyPem),
      })
    } catch (error) {
      this.#log(`mchid ${record.mchid}: its public key cannot be read (${String(error)})`)
    }
  }

  #forget(world: string, demoToo: boolean): void {
    for (const [mchid, entry] of this.#registered) {
      if (entry.world === world) this.#registered.delete(mchid)
    }
    if (!demoToo) return
    const demo = this.#demoOf.get(world)
    if (demo !== undefined) this.#demoWorld.delete(demo)
    this.#demoOf.delete(world)
  }
}

import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomInt } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { join } from 'node:path'
import { z } from 'zod'

// The Alipay sandbox's keys, made once and kept with the data (never per world: a world stays cheap):
// "Alipay's" key pair (支付宝公钥: answers and notifications are signed with its private half) and the
// demo app's key pair, which every world's demo app shares (each world has its own app_id).
// GATEWAY_DATA=memory keeps them in memory for the process, made on first use.

const StoredSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  defaultAppId: z.string(),
  alipayPrivateKeyPem: z.string(),
  appPrivateKeyPem: z.string(),
})
type Stored = z.infer<typeof StoredSchema>

/** An Alipay app_id: 2021 and 12 digits. */
export function randomAppId(): string {
  return `2021${Array.from({ length: 12 }, () => randomInt(10)).join('')}`
}

function make(now: number, defaultAppId = randomAppId()): Stored {
  // PKCS#1 for the app: what alipay-sdk reads by default (keyType PKCS1); the platform's is ours alone.
  const pkcs1 = () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs1', format: 'pem' })
      .toString()
  return {
    version: 1,
    createdAt: new Date(now).toISOString(),
    defaultAppId,
    alipayPrivateKeyPem: pkcs1(),
    appPrivateKeyPem: pkcs1(),
  }
}

export interface KeyPair {
  privateKey: KeyObject
  privateKeyPem: string
  publicKey: KeyObject
  publicKeyPem: string
}

function pairOf(privateKeyPem: string): KeyPair {
  const privateKey = createPrivateKey(privateKeyPem)
  const publicKey = createPublicKey(privateKey)
  return {
    privateKey,
    privateKeyPem,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

/** The process's Alipay keys: the platform's, and the demo app's that every world shares. */
export class AlipayKeys {
  readonly #load: () => Stored
  #alipay: KeyPair | null = null
  #app: KeyPair | null = null
  /** The default world's demo app_id (other worlds get theirs when made). */
  readonly defaultAppId: string
  /** Where they are kept (null: in memory). */
  readonly location: string | null

  constructor(load: () => Stored, defaultAppId: string, location: string | null) {
    this.#load = load
    this.defaultAppId = defaultAppId
    this.location = location
  }

  /** Alipay's own pair: its public half is the 支付宝公钥 merchants verify with. */
  get alipay(): KeyPair {
    this.#alipay ??= pairOf(this.#load().alipayPrivateKeyPem)
    return this.#alipay
  }

  /** The demo app's pair (its private key PKCS#1). */
  get app(): KeyPair {
    this.#app ??= pairOf(this.#load().appPrivateKeyPem)
    return this.#app
  }
}

let inMemory: AlipayKeys | null = null

/** Keys for `GATEWAY_DATA=memory`: one set per process, made on first use. */
export function memoryAlipayKeys(): AlipayKeys {
  if (!inMemory) {
    const appId = randomAppId()
    let stored: Stored | null = null
    inMemory = new AlipayKeys(() => (stored ??= make(Date.now(), appId)), appId, null)
  }
  return inMemory
}

function writePrivate(path: string, text: string): void {
  const temp = `${path}.tmp`
  const fd = openSync(temp, 'w', 0o600)
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, path)
}

/** The keys of a data folder (`<data>/alipay/keys.json`), made on its first start. */
export function loadAlipayKeys(data: string, now: number = Date.now()): AlipayKeys {
  if (data === 'memory') return memoryAlipayKeys()
  const dir = join(data, 'alipay')
  const path = join(dir, 'keys.json')
  let stored: Stored
  try {
    stored = StoredSchema.parse(JSON.parse(readFileSync(path, 'utf8')))
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT'
    if (!missing) throw new Error(`${path} cannot be read: ${String(error)}`, { cause: error })
    stored = make(now)
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    writePrivate(path, `${JSON.stringify(stored, null, 2)}\n`)
  }
  return new AlipayKeys(() => stored, stored.defaultAppId, path)
}

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
import { randomBytes } from '../store/ids.ts'
import { issueCertificate } from './x509.ts'

// The sandbox's keys, made once and kept with the data (never per world: a world stays cheap): the
// platform's key pair with its public-key id (PUB_KEY_ID_…) and its certificate, and the demo merchant's
// key pair, API certificate, appid and APIv3 key, which every world's demo merchant shares (each world
// has its own mchid). GATEWAY_DATA=memory keeps them in memory for the process, made on first use.

const FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000

const StoredSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  defaultMchid: z.string(),
  platform: z.object({
    privateKeyPem: z.string(),
    publicKeyId: z.string(),
    serialNo: z.string(),
    certificatePem: z.string(),
    notBefore: z.number(),
    notAfter: z.number(),
  }),
  merchant: z.object({
    appid: z.string(),
    serialNo: z.string(),
    privateKeyPem: z.string(),
    certificatePem: z.string(),
    apiV3Key: z.string(),
  }),
})
type Stored = z.infer<typeof StoredSchema>

export interface PlatformKeys {
  privateKey: KeyObject
  publicKey: KeyObject
  publicKeyPem: string
  /** The 微信支付公钥 id answers are signed under in public-key mode. */
  publicKeyId: string
  /** The platform certificate's serial, in certificate mode. */
  serialNo: string
  certificatePem: string
  notBefore: number
  notAfter: number
}

export interface DemoMerchantKeys {
  appid: string
  serialNo: string
  privateKeyPem: string
  publicKey: KeyObject
  certificatePem: string
  apiV3Key: string
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase()
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('')

/** 40 hex digits whose first byte keeps the DER INTEGER positive and the hex 40 long. */
function serial(): string {
  return `${(0x10 + randomInt(0x70)).toString(16).toUpperCase()}${hex(19)}`
}

const rsa = () => generateKeyPairSync('rsa', { modulusLength: 2048 })

function make(now: number, defaultMchid = `19${digits(8)}`): Stored {
  const platform = rsa()
  const merchant = rsa()
  const notBefore = now - DAY_MS
  const notAfter = now + FIVE_YEARS_MS
  const platformName = {
    C: 'CN',
    O: 'Tenpay.com (simulation)',
    OU: 'WeChat Pay APIv3 sandbox',
    CN: 'Tenpay.com Sandbox Platform',
  }
  const platformSerial = serial()
  const merchantSerial = serial()
  const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '')
  return {
    version: 1,
    createdAt: new Date(now).toISOString(),
    defaultMchid,
    platform: {
      privateKeyPem: platform.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyId: `PUB_KEY_ID_01${defaultMchid}${day}${digits(6)}`,
      serialNo: platformSerial,
      certificatePem: issueCertificate({
        serialHex: platformSerial,
        subject: platformName,
        issuer: platformName,
        notBefore,
        notAfter,
        publicKey: platform.publicKey,
        issuerKey: platform.privateKey,
        ca: true,
      }),
      notBefore,
      notAfter,
    },
    merchant: {
      appid: `wx${randomBytes(8).toString('hex')}`,
      serialNo: merchantSerial,
      privateKeyPem: merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      certificatePem: issueCertificate({
        serialHex: merchantSerial,
        subject: {
          C: 'CN',
          O: '微信商户系统 (simulation)',
          OU: 'WeChat Pay sandbox demo merchant',
          CN: 'Sandbox Demo Merchant',
        },
        issuer: platformName,
        notBefore,
        notAfter,
        publicKey: merchant.publicKey,
        issuerKey: platform.privateKey,
        ca: false,
      }),
      apiV3Key: randomBytes(24).toString('base64url'),
    },
  }
}

/** The process's keys: the platform's, and the demo merchant's that every world shares. */
export class WechatpayKeys {
  readonly #load: () => Stored
  #stored: Stored | null = null
  #platform: PlatformKeys | null = null
  #merchant: DemoMerchantKeys | null = null
  /** The default world's demo mchid (other worlds get theirs when made). */
  readonly defaultMchid: string
  /** Where they are kept (null: in memory). */
  readonly location: string | null

  constructor(load: () => Stored, defaultMchid: string, location: string | null) {
    this.#load = load
    this.defaultMchid = defaultMchid
    this.location = location
  }

  get #data(): Stored {
    this.#stored ??= this.#load()
    return this.#stored
  }

  get platform(): PlatformKeys {
    if (this.#platform) return this.#platform
    const p = this.#data.platform
    const privateKey = createPrivateKey(p.privateKeyPem)
    const publicKey = createPublicKey(privateKey)
    this.#platform = {
      privateKey,
      publicKey,
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      publicKeyId: p.publicKeyId,
      serialNo: p.serialNo,
      certificatePem: p.certificatePem,
      notBefore: p.notBefore,
      notAfter: p.notAfter,
    }
    return this.#platform
  }

  get merchant(): DemoMerchantKeys {
    if (this.#merchant) return this.#merchant
    const m = this.#data.merchant
    this.#merchant = { ...m, publicKey: createPublicKey(m.certificatePem) }
    return this.#merchant
  }
}

let inMemory: WechatpayKeys | null = null

/** Keys for `GATEWAY_DATA=memory`: one set per process, made on first use. */
export function memoryKeys(): WechatpayKeys {
  if (!inMemory) {
    const mchid = `19${digits(8)}`
    inMemory = new WechatpayKeys(() => make(Date.now(), mchid), mchid, null)
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

/** The keys of a data folder (`<data>/wechatpay/keys.json`), made on its first start. */
export function loadKeys(data: string, now: number = Date.now()): WechatpayKeys {
  if (data === 'memory') return memoryKeys()
  const dir = join(data, 'wechatpay')
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
  return new WechatpayKeys(() => stored, stored.defaultMchid, path)
}

import { X509Certificate } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadKeys, memoryKeys } from './keys.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('the sandbox’s keys', { timeout: 30_000 }, () => {
  it('are made on the first start, kept in the data folder (owner-only) and the same at the next', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wechatpay-keys-'))
    dirs.push(dir)
    const first = loadKeys(dir)
    const file = join(dir, 'wechatpay', 'keys.json')
    expect(first.location).toBe(file)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const again = loadKeys(dir)
    expect(again.platform.publicKeyId).toBe(first.platform.publicKeyId)
    expect(again.platform.certificatePem).toBe(first.platform.certificatePem)
    expect(again.merchant.privateKeyPem).toBe(first.merchant.privateKeyPem)
    expect(again.defaultMchid).toBe(first.defaultMchid)
  })

  it('issue X.509 certificates WeChat-shaped: 40-hex serials, the merchant’s issued by the platform', () => {
    const keys = memoryKeys()
    expect(memoryKeys()).toBe(keys)
    const platform = new X509Certificate(keys.platform.certificatePem)
    const merchant = new X509Certificate(keys.merchant.certificatePem)
    expect(platform.serialNumber).toBe(keys.platform.serialNo)
    expect(keys.platform.serialNo).toMatch(/^[0-9A-F]{40}$/)
    expect(merchant.serialNumber).toBe(keys.merchant.serialNo)
    expect(platform.verify(keys.platform.publicKey)).toBe(true)
    expect(merchant.checkIssued(platform)).toBe(true)
    expect(merchant.verify(keys.platform.publicKey)).toBe(true)
    expect(Date.parse(platform.validTo) - Date.parse(platform.validFrom)).toBeGreaterThan(
      4 * 365 * 86_400_000,
    )
    expect(keys.platform.publicKeyId).toMatch(/^PUB_KEY_ID_\d+$/)
    expect(keys.merchant.apiV3Key).toHaveLength(32)
    expect(keys.merchant.appid).toMatch(/^wx[0-9a-f]{16}$/)
    expect(keys.defaultMchid).toMatch(/^19\d{8}$/)
  })
})

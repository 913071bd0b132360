// Merchants and worlds: SDKs cannot say which world they mean, so the mchid does. Every world has a demo
// merchant of its own; a merchant's own key is registered in one world; an mchid is unique in the process.
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TestStateSchema } from '../../contract/test-api.ts'
import type { WechatpayKeys } from '../../contract/wechatpay-test.ts'
import { axiosClient, fetchKeys, testApi, v3 } from '../../../test/support/wechatpay.ts'
import { sandbox } from './testing.ts'
import type { Sandbox } from './testing.ts'

const open: Sandbox[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const sb of open.splice(0)) await sb.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

let seq = 0
const no = () => `MC${Date.now()}${++seq}`

async function start(...options: Parameters<typeof sandbox>) {
  const sb = await sandbox(...options)
  open.push(sb)
  return sb
}

const newWorld = async (sb: Sandbox) =>
  String((await testApi(sb.origin, 'POST', '/api/__test/worlds', {})).body.world)

/** A native order as `mchid` (with `client`'s key), and the answer's status and WeChat code. */
async function order(
  sb: Sandbox,
  keys: WechatpayKeys,
  options: Parameters<typeof axiosClient>[2] & { appid?: string } = {},
) {
  const mchid = options.mchid ?? keys.merchant.mchid
  const outTradeNo = no()
  const res = await v3(axiosClient(sb.origin, keys, options))
    .post('v3/pay/transactions/native', {
      appid: options.appid ?? keys.merchant.appid,
      mchid,
      description: '龙井',
      out_trade_no: outTradeNo,
      notify_url: 'http://127.0.0.1:9/notify',
      amount: { total: 1 },
    })
    .then(
      (ok) => ({ status: ok.status, code: null as unknown }),
      (error: { response?: { status: number; data: { code?: unknown } } }) => ({
        status: error.response?.status,
        code: error.response?.data.code,
      }),
    )
  return { ...res, outTradeNo }
}

async function ordersOf(sb: Sandbox, world?: string) {
  const state = TestStateSchema.parse(
    (await testApi(sb.origin, 'GET', '/api/__test/state', undefined, world)).body,
  )
  return (state.wechatpay?.transactions ?? []).map((t) => t.outTradeNo)
}

let made: ReturnType<typeof makeKey> | null = null
/** A merchant's own RSA key, as its apiclient_key.pem would be (one for the file: keys are slow to make). */
const ownKey = () => (made ??= makeKey())
function makeKey() {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    serialNo: '5F0A1B2C3D4E5F60718293A4B5C6D7E8F9012345',
  }
}

describe('merchants and worlds', { timeout: 30_000 }, () => {
  it('every world has a demo merchant of its own (the shared key pair); its calls land in its world', async () => {
    const sb = await start()
    const world = await newWorld(sb)
    const mine = await fetchKeys(sb.origin, world)
    const theirs = await fetchKeys(sb.origin)
    expect(mine.merchant.mchid).not.toBe(theirs.merchant.mchid)
    expect(mine.merchant.serialNo).toBe(theirs.merchant.serialNo)
    expect(mine.publicKeyId).toBe(theirs.publicKeyId)
    const placed = await order(sb, mine)
    expect(placed.status).toBe(200)
    expect(await ordersOf(sb, world)).toEqual([placed.outTradeNo])
    expect(await ordersOf(sb)).not.toContain(placed.outTradeNo)
  })

  it('a merchant’s own key is registered in the caller’s world; an mchid is unique in the process', async () => {
    const sb = await start()
    const world = await newWorld(sb)
    const keys = await fetchKeys(sb.origin, world)
    const own = ownKey()
    const body = {
      mchid: '1230000109',
      serialNo: own.serialNo,
      publicKeyPem: own.publicKeyPem,
      apiV3Key: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
      appid: 'wxd678efh567hg6787',
      name: '我的小店',
    }
    const registered = await testApi(
      sb.origin,
      'POST',
      '/api/__test/wechatpay/merchants',
      body,
      world,
    )
    expect(registered).toMatchObject({
      status: 200,
      body: { mchid: '1230000109', mode: 'publicKey', world },
    })
    const as = {
      mchid: body.mchid,
      serialNo: own.serialNo,
      privateKeyPem: own.privateKeyPem,
      appid: body.appid,
    }
    const placed = await order(sb, keys, as)
    expect(placed.status).toBe(200)
    expect(await ordersOf(sb, world)).toContain(placed.outTradeNo)
    // Another appid than the one bound to it; the demo merchant's key for its mchid.
    expect(await order(sb, keys, { ...as, appid: 'wx0000000000000000' })).toMatchObject({
      status: 400,
      code: 'APPID_MCHID_NOT_MATCH',
    })
    expect(await order(sb, keys, { mchid: body.mchid, appid: body.appid })).toMatchObject({
      status: 401,
      code: 'SIGN_ERROR',
    })

    const elsewhere = await testApi(sb.origin, 'POST', '/api/__test/wechatpay/merchants', body)
    expect(elsewhere).toMatchObject({ status: 409, body: { code: 'MCHID_TAKEN' } })
    const demo = await testApi(sb.origin, 'POST', '/api/__test/wechatpay/merchants', {
      ...body,
      mchid: keys.merchant.mchid,
    })
    expect(demo).toMatchObject({ status: 409, body: { code: 'MCHID_TAKEN' } })
    const notAKey = await testApi(
      sb.origin,
      'POST',
      '/api/__test/wechatpay/merchants',
      { ...body, publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' },
      world,
    )
    expect(notAKey).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } })

    // Registered again in its own world: updated (here to certificate mode, which its answers follow).
    const again = await testApi(
      sb.origin,
      'POST',
      '/api/__test/wechatpay/merchants',
      { ...body, mode: 'certificate' },
      world,
    )
    expect(again).toMatchObject({ status: 200, body: { mode: 'certificate' } })
    expect((await order(sb, keys, { ...as, mode: 'certificate' })).status).toBe(200)
  })

  it('a reset forgets registered merchants (the demo stays); deleting a world frees its mchids', async () => {
    const sb = await start()
    const world = await newWorld(sb)
    const keys = await fetchKeys(sb.origin, world)
    const own = ownKey()
    const body = {
      mchid: '1900009231',
      serialNo: own.serialNo,
      publicKeyPem: own.publicKeyPem,
      apiV3Key: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
    }
    expect(
      (await testApi(sb.origin, 'POST', '/api/__test/wechatpay/merchants', body, world)).status,
    ).toBe(200)
    const as = { mchid: body.mchid, serialNo: own.serialNo, privateKeyPem: own.privateKeyPem }
    expect((await order(sb, keys, as)).status).toBe(200)
    await testApi(sb.origin, 'POST', '/api/__test/reset', undefined, world)
    expect(await order(sb, keys, as)).toMatchObject({ status: 401, code: 'SIGN_ERROR' })
    expect((await order(sb, keys)).status).toBe(200)

    expect(
      (await testApi(sb.origin, 'POST', '/api/__test/wechatpay/merchants', body, world)).status,
    ).toBe(200)
    expect((await testApi(sb.origin, 'DELETE', `/api/__test/worlds/${world}`)).status).toBe(200)
    expect(await order(sb, keys)).toMatchObject({ status: 401, code: 'SIGN_ERROR' })
    expect((await testApi(sb.origin, 'POST', '/api/__test/wechatpay/merchants', body)).status).toBe(
      200,
    )
    const defaults = await fetchKeys(sb.origin)
    const moved = await order(sb, defaults, as)
    expect(moved.status).toBe(200)
    expect(await ordersOf(sb)).toContain(moved.outTradeNo)
  })

  it.each([
    ['the journal', {}],
    ['a snapshot', { snapshotBytes: 1 }],
  ])(
    'registrations, demo mchids and orders come back after a restart (from %s)',
    async (_, journal) => {
      const dir = mkdtempSync(join(tmpdir(), 'wechatpay-merchants-'))
      dirs.push(dir)
      const first = await sandbox({}, { data: dir, journal })
      const world = await newWorld(first)
      const keys = await fetchKeys(first.origin, world)
      const own = ownKey()
      const body = {
        mchid: '1900001111',
        serialNo: own.serialNo,
        publicKeyPem: own.publicKeyPem,
        apiV3Key: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
      }
      await testApi(first.origin, 'POST', '/api/__test/wechatpay/merchants', body, world)
      const placed = await order(first, keys)
      await first.close()
      first.h.worlds.close()

      const second = await start({}, { data: dir, journal })
      const after = await fetchKeys(second.origin, world)
      expect(after.merchant.mchid).toBe(keys.merchant.mchid)
      expect(await ordersOf(second, world)).toContain(placed.outTradeNo)
      expect(
        (
          await order(second, after, {
            mchid: body.mchid,
            serialNo: own.serialNo,
            privateKeyPem: own.privateKeyPem,
          })
        ).status,
      ).toBe(200)
      second.h.worlds.close()
    },
  )
})

// The production server (main.ts) as a child process: /v3 reaches the API, the keys stay with the data
// across a restart, and a notification retry pending at the restart is delivered once, when it is due.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { TestStateSchema } from '../../contract/test-api.ts'
import { startServer, stopServer } from '../../../test/support/loopback.ts'
import type { LoopbackServer } from '../../../test/support/loopback.ts'
import {
  axiosClient,
  fetchKeys,
  notifyServer,
  testApi,
  v3,
} from '../../../test/support/wechatpay.ts'

const dir = mkdtempSync(join(tmpdir(), 'wechatpay-loopback-'))
const servers: LoopbackServer[] = []
afterAll(async () => {
  for (const server of servers) await stopServer(server)
  rmSync(dir, { recursive: true, force: true })
})

async function start() {
  const server = await startServer({ data: dir, stderr: 'collect' })
  servers.push(server)
  return server
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function notifications(origin: string) {
  const state = TestStateSchema.parse((await testApi(origin, 'GET', '/api/__test/state')).body)
  return state.wechatpay?.notifications ?? []
}

describe('the WeChat Pay sandbox in the production server', () => {
  it('keeps its keys across a restart and delivers a pending retry once, when due', async () => {
    const merchant = await notifyServer((_, n) => (n === 1 ? 500 : 204))
    try {
      const first = await start()
      const keys = await fetchKeys(first.origin)
      expect(existsSync(join(dir, 'wechatpay', 'keys.json'))).toBe(true)
      const api = v3(axiosClient(first.origin, keys))
      const outTradeNo = `LB${Date.now()}`
      const created = await api.post('v3/pay/transactions/native', {
        appid: keys.merchant.appid,
        mchid: keys.merchant.mchid,
        description: '龙井',
        out_trade_no: outTradeNo,
        notify_url: merchant.url,
        amount: { total: 1_00 },
      })
      expect(created.status).toBe(200)
      const paid = await testApi(first.origin, 'POST', '/api/__test/wechatpay/pay', {
        mchid: keys.merchant.mchid,
        out_trade_no: outTradeNo,
      })
      expect(paid.status).toBe(200)
      await merchant.next()
      while ((await notifications(first.origin))[0]?.attempts !== 1) await sleep(20)
      await stopServer(first)

      const second = await start()
      const after = await fetchKeys(second.origin)
      expect(after.publicKeyId).toBe(keys.publicKeyId)
      expect(after.merchant).toEqual(keys.merchant)
      await sleep(700)
      expect(merchant.received).toHaveLength(1)
      await testApi(second.origin, 'POST', '/api/__test/clock', { advanceMs: 15_000 })
      await merchant.next()
      await sleep(700)
      expect(merchant.received).toHaveLength(2)
      expect((await notifications(second.origin))[0]).toMatchObject({
        status: 'DELIVERED',
        attempts: 2,
      })
      const query = await v3(axiosClient(second.origin, after)).get(
        'v3/pay/transactions/out-trade-no/{out_trade_no}',
        { params: { mchid: after.merchant.mchid }, out_trade_no: outTradeNo },
      )
      expect(query.data).toMatchObject({ trade_state: 'SUCCESS', out_trade_no: outTradeNo })
    } finally {
      await merchant.close()
    }
  }, 60_000)
})

// Signatures both ways, as in production: the SDK verifies every answer (and refuses a tampered one),
// the gateway refuses a request signed with an unknown key or a stale timestamp; both key modes.
import { generateKeyPairSync, verify } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isAxiosError } from 'axios'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import { CodeUrlSchema, V3ErrorSchema } from '../../contract/wechatpay.ts'
import type { WechatpayKeys } from '../../contract/wechatpay-test.ts'
import { axiosClient, fetchKeys, testApi, v3 } from '../../../test/support/wechatpay.ts'
import { realDisk } from '../store/disk.ts'
import type { DiskIO } from '../store/disk.ts'
import { sandbox } from './testing.ts'
import type { Sandbox } from './testing.ts'

let sb: Sandbox
let keys: WechatpayKeys
let seq = 0
const no = () => `SG${Date.now()}${++seq}`
const order = () => ({
  appid: keys.merchant.appid,
  mchid: keys.merchant.mchid,
  description: '手工粗陶品茗杯',
  out_trade_no: no(),
  notify_url: 'http://127.0.0.1:9/notify',
  amount: { total: 39_90 },
})

beforeAll(async () => {
  sb = await sandbox()
  keys = await fetchKeys(sb.origin)
}, 30_000)
afterAll(() => sb.close())

/** The SDK's error: its code (EV3_… for a failed verification), the HTTP status and WeChat's body. */
async function thrown(call: Promise<unknown>) {
  try {
    await call
  } catch (error) {
    if (isAxiosError(error)) {
      return {
        code: error.code,
        status: error.response?.status,
        data: error.response?.data as unknown,
      }
    }
    throw error
  }
  throw new Error('expected the call to fail')
}

/** A request signed by hand, as the SDKs sign: for the refusals an SDK would never send. */
async function signedFetch(options: {
  method: string
  path: string
  body?: string
  timestamp?: number
  privateKeyPem?: string
  serialNo?: string
  mchid?: string
}) {
  const timestamp = options.timestamp ?? Formatter.timestamp()
  const nonce = Formatter.nonce()
  const signature = Rsa.sign(
    Formatter.request(options.method, options.path, timestamp, nonce, options.body ?? ''),
    Rsa.from(options.privateKeyPem ?? keys.merchant.privateKeyPem, Rsa.KEY_TYPE_PRIVATE),
  )
  const res = await fetch(`${sb.origin}${options.path}`, {
    method: options.method,
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: Formatter.authorization(
        options.mchid ?? keys.merchant.mchid,
        nonce,
        signature,
        timestamp,
        options.serialNo ?? keys.merchant.serialNo,
      ),
    },
    ...(options.body === undefined ? {} : { body: options.body }),
  })
  const text = await res.text()
  return { res, text, error: V3ErrorSchema.parse(JSON.parse(text)) }
}

/** Whether an answer's Wechatpay-* headers verify over its exact bytes with the platform key. */
function answerVerifies(res: Response, text: string): boolean {
  const ts = res.headers.get('wechatpay-timestamp') ?? ''
  const nonce = res.headers.get('wechatpay-nonce') ?? ''
  const signature = res.headers.get('wechatpay-signature') ?? ''
  return verify(
    'sha256',
    Buffer.from(Formatter.response(ts, nonce, text)),
    keys.publicKeyPem,
    Buffer.from(signature, 'base64'),
  )
}

describe('signatures', { timeout: 30_000 }, () => {
  it('certificate mode: the request’s Wechatpay-Serial picks the platform certificate, which the SDK verifies', async () => {
    const certOnly = v3(axiosClient(sb.origin, keys, { mode: 'certificate' }))
    // Not asked for: the demo merchant's answers are signed for the public key, unknown to this client.
    const unasked = await thrown(certOnly.post('v3/pay/transactions/native', order()))
    expect(unasked.code).toBe('EV3_RES_HEADER_PLATFORM_SERIAL')
    const asked = await certOnly.post('v3/pay/transactions/native', order(), {
      headers: { 'Wechatpay-Serial': keys.platformSerialNo },
    })
    expect(asked.headers['wechatpay-serial']).toBe(keys.platformSerialNo)
    expect(CodeUrlSchema.parse(asked.data).code_url).toMatch(/^weixin:/)
  })

  it('the SDK refuses an answer tampered with on the way', async () => {
    const proxy = createServer((req, res) => {
      const upstream = request(
        {
          host: '127.0.0.1',
          port: sb.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          let body = ''
          answer.setEncoding('utf8')
          answer.on('data', (chunk: string) => (body += chunk))
          answer.on('end', () => {
            const forged = body.replace('weixin://', 'weixin://x')
            res.writeHead(answer.statusCode ?? 502, {
              ...answer.headers,
              'content-length': Buffer.byteLength(forged),
            })
            res.end(forged)
          })
        },
      )
      req.pipe(upstream)
    })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const { port } = proxy.address() as AddressInfo
    try {
      const api = v3(axiosClient(`http://127.0.0.1:${port}`, keys))
      const tampered = await thrown(api.post('v3/pay/transactions/native', order()))
      expect(tampered.code).toBe('EV3_RES_HEADER_SIGNATURE_DIGEST')
    } finally {
      proxy.closeAllConnections()
      proxy.close()
    }
  })

  it('401 SIGN_ERROR for an unknown key, an unknown serial or mchid, a stale timestamp, no Authorization; each signed', async () => {
    const path = '/v3/pay/transactions/native'
    const body = JSON.stringify(order())
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const strangerPem = stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const cases = [
      { privateKeyPem: strangerPem, field: 'signature' },
      { serialNo: 'ABCDEF0123456789', field: 'serial_no' },
      { mchid: '1111111111', field: 'mchid' },
      { timestamp: Formatter.timestamp() - 360, field: 'timestamp' },
      { timestamp: Formatter.timestamp() + 360, field: 'timestamp' },
    ]
    for (const { field, ...sign } of cases) {
      const { res, text, error } = await signedFetch({ method: 'POST', path, body, ...sign })
      expect(res.status, field).toBe(401)
      expect(error, field).toMatchObject({ code: 'SIGN_ERROR', detail: { field } })
      expect(answerVerifies(res, text), field).toBe(true)
    }
    // Within 5 minutes is fine; what WeChat verified is in the refusal.
    const fine = await signedFetch({
      method: 'GET',
      path: `/v3/pay/transactions/out-trade-no/NONE123?mchid=${keys.merchant.mchid}`,
      timestamp: Formatter.timestamp() - 240,
    })
    expect(fine.res.status).toBe(404)
    const sdk = await thrown(
      v3(axiosClient(sb.origin, keys, { privateKeyPem: strangerPem })).post(
        'v3/pay/transactions/native',
        order(),
      ),
    )
    expect(sdk).toMatchObject({
      status: 401,
      data: { code: 'SIGN_ERROR', detail: { sign_information: { method: 'POST', url: path } } },
    })
    const bare = await fetch(`${sb.origin}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    })
    const bareText = await bare.text()
    expect(bare.status).toBe(401)
    expect(answerVerifies(bare, bareText)).toBe(true)
    // A body that is signed right but not JSON, or too big: WeChat's PARAM_ERROR, signed.
    const malformed = await signedFetch({ method: 'POST', path, body: '{"appid": ' })
    expect(malformed.res.status).toBe(400)
    expect(malformed.error).toMatchObject({ code: 'PARAM_ERROR', detail: { location: 'body' } })
    expect(answerVerifies(malformed.res, malformed.text)).toBe(true)
    const huge = await signedFetch({
      method: 'POST',
      path,
      body: JSON.stringify({ ...order(), attach: 'x'.repeat(70_000) }),
    })
    expect(huge.res.status).toBe(400)
    expect(huge.error.code).toBe('PARAM_ERROR')
    const unknown = await signedFetch({ method: 'GET', path: '/v3/nothing/here' })
    expect(unknown.res.status).toBe(404)
    expect(unknown.error.code).toBe('NOT_FOUND')
  })

  it('a simulated fault answers the next signed call with that WeChat code, changing nothing', async () => {
    const api = v3(axiosClient(sb.origin, keys))
    await testApi(sb.origin, 'POST', '/api/__test/faults', {
      wechatpayFailNext: 'FREQUENCY_LIMITED',
    })
    const limited = await thrown(api.post('v3/pay/transactions/native', order()))
    expect(limited).toMatchObject({ status: 429, data: { code: 'FREQUENCY_LIMITED' } })
    expect((await api.post('v3/pay/transactions/native', order())).status).toBe(200)
  })
})

describe('the gateway’s own failures', { timeout: 30_000 }, () => {
  it('a journal that cannot be written: 500 SYSTEM_ERROR in WeChat’s shape, signed, nothing kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wechatpay-disk-'))
    let failing = false
    const io: DiskIO = {
      ...realDisk,
      write(fd, buffer, offset, length, position) {
        if (failing) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' })
        return realDisk.write(fd, buffer, offset, length, position)
      },
    }
    const disk = await sandbox({}, { data: dir, journal: { io, log: () => {} } })
    try {
      const diskKeys = await fetchKeys(disk.origin)
      const api = v3(axiosClient(disk.origin, diskKeys))
      failing = true
      const outTradeNo = no()
      const failed = await thrown(
        api.post('v3/pay/transactions/native', {
          ...order(),
          mchid: diskKeys.merchant.mchid,
          appid: diskKeys.merchant.appid,
          out_trade_no: outTradeNo,
        }),
      )
      expect(failed).toMatchObject({ status: 500, data: { code: 'SYSTEM_ERROR' } })
      failing = false
      disk.h.store.recover()
      const query = await thrown(
        api.get('v3/pay/transactions/out-trade-no/{out_trade_no}', {
          params: { mchid: diskKeys.merchant.mchid },
          out_trade_no: outTradeNo,
        }),
      )
      expect(query).toMatchObject({ status: 404, data: { code: 'ORDER_NOT_EXIST' } })
    } finally {
      await disk.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

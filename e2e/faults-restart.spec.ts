import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestStateSchema } from '../src/contract/test-api.ts'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { showScanCodeAt } from './pages/faults.ts'
import { ResultPage } from './pages/result-page.ts'
import { WeChat } from './pages/wechat.ts'
import { decodeQrPng, tokenOf } from './qr-decode.ts'
import { payCodePath, withSim } from '../src/contract/paths.ts'

// Its own production server with a journal in a temp folder, killed with SIGKILL while a code is on the
// shopper's screen and started again over the same folder.
test.skip(!!process.env.BASE_URL, 'starts and kills its own server')
test.describe.configure({ timeout: seconds(90) })
// Its own server knows no world of the suite's: this spec stays in the default world.
test.use({ worldPerTest: false })

/**
 * `npm start` journalling into `data`, on `port` (0: a free one, so no other run's server can answer in
 * its place); resolves with the port once this very process says it listens, fails if it exits first.
 */
async function startServer(
  port: number,
  data: string,
): Promise<{ child: ChildProcess; port: number }> {
  const dist = process.env.DIST_DIR ?? 'dist'
  // The build's server bundle, as `npm start` runs it (src/server/server-bundle.ts, decision 017).
  const child = spawn(process.execPath, [join(dist, 'server', 'main.mjs')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GATEWAY_DATA: data,
      DIST_DIR: dist,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const listening = await new Promise<number>((done, fail) => {
    let out = ''
    const timer = setTimeout(
      () => fail(new Error(`server not listening after 30 s: ${out}`)),
      30_000,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/localhost:(\d+)\//.exec(out)
      if (match) {
        clearTimeout(timer)
        done(Number(match[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`server exited (${code}) before listening: ${out}`))
    })
  })
  return { child, port: listening }
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise((done) => child.once('exit', done))
  child.kill('SIGKILL')
  await gone
}

test('kill -9 while a code is on screen: after the restart the same code pays, once', async ({
  page,
  phones,
}) => {
  const data = mkdtempSync(join(tmpdir(), 'e2e-restart-'))
  const first = await startServer(0, data)
  let server = first.child
  const port = first.port
  // The shopper's page keeps this origin: the restarted server comes back on the same port.
  const base = `http://127.0.0.1:${port}`
  try {
    const state = async () =>
      TestStateSchema.parse(await (await fetch(`${base}/api/__test/state`)).json())

    const { token, totalFen } = await showScanCodeAt(page, base, 'restart-shopper')
    // The code as a camera reads it, from the screen's pixels.
    expect(tokenOf(decodeQrPng(await page.screenshot()) ?? '')).toBe(token)
    const before = await state()

    await kill9(server)
    server = (await startServer(port, data)).child
    // Everything the gateway held came back from the journal.
    const { now: _before, ...held } = before
    const { now: _after, ...replayed } = await state()
    expect(replayed).toEqual(held)

    // 小美 scans the same code, after the restart, and pays.
    const friend = await phones.open({ persona: 'friend', device: 'restart-friend', baseURL: base })
    const friendPayCode = withSim(payCodePath(token), {
      persona: 'friend',
      device: 'restart-friend',
    })
    await friend.page.goto(`${base}${friendPayCode}`)
    const wechat = new WeChat(friend.page)
    expect(await wechat.amountFen()).toBe(totalFen)
    await wechat.pay()

    // The shopper's page, never reloaded, reconnects and follows.
    // (The code's own 支付成功 lasts a second before the result page: the friend's success screen can
    // outlast it, so the result page, reached without a reload, is what says the status turned.)
    await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')

    // Scanning the code again cannot pay a second time.
    await friend.page.goto(`${base}${friendPayCode}`)
    await expect(friend.page.getByText('该订单已支付，无需重复付款')).toBeVisible()
    await expect(wechat.confirm).toHaveCount(0)
    const again = await fetch(`${base}/api/pay/sheets/${token}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sim-persona': 'friend' },
      body: JSON.stringify({ password: '123456' }),
    })
    expect(again.status).toBe(409)

    // And killed once more: the one payment stays, the money moved once.
    await kill9(server)
    server = (await startServer(port, data)).child
    const after = await state()
    expect(after.payments).toEqual([
      expect.objectContaining({ status: 'SUCCESS', payer: 'friend', channel: 'wechat-scan' }),
    ])
    expect(after.checkouts).toEqual([expect.objectContaining({ status: 'PAID', totalFen })])
    expect(after.wallets.friend?.wechatBalanceFen).toBe(
      (before.wallets.friend?.wechatBalanceFen ?? 0) - totalFen,
    )
  } finally {
    await kill9(server)
    rmSync(data, { recursive: true, force: true })
  }
})

// A journal past what one string can hold (600 MiB, about 270,000 paid orders) is streamed, not read
// whole: the server starts over it with every order, says how long and how much memory it took, and
// takes a snapshot so the next start is short. `npm run test:slow`.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { afterAll, describe, expect, it } from 'vitest'
import { writeLongJournal } from '../../../test/support/history.ts'
import { startServer, stopServer } from '../../../test/support/loopback.ts'

const dir = mkdtempSync(join(tmpdir(), 'gateway-big-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const MIB = 2 ** 20
const rssMiB = (pid: number | undefined) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024
}
const folderMiB = () =>
  readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) / MIB

async function timedStart() {
  const t0 = performance.now()
  const server = await startServer({ data: dir, stderr: 'collect', timeoutMs: 5 * 60_000 })
  return { server, ms: performance.now() - t0 }
}

describe('a 600 MiB journal', () => {
  it('is replayed whole, then snapshotted, and the next start reads the snapshot', async () => {
    const cycles = await writeLongJournal(dir, 600 * MIB)
    console.log(`journal: ${folderMiB().toFixed(0)} MiB, ${cycles} paid orders`)

    const first = await timedStart()
    const lastOrder = await fetch(`${first.server.origin}/api/shop/orders/o-big-${cycles}`, {
      headers: { 'x-sim-persona': 'shopper' },
    })
    expect(lastOrder.status).toBe(200)
    expect(await lastOrder.json()).toMatchObject({ status: 'PAID' })
    console.log(
      `first start (replay of the whole journal, then a snapshot): ${(first.ms / 1000).toFixed(1)} s, ` +
        `RSS ${rssMiB(first.server.child.pid).toFixed(0)} MiB`,
    )
    await stopServer(first.server)
    expect(readdirSync(dir).some((name) => name.startsWith('snapshot-'))).toBe(true)

    const second = await timedStart()
    const again = await fetch(`${second.server.origin}/api/shop/orders/o-big-2`, {
      headers: { 'x-sim-persona': 'shopper' },
    })
    expect(again.status).toBe(200)
    console.log(
      `second start (from the snapshot): ${(second.ms / 1000).toFixed(1)} s, ` +
        `RSS ${rssMiB(second.server.child.pid).toFixed(0)} MiB, folder ${folderMiB().toFixed(0)} MiB`,
    )
    await stopServer(second.server)
  })
})

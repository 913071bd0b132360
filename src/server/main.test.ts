import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

// The real `npm start` server, started in a scratch folder (no dist/: it serves the API only).
// Node loads tsx itself (not the tsx CLI, which forks), so the pid killed is the server's own.
const tsxLoader = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
const mainTs = resolve('src/server/main.ts')
const scratch = mkdtempSync(join(tmpdir(), 'gateway-main-'))
const data = join(scratch, 'data')
const children: ChildProcess[] = []

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(scratch, { recursive: true, force: true })
})

function start(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', tsxLoader, mainTs], {
    cwd: scratch,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', GATEWAY_DATA: data },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  return new Promise((done, fail) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/localhost:(\d+)\//.exec(out)
      if (match) done({ child, base: `http://127.0.0.1:${match[1]}` })
    })
    child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${out}`)))
  })
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('exit', (code) => done(code)))
}

describe('npm start (main.ts)', () => {
  it('loses nothing to kill -9 right after an answer, and stops cleanly on SIGTERM', async () => {
    const first = await start()
    const created = await fetch(`${first.base}/api/shop/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'main-test-0001' },
      body: JSON.stringify({ lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' }),
    })
    expect(created.status).toBe(201)
    const order = (await created.json()) as { id: string }
    const gone = exited(first.child)
    first.child.kill('SIGKILL')
    await gone

    const second = await start()
    const again = await fetch(`${second.base}/api/shop/orders/${order.id}`)
    expect(again.status).toBe(200)
    expect(((await again.json()) as { status: string }).status).toBe('PENDING_PAYMENT')
    expect((await fetch(`${second.base}/`)).status).toBe(404) // no dist/ here

    const stopped = exited(second.child)
    second.child.kill('SIGTERM')
    expect(await stopped).toBe(0)
    expect(existsSync(join(data, 'LOCK'))).toBe(false)
  }, 30_000)
})

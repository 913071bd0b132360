import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { ORDER_SEED_ELEMENT_ID } from '../contract/order-seed.ts'
import { startServer, stopServer } from '../../test/support/loopback.ts'
import { serverBundleOf } from './server-bundle.ts'

// `vite build` into a folder outside the repo, as DIST_DIR builds are made, and its server bundle started
// from elsewhere still (decision 017): the pages, `/` drawn with its cart, the API.
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'server-bundle-build-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('vite build', () => {
  it('emits a server bundle that serves the build from any folder', async () => {
    const dist = join(scratch, 'dist')
    const built = spawnSync(
      join(ROOT, 'node_modules/.bin/vite'),
      ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
      // Not vitest's NODE_ENV=test: Vite would build the first frame's renderer with React's dev JSX.
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    )
    expect(built.status).toBe(0)
    const bundle = serverBundleOf(dist)
    expect(existsSync(bundle)).toBe(true)
    const cwd = join(scratch, 'elsewhere')
    mkdirSync(cwd)
    const server = await startServer({
      data: 'memory',
      cwd,
      bundle,
      env: { DIST_DIR: dist },
      stderr: 'collect',
    })
    try {
      const get = (path: string) => fetch(`${server.origin}${path}`)
      expect(await (await get('/api/health')).json()).toEqual({ ok: true })
      const framed = await get('/')
      expect(framed.status).toBe(200)
      expect(await framed.text()).toContain('data-first-frame="zh-CN"')
      const seeded = await (await get('/?persona=shopper&era=beta')).text()
      expect(seeded).toContain(`id="${ORDER_SEED_ELEMENT_ID}"`)
      // The server's own files are not the site's.
      expect((await get('/server/main.mjs')).status).toBe(404)
      expect((await get('/ssr/render-order-frame.js')).status).toBe(404)
    } finally {
      await stopServer(server)
    }
  })
})

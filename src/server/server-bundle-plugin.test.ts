import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startServer, stopServer } from '../../test/support/loopback.ts'
import { buildServerBundle } from './server-bundle-plugin.ts'
import { serverBundleOf } from './server-bundle.ts'

// The server's bundle alone (what `vite build` adds to a build, decision 017), made into a scratch build
// folder outside the repo, beside a stand-in for the app's pages, and started from there with plain node:
// no tsx, no node_modules beside it. The whole build and its pages: server-bundle.slow.test.ts.
const scratch = mkdtempSync(join(tmpdir(), 'server-bundle-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the server bundle', () => {
  it('is one file that imports nothing but Node, and starts with plain node', async () => {
    const dist = join(scratch, 'dist')
    const file = await buildServerBundle(dist)
    expect(file).toBe(serverBundleOf(dist))
    const code = readFileSync(file, 'utf8')
    const imported = [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)"/gm)].map((m) => m[1])
    expect(imported.length).toBeGreaterThan(0)
    expect(imported.filter((name) => !name?.startsWith('node:'))).toEqual([])
    expect(code).not.toMatch(/\brequire\(["'](?!node:)/)
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>t</title><div id="root"></div>')
    // The working folder's dist/, as `npm run serve` finds it.
    const server = await startServer({
      data: 'memory',
      cwd: scratch,
      bundle: file,
      stderr: 'collect',
    })
    try {
      expect((await fetch(`${server.origin}/`)).status).toBe(200)
      // The server's own file is not the site's.
      expect((await fetch(`${server.origin}/server/main.mjs`)).status).toBe(404)
      const health = await fetch(`${server.origin}/api/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ ok: true })
      expect((await fetch(`${server.origin}/api/openapi.json`)).status).toBe(200)
    } finally {
      await stopServer(server)
    }
  })
})

// Test harness: the real app over a memory store whose clock the test controls.
import { T0 } from '../domain/testing.ts'
import { cryptoIds } from '../store/ids.ts'
import { openStore } from '../store/store.ts'
import { createApp } from './app.ts'
import type { AppDeps } from './env.ts'
import { inProcessNotifier } from './notify.ts'

export function harness(over: Partial<Omit<AppDeps, 'store' | 'notifier'>> = {}) {
  const clock = { now: T0 }
  const store = openStore('memory', () => clock.now)
  const logs: string[] = []
  const log = (message: string) => void logs.push(message)
  const app = createApp({
    store,
    ids: cryptoIds,
    notifier: inProcessNotifier(store, 'test-secret', log),
    testApi: true,
    slowNetworkMs: 0,
    log,
    ...over,
  })
  let keys = 0
  const call = (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers }
    let body: string | undefined
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
      headers['content-type'] ??= 'application/json'
    }
    return app.request(path, { method, headers, body })
  }
  const newKey = () => `test-key-${++keys}-${T0}`
  return { app, store, clock, logs, call, newKey }
}

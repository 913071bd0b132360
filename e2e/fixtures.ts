import { test as base, expect, type APIRequestContext } from '@playwright/test'
import type { PersonaId } from '../src/contract/sim.ts'
import { TestStateSchema, type TestState } from '../src/contract/test-api.ts'
import { FIRST_PORT } from '../playwright.config.ts'

/** The gateway's test API (BRIEF §8), bound to this worker's server. */
export class Gateway {
  constructor(private readonly request: APIRequestContext) {}

  async reset(): Promise<void> {
    const res = await this.request.post('/api/__test/reset')
    expect(res.ok(), await res.text()).toBe(true)
  }

  async state(): Promise<TestState> {
    const res = await this.request.get('/api/__test/state')
    expect(res.ok()).toBe(true)
    return TestStateSchema.parse(await res.json())
  }

  async advanceClock(ms: number): Promise<string> {
    const res = await this.request.post('/api/__test/clock', { data: { advanceMs: ms } })
    expect(res.ok()).toBe(true)
    const body = (await res.json()) as { now: string }
    return body.now
  }

  async wallet(persona: PersonaId) {
    const wallet = (await this.state()).wallets[persona]
    if (!wallet) throw new Error(`no wallet for ${persona}`)
    return wallet
  }
}

interface Fixtures {
  /** The gateway, reset to the seed before the test. */
  gateway: Gateway
  /** Opens the app on this simulated phone as a persona. */
  persona: PersonaId
}

export const test = base.extend<Fixtures>({
  // One server per worker (playwright.config.ts), unless BASE_URL points at a running instance.
  baseURL: async ({ baseURL }, use, testInfo) => {
    await use(process.env.BASE_URL ?? `http://127.0.0.1:${FIRST_PORT + testInfo.parallelIndex}`)
    void baseURL
  },
  persona: ['shopper', { option: true }],
  gateway: async ({ request }, use) => {
    const gateway = new Gateway(request)
    await gateway.reset()
    await use(gateway)
  },
})

export { expect }

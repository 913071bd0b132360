import { expect } from '@playwright/test'
import type { APIRequestContext } from '@playwright/test'
import type { Faults, GatewayState, Persona, Wallet } from './sim.js'
import { TEST_TOKEN_HEADER, WORLD_HEADER } from './sim.js'

/** Where the test API is, and which world it acts on. */
export interface GatewayTarget {
  request: APIRequestContext
  /** The world every call names (`default` when none). */
  world: string
  /** The test token, for an instance beyond loopback (`GATEWAY_TEST_TOKEN`). */
  token?: string | undefined
}

/**
 * The gateway's test API (TESTING.md), bound to one world: whatever it does stays in that world, so tests
 * on other workers (other worlds) never see it.
 */
export class Gateway {
  readonly world: string
  readonly #request: APIRequestContext
  readonly #headers: Record<string, string>

  constructor(target: GatewayTarget) {
    this.world = target.world
    this.#request = target.request
    this.#headers = {
      ...(target.world === 'default' ? {} : { [WORLD_HEADER]: target.world }),
      ...(target.token ? { [TEST_TOKEN_HEADER]: target.token } : {}),
    }
  }

  /** Headers that put a call of your own into this world (`request.get(url, { headers })`). */
  get headers(): Record<string, string> {
    return { ...this.#headers }
  }

  async #call<T>(method: 'get' | 'post', path: string, data?: unknown): Promise<T> {
    const res = await this.#request[method](path, {
      headers: this.#headers,
      ...(data === undefined ? {} : { data }),
    })
    expect(res.ok(), `${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`).toBe(
      true,
    )
    return (await res.json()) as T
  }

  /** Back to the seed: wallets, orders, payments, requests, settings, clock, faults. */
  async reset(): Promise<void> {
    await this.#call('post', '/api/__test/reset')
  }

  state(): Promise<GatewayState> {
    return this.#call('get', '/api/__test/state')
  }

  /** Moves this world's clock on; what falls due closes at once. Returns the new time (ISO). */
  async advanceClock(ms: number): Promise<string> {
    return (await this.#call<{ now: string }>('post', '/api/__test/clock', { advanceMs: ms })).now
  }

  /**
   * Stops this world's clock (`true`) or lets it run on (`false`). While stopped, nothing that waits on
   * the world's time moves (deadlines, the merchant's query of a late notification) until
   * `advanceClock`. Returns the time it shows (ISO).
   */
  async freezeClock(frozen = true): Promise<string> {
    return (await this.#call<{ now: string }>('post', '/api/__test/clock', { frozen })).now
  }

  setFaults(faults: Faults): Promise<Faults> {
    return this.#call('post', '/api/__test/faults', faults)
  }

  setWallet(persona: Persona, wallet: Partial<Wallet>): Promise<Wallet> {
    return this.#call('post', '/api/__test/wallets', { persona, wallet })
  }

  setStock(skuId: string, stock: number): Promise<unknown> {
    return this.#call('post', '/api/__test/stock', { skuId, stock })
  }

  async wallet(persona: Persona): Promise<Wallet> {
    return (await this.state()).wallets[persona]
  }
}

/** A fresh world on the instance (`POST /api/__test/worlds`); `delete` removes it and its data. */
export async function createWorld(
  request: APIRequestContext,
  token?: string,
): Promise<{ world: string; delete: () => Promise<void> }> {
  const headers: Record<string, string> = token ? { [TEST_TOKEN_HEADER]: token } : {}
  const res = await request.post('/api/__test/worlds', { headers, data: {} })
  expect(res.status(), `POST /api/__test/worlds: ${await res.text()}`).toBe(201)
  const { world } = (await res.json()) as { world: string }
  return {
    world,
    delete: async () => {
      const gone = await request.delete(`/api/__test/worlds/${world}`, { headers })
      expect([200, 404], `DELETE /api/__test/worlds/${world}`).toContain(gone.status())
    },
  }
}

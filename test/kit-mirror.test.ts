// The Playwright kit ships on its own, so it mirrors a few things of the app: they must stay equal.
import { describe, expect, it } from 'vitest'
import { PERSONAS, TEST_TOKEN_HEADER, WORLD_HEADER } from '../packages/playwright-kit/src/sim.ts'
import { simUrl } from '../packages/playwright-kit/src/phone.ts'
import {
  TEST_TOKEN_HEADER as APP_TOKEN_HEADER,
  WORLD_HEADER as APP_WORLD_HEADER,
} from '../src/contract/headers.ts'
import { withSim } from '../src/contract/paths.ts'
import { PersonaIdSchema } from '../src/contract/sim.ts'

describe("the kit's mirror of the app", () => {
  it('has the same personas and headers', () => {
    expect([...PERSONAS]).toEqual(PersonaIdSchema.options)
    expect(WORLD_HEADER).toBe(APP_WORLD_HEADER)
    expect(TEST_TOKEN_HEADER).toBe(APP_TOKEN_HEADER)
  })

  it('writes a phone URL as the app does', () => {
    const params = {
      persona: 'friend',
      device: 'xiaomei',
      era: 'launch',
      lang: 'en',
      world: 'wAAAAAAAAAAAAAAAAAAAAAA',
    }
    for (const path of ['/', '/orders?tab=paid', '/friend-pay/w1.tok#x', '/wechat/pay?pr=a.b']) {
      expect(simUrl(path, params)).toBe(withSim(path, params))
    }
  })
})

import { test as base } from '@playwright/test'
import type { BrowserContext } from '@playwright/test'
import { createWorld, Gateway } from './gateway.js'
import { TEST_TOKEN_HEADER, WORLD_HEADER } from './sim.js'
import { SimPhone } from './phone.js'
import type { PhoneOptions } from './phone.js'
import type { Persona } from './sim.js'

export interface PhoneFactoryOptions extends PhoneOptions {
  /** `desktop` is a 1280×1000 laptop screen (for `/stage`); a phone is shaped like the test's project. */
  screen?: 'phone' | 'desktop'
  /** Another server than the test's (a spec that starts its own); relative `goto`s resolve against it. */
  baseURL?: string
}

/** Opens more phones (each its own browser context, in the test's world) and closes them after. */
export interface Phones {
  open(options?: PhoneFactoryOptions): Promise<SimPhone>
}

export interface SimFixtures {
  /**
   * The test's world: made fresh for each test (seeded) and deleted after, so any number of workers
   * share one instance. `test.use({ worldPerTest: false })` uses the `default` world and resets it.
   */
  world: string
  worldPerTest: boolean
  /** The test API's token for an instance beyond loopback (default: `GATEWAY_TEST_TOKEN`). */
  testToken: string | undefined
  /** The gateway's test API, bound to the test's world. */
  gateway: Gateway
  /** Who holds the test's phone: `test.use({ persona: 'low_balance' })`. */
  persona: Persona
  /** The test's page as a simulated phone of `persona`, in the test's world. */
  phone: SimPhone
  /** A second, third… phone in the same world: `await phones.open({ persona: 'friend' })`. */
  phones: Phones
}

export const test = base.extend<SimFixtures>({
  worldPerTest: [true, { option: true }],
  testToken: [process.env.GATEWAY_TEST_TOKEN || undefined, { option: true }],
  persona: ['shopper', { option: true }],
  // Its own request context: the `request` fixture carries the world's header, so it comes after.
  world: async ({ playwright, baseURL, worldPerTest, testToken }, use) => {
    const request = await playwright.request.newContext(baseURL ? { baseURL } : {})
    try {
      if (!worldPerTest) {
        await new Gateway({ request, world: 'default', token: testToken }).reset()
        await use('default')
        return
      }
      const made = await createWorld(request, testToken)
      await use(made.world)
      await made.delete()
    } finally {
      await request.dispose()
    }
  },
  // Every request of the test's pages and of `request` names the test's world: even a bare
  // `page.goto('/')` or `request.get('/api/…')` lands in it.
  extraHTTPHeaders: async ({ extraHTTPHeaders, world, testToken }, use) => {
    await use({
      ...extraHTTPHeaders,
      ...(world === 'default' ? {} : { [WORLD_HEADER]: world }),
      ...(testToken ? { [TEST_TOKEN_HEADER]: testToken } : {}),
    })
  },
  gateway: async ({ request, world, testToken }, use) => {
    await use(new Gateway({ request, world, token: testToken }))
  },
  phone: async ({ page, persona, world, testToken }, use) => {
    await use(new SimPhone(page, world, { persona }, testToken))
  },
  phones: async (
    {
      browser,
      baseURL,
      viewport,
      isMobile,
      hasTouch,
      userAgent,
      deviceScaleFactor,
      locale,
      timezoneId,
      reducedMotion,
      world,
      testToken,
      extraHTTPHeaders,
    },
    use,
  ) => {
    const opened: BrowserContext[] = []
    await use({
      async open({ screen, baseURL: server = baseURL, ...options } = {}) {
        const desktop = screen === 'desktop'
        const context = await browser.newContext({
          ...(server ? { baseURL: server } : {}),
          ...(extraHTTPHeaders ? { extraHTTPHeaders } : {}),
          ...(locale ? { locale } : {}),
          ...(timezoneId ? { timezoneId } : {}),
          ...(reducedMotion ? { reducedMotion } : {}),
          ...(desktop
            ? { viewport: { width: 1280, height: 1000 } }
            : {
                viewport: viewport ?? { width: 390, height: 664 },
                isMobile,
                hasTouch,
                deviceScaleFactor,
                ...(userAgent ? { userAgent } : {}),
              }),
        })
        opened.push(context)
        const device = options.device ?? `phone-${opened.length + 1}`
        return new SimPhone(await context.newPage(), world, { ...options, device }, testToken)
      },
    })
    await Promise.all(opened.map((context) => context.close()))
  },
})

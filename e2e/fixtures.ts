import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test'
import type { Era, PersonaId } from '../src/contract/sim.ts'
import { TestStateSchema, type TestState } from '../src/contract/test-api.ts'
import { FIRST_PORT } from '../playwright.config.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'

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

export interface PhoneOptions {
  persona?: PersonaId
  /** The phone's name (`?device=`): its album, its apps' state. */
  device?: string
  era?: Era
  lang?: 'zh-CN' | 'en'
}

/**
 * A simulated phone: a page whose first visit says who holds it (`?persona=&device=`, and the era and
 * language when given); the app remembers them for the rest of the test.
 */
export class SimPhone {
  readonly persona: PersonaId
  readonly device: string
  readonly era: Era
  readonly lang: 'zh-CN' | 'en' | undefined

  constructor(
    readonly page: Page,
    options: PhoneOptions = {},
  ) {
    this.persona = options.persona ?? 'shopper'
    this.device = options.device ?? 'phone-1'
    this.era = options.era ?? 'beta'
    this.lang = options.lang
  }

  get context(): BrowserContext {
    return this.page.context()
  }

  /** `path` with this phone's persona, device, era and language added to its query. */
  url(path = '/'): string {
    const url = new URL(path, 'http://phone.invalid')
    url.searchParams.set('persona', this.persona)
    url.searchParams.set('device', this.device)
    url.searchParams.set('era', this.era)
    if (this.lang) url.searchParams.set('lang', this.lang)
    return `${url.pathname}${url.search}`
  }

  /** The same page with some options changed: `phone.with({ era: 'launch', lang: 'en' })`. */
  with(options: PhoneOptions): SimPhone {
    return new SimPhone(this.page, {
      persona: this.persona,
      device: this.device,
      era: this.era,
      ...(this.lang ? { lang: this.lang } : {}),
      ...options,
    })
  }

  /** Opens a screen of the app on this phone. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(this.url(path))
  }

  /** The order page with the seeded cart, ready to submit. */
  async orderPage(): Promise<OrderPage> {
    const orderPage = new OrderPage(this.page)
    await orderPage.open({
      persona: this.persona,
      device: this.device,
      era: this.era,
      ...(this.lang ? { lang: this.lang } : {}),
    })
    return orderPage
  }

  /** Submits the seeded cart and answers the cashier. */
  async checkout(): Promise<Cashier> {
    await this.orderPage()
    await this.page.getByTestId('submit-order').click()
    const cashier = new Cashier(this.page)
    await expect(cashier.sheet).toBeVisible()
    return cashier
  }
}

export interface PhoneFactoryOptions extends PhoneOptions {
  /** `desktop` is a 1280×1000 laptop screen (for `/stage`); a phone is shaped like the test's project. */
  screen?: 'phone' | 'desktop'
  /** Another server than the test's (a spec that starts its own); relative `goto`s resolve against it. */
  baseURL?: string
}

/** Opens more phones (each its own browser context) and closes them after the test. */
export interface Phones {
  open(options?: PhoneFactoryOptions): Promise<SimPhone>
}

interface Fixtures {
  /** The gateway, reset to the seed before the test. */
  gateway: Gateway
  /** Who holds the test's phone: `test.use({ persona: 'low_balance' })`. */
  persona: PersonaId
  /** The test's page as a simulated phone of `persona` (the gateway reset first). */
  phone: SimPhone
  /** A second, third… phone: `await phones.open({ persona: 'friend', device: 'xiaomei' })`. */
  phones: Phones
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
  // Asking for the phone resets the gateway too: every phone starts in the seeded world.
  phone: async ({ page, persona, gateway }, use) => {
    void gateway
    await use(new SimPhone(page, { persona }))
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
    },
    use,
  ) => {
    const opened: BrowserContext[] = []
    await use({
      async open({ screen, baseURL: server = baseURL, ...options } = {}) {
        const desktop = screen === 'desktop'
        const context = await browser.newContext({
          ...(server ? { baseURL: server } : {}),
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
        return new SimPhone(await context.newPage(), { ...options, device })
      },
    })
    await Promise.all(opened.map((context) => context.close()))
  },
})

export { expect }

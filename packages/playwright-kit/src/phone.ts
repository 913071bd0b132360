import type { BrowserContext, Page } from '@playwright/test'
import type { Era, Lang, Persona } from './sim.js'

export interface PhoneOptions {
  persona?: Persona
  /** The phone's name (`?device=`): its album, its apps' state. */
  device?: string
  era?: Era
  lang?: Lang
}

/** The simulator's parameters, in the order the app writes them. */
const SIM_PARAMS = ['persona', 'era', 'lang', 'device', 'token', 'world'] as const

/**
 * `path` (its query and hash kept) with the simulator's parameters set, a missing one left out: as the
 * app's own `withSim` (src/contract/paths.ts) writes them; a test of the repository keeps the two equal.
 */
export function simUrl(path: string, params: Record<string, string | undefined>): string {
  const url = new URL(path, 'http://app.invalid')
  for (const name of SIM_PARAMS) {
    const value = params[name]
    if (value) url.searchParams.set(name, value)
  }
  return `${url.pathname}${url.search}${url.hash}`
}

/**
 * A simulated phone: a page whose first visit says who holds it and which world it is in
 * (`?persona=&device=&world=`, and the era and language when given); the app remembers them for the rest
 * of the test, and every link it makes (a friend's link, a QR code) carries the world on to other phones.
 */
export class SimPhone {
  readonly persona: Persona
  readonly device: string
  readonly era: Era
  readonly lang: Lang | undefined

  constructor(
    readonly page: Page,
    readonly world: string,
    options: PhoneOptions = {},
    readonly token?: string,
  ) {
    this.persona = options.persona ?? 'shopper'
    this.device = options.device ?? 'phone-1'
    this.era = options.era ?? 'beta'
    this.lang = options.lang
  }

  get context(): BrowserContext {
    return this.page.context()
  }

  /** `path` with this phone's persona, device, era, language and world added to its query. */
  url(path = '/'): string {
    return simUrl(path, {
      persona: this.persona,
      device: this.device,
      era: this.era,
      lang: this.lang,
      world: this.world === 'default' ? undefined : this.world,
      token: this.token,
    })
  }

  /** The same page with some options changed: `phone.with({ era: 'launch', lang: 'en' })`. */
  with(options: PhoneOptions): SimPhone {
    return new SimPhone(
      this.page,
      this.world,
      {
        persona: this.persona,
        device: this.device,
        era: this.era,
        ...(this.lang ? { lang: this.lang } : {}),
        ...options,
      },
      this.token,
    )
  }

  /** Opens a screen of the app on this phone. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(this.url(path))
  }
}

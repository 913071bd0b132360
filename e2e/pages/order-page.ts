import { expect, type Page } from '@playwright/test'
import type { Era, PersonaId } from '../../src/contract/sim.ts'
import { Cashier } from './cashier.ts'
import { fenFromText } from './money.ts'
import { HOME, withSim } from '../../src/contract/paths.ts'

interface OpenOptions {
  persona?: PersonaId
  era?: Era
  lang?: 'zh-CN' | 'en'
  device?: string
  /** The test's world (`?world=`; its requests name it in a header too). */
  world?: string
  /** Another server than the test's own (`http://127.0.0.1:PORT`); by default the baseURL. */
  origin?: string
}

/** 确认订单: the seeded cart, the address card, the sticky total bar. */
export class OrderPage {
  constructor(readonly page: Page) {}

  get addressCard() {
    return this.page.getByTestId('address-card')
  }
  get total() {
    return this.page.getByTestId('order-total')
  }
  get submit() {
    return this.page.getByTestId('submit-order')
  }

  async open(options: OpenOptions = {}) {
    const path = withSim(HOME, {
      persona: options.persona ?? 'shopper',
      era: options.era ?? 'beta',
      lang: options.lang,
      device: options.device,
      world: options.world === 'default' ? undefined : options.world,
    })
    await this.page.goto(`${options.origin ?? ''}${path}`)
    // A cold first load (the app's code, its words, the catalog) on a loaded two-core runner can take
    // longer than the 5 s every later step gets.
    await expect(this.submit).toBeEnabled({ timeout: 15_000 })
    await expect(this.total).toContainText('¥')
  }

  /** Opens the order page, submits the seeded cart and waits for the cashier. */
  async checkout(options: OpenOptions = {}): Promise<Cashier> {
    await this.open(options)
    await this.submit.click()
    const cashier = new Cashier(this.page)
    await expect(cashier.sheet).toBeVisible()
    return cashier
  }

  async totalFen(): Promise<number> {
    return fenFromText(await this.total.innerText())
  }
}

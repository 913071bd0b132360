// Our suite's fixtures: the Playwright kit a tester installs (packages/playwright-kit: a world per test,
// phones in it, the gateway's test API bound to it), plus this suite's page objects on every phone.
import { expect, SimPhone as KitPhone, test as kit } from '@taobao-sim/playwright-kit'
import type { PhoneFactoryOptions, PhoneOptions, SimFixtures } from '@taobao-sim/playwright-kit'
import type {
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestType,
} from '@playwright/test'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'

export type { Gateway, PhoneFactoryOptions, PhoneOptions } from '@taobao-sim/playwright-kit'

/** A simulated phone (the kit's), with this suite's steps: the order page, a checkout. */
export class SimPhone extends KitPhone {
  override with(options: PhoneOptions): SimPhone {
    const changed = super.with(options)
    return new SimPhone(
      changed.page,
      changed.world,
      {
        persona: changed.persona,
        device: changed.device,
        era: changed.era,
        ...(changed.lang ? { lang: changed.lang } : {}),
      },
      changed.token,
    )
  }

  /** The order page with the seeded cart, ready to submit. */
  async orderPage(): Promise<OrderPage> {
    const orderPage = new OrderPage(this.page)
    await orderPage.open({
      persona: this.persona,
      device: this.device,
      era: this.era,
      world: this.world,
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

const suitePhone = (phone: KitPhone) =>
  new SimPhone(
    phone.page,
    phone.world,
    {
      persona: phone.persona,
      device: phone.device,
      era: phone.era,
      ...(phone.lang ? { lang: phone.lang } : {}),
    },
    phone.token,
  )

/** Opens more phones (each its own browser context, in the test's world) and closes them after. */
export interface Phones {
  open(options?: PhoneFactoryOptions): Promise<SimPhone>
}

type SuiteFixtures = Omit<SimFixtures, 'phone' | 'phones'> & { phone: SimPhone; phones: Phones }

const extended = kit.extend<{ phone: SimPhone; phones: Phones }>({
  phone: async ({ phone }, use) => {
    await use(suitePhone(phone))
  },
  phones: async ({ phones }, use) => {
    await use({ open: async (options) => suitePhone(await phones.open(options)) })
  },
})

/**
 * The kit's test with its `phone` and `phones` replaced by this suite's (an extend can only intersect a
 * fixture's type, which would keep the kit's `with()`; the value is this suite's phone either way).
 */
export const test = extended as unknown as TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & SuiteFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
>

export { expect }

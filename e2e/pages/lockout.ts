import { expect, type Page } from '@playwright/test'
import type { PaymentMethodId } from '../../src/contract/payment.ts'
import type { Cashier } from './cashier.ts'

/** Alipay's realm: the methods Taobao's own password pad confirms, locked together. */
export const ALIPAY_REALM: readonly PaymentMethodId[] = ['alipay-balance', 'alipay-card', 'huabei']

/** 忘记密码？ and the simulated 重置支付密码 it opens, wherever a pad or the lock note shows it. */
export class PasswordReset {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByTestId('password-reset')
  }
  get confirm() {
    return this.dialog.getByTestId('password-reset-confirm')
  }
  /** The note under the methods while Alipay's password is locked. */
  get lockNote() {
    return this.page.getByTestId('pay-locked')
  }

  /** 忘记密码？ inside `where` (a pad, the lock note), then the reset confirmed. */
  async resetFrom(where: ReturnType<Page['getByTestId']>) {
    await where.getByTestId('pin-forgot').click()
    await expect(this.dialog).toBeVisible()
    await this.confirm.click()
    await expect(this.dialog).toBeHidden()
  }
}

/** Five wrong passwords on the pad of `method`: the tries left after each, then the lock. */
export async function lockOut(cashier: Cashier, method: PaymentMethodId = 'alipay-balance') {
  await cashier.choose(method)
  for (let left = 4; left >= 1; left--) {
    await cashier.enterPassword('000000')
    await expect(cashier.error).toContainText(String(left))
  }
  await cashier.enterPassword('000000')
  await expect(cashier.pinPad).toHaveAttribute('data-locked', 'true')
}

import { expect, type Page } from '@playwright/test'

/** 云闪付's pay sheet after the jump from the cashier, and its own password pad. */
export class UnionPaySheet {
  constructor(readonly page: Page) {}

  get sheet() {
    return this.page.getByTestId('unionpay-sheet')
  }
  get pay() {
    return this.page.getByTestId('unionpay-pay')
  }
  get cancel() {
    return this.page.getByTestId('unionpay-cancel')
  }
  get done() {
    return this.page.getByTestId('unionpay-done')
  }
  get pinPad() {
    return this.sheet.getByTestId('pin-pad')
  }

  async enterPassword(password: string) {
    await expect(this.pinPad).toBeVisible()
    for (const digit of password) {
      await this.pinPad.getByRole('button', { name: digit, exact: true }).click()
    }
  }

  /** On the sheet: pay, type the password, see UnionPay's success, go back to Taobao. */
  async payAndReturn(password = '123456') {
    await expect(this.sheet).toBeVisible()
    await this.pay.click()
    await this.enterPassword(password)
    await this.done.click()
  }
}

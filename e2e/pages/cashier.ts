import { expect, type Page } from '@playwright/test'
import type { PaymentMethodId } from '../../src/contract/payment.ts'
import { fenFromText } from './money.ts'

/** The cashier half-sheet and its password pad. */
export class Cashier {
  constructor(readonly page: Page) {}

  get sheet() {
    return this.page.getByTestId('cashier')
  }
  get amount() {
    return this.page.getByTestId('cashier-amount')
  }
  get countdown() {
    return this.page.getByTestId('cashier-countdown')
  }
  get confirm() {
    return this.page.getByTestId('confirm-pay')
  }
  get pinPad() {
    return this.page.getByTestId('pin-pad')
  }
  get error() {
    return this.page.getByTestId('pay-error')
  }
  get close() {
    return this.page.getByTestId('cashier-close')
  }

  method(id: PaymentMethodId) {
    return this.page.getByTestId(`pay-method-${id}`)
  }

  async amountFen(): Promise<number> {
    return fenFromText(await this.amount.innerText())
  }

  async choose(id: PaymentMethodId) {
    await this.method(id).click()
    await this.confirm.click()
  }

  async enterPassword(password: string) {
    await expect(this.pinPad).toBeVisible()
    for (const digit of password) {
      await this.pinPad.getByRole('button', { name: digit, exact: true }).click()
    }
  }

  /** Select a method, confirm, type the password. */
  async pay(id: PaymentMethodId, password = '123456') {
    await this.choose(id)
    await this.enterPassword(password)
  }
}

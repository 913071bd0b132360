import { expect, type Page } from '@playwright/test'
import type { HuabeiPeriods, PaymentMethodId } from '../../src/contract/payment.ts'
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

  /** From the password step back to the list of methods. */
  async backToMethods() {
    await this.sheet
      .getByRole('button', { name: /^(返回付款方式|Back to payment methods)$/ })
      .click()
  }

  method(id: PaymentMethodId) {
    return this.page.getByTestId(`pay-method-${id}`)
  }

  /** Every method row the cashier shows, in its order. */
  get methods() {
    return this.sheet.locator('[data-testid^="pay-method-"]')
  }

  /** The ids of the methods shown, in order. */
  async methodIds(): Promise<string[]> {
    await expect(this.methods.first()).toBeVisible()
    const ids = await this.methods.evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-testid') ?? ''),
    )
    return ids.map((id) => id.replace('pay-method-', ''))
  }

  /** A Huabei plan card: 0 pays in full. */
  huabeiPlan(periods: HuabeiPeriods) {
    return this.page.getByTestId(`huabei-plan-${periods}`)
  }

  /** 确定要放弃付款吗？ */
  get retainDialog() {
    return this.page.getByTestId('retain-dialog')
  }
  get stay() {
    return this.retainDialog.getByRole('button', { name: /继续支付|Keep paying/ })
  }
  get leave() {
    return this.retainDialog.getByRole('button', { name: /确认离开|Leave/ })
  }

  /** Select Huabei and a plan, confirm, type the password. */
  async payWithHuabei(periods: HuabeiPeriods, password = '123456') {
    await this.method('huabei').click()
    await this.huabeiPlan(periods).click()
    await expect(this.huabeiPlan(periods)).toHaveAttribute('aria-checked', 'true')
    await this.confirm.click()
    await this.enterPassword(password)
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

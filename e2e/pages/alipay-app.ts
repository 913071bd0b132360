import { expect, type Locator, type Page } from '@playwright/test'

/** Names in either UI language. */
const NAMES = {
  switcher: /^(切换应用|Switch apps)$/,
  recent: /^(最近使用的应用|Recent apps)$/,
  alipay: /^(支付宝|Alipay)$/,
  album: /^(所有照片|All photos)$/,
} as const

/** The simulated 支付宝 app on the phone: home, 扫一扫 → 相册, the pay sheet of a scanned code, 账单. */
export class AlipayApp {
  constructor(readonly page: Page) {}

  get home() {
    return this.page.getByTestId('alipay-home')
  }
  get scan() {
    return this.page.getByTestId('alipay-scan')
  }
  get album() {
    return this.page.getByRole('dialog', { name: NAMES.album })
  }
  get photos() {
    return this.album.getByTestId('alipay-album-photo')
  }
  get notice() {
    return this.page.getByTestId('alipay-code-notice')
  }
  get paySheet() {
    return this.page.getByTestId('alipay-app-pay')
  }
  get merchant() {
    return this.page.getByTestId('alipay-app-pay-merchant')
  }
  get subject() {
    return this.page.getByTestId('alipay-app-pay-subject')
  }
  get amount() {
    return this.page.getByTestId('alipay-app-pay-amount')
  }
  get confirm() {
    return this.page.getByTestId('alipay-app-pay-confirm')
  }
  /** The password pad: the cashier's own (ui/alipay), in its sheet. */
  get pinPad() {
    return this.page.getByTestId('alipay-pin-pad')
  }
  get success() {
    return this.page.getByTestId('alipay-app-pay-success')
  }
  get bills() {
    return this.page.getByTestId('alipay-bill')
  }
  get voucher() {
    return this.page.getByTestId('alipay-voucher')
  }

  /** From any app: the phone's switcher → 支付宝. */
  async switchIn() {
    await this.page.getByRole('button', { name: NAMES.switcher }).click()
    await this.page
      .getByRole('dialog', { name: NAMES.recent })
      .getByRole('button', { name: NAMES.alipay })
      .click()
    await expect(this.page).toHaveURL(/\/alipay(\/|\?|$)/)
  }

  /** Home → 扫一扫 → 相册. */
  async openAlbum() {
    await this.page.getByTestId('alipay-home-scan').click()
    await expect(this.scan).toBeVisible()
    await this.page.getByTestId('alipay-scan-album').click()
    await expect(this.album).toBeVisible()
  }

  /** An image from the computer (a screenshot of a merchant's page) imported into the album, newest first. */
  async importPhoto(png: Buffer) {
    const before = await this.photos.count()
    await this.page
      .getByTestId('alipay-album-file')
      .setInputFiles({ name: 'shop.png', mimeType: 'image/png', buffer: png })
    await expect(this.photos).toHaveCount(before + 1)
  }

  /** The newest photo of the album, scanned (its code read from its pixels). */
  async scanNewest(): Promise<Locator> {
    const photo = this.photos.first()
    await photo.click()
    return photo
  }

  async enterPassword(password: string) {
    await expect(this.pinPad).toBeVisible()
    for (const digit of password)
      await this.pinPad.getByRole('button', { name: digit, exact: true }).click()
  }

  /** On the pay sheet: the method, 立即付款, the password; waits for 支付成功. */
  async pay(method: 'alipay-balance' | 'huabei' | 'alipay-card', password = '123456') {
    await this.page.getByTestId(`alipay-method-${method}`).getByRole('radio').check()
    await this.confirm.click()
    await this.enterPassword(password)
    await expect(this.success).toBeVisible()
  }

  /** Home → 账单. */
  async openBills() {
    await this.page.getByTestId('alipay-home-bills').click()
    await expect(this.page.getByTestId('alipay-bills')).toBeVisible()
  }

  bill(paymentId: string): Locator {
    return this.page.locator(`[data-testid="alipay-bill"][data-payment-id="${paymentId}"]`)
  }
}

import { expect, type Locator, type Page } from '@playwright/test'
import type { Cashier } from './cashier.ts'
import { fenFromText } from './money.ts'
import { seconds } from '../timeouts.ts'
import { paySheetOf } from '../../src/contract/paths.ts'

/** Names in either UI language. */
const NAMES = {
  screenshot: /^(截屏|Screenshot)$/,
  shotSaved: /截屏已保存到相册|Screenshot saved to Photos/,
  switcher: /^(切换应用|Switch apps)$/,
  taobao: /^(淘宝|Taobao)$/,
  wechat: /^(微信|WeChat)$/,
  more: /^(更多功能|More)$/,
  scan: /^(扫一扫|Scan)$/,
  album: /^(相册|Album)$/,
  identify: /^(识别图中二维码|Extract QR code)$/,
  done: /^(完成|Done)$/,
  me: /^(我|Me)$/,
  services: /^(服务|Services)$/,
  wallet: /^(钱包|Wallet)/,
  bills: /^(账单|Transactions)$/,
  backToMerchant: /^(返回商家|Back to the merchant)$/,
  recent: /^(最近使用的应用|Recent apps)$/,
  picker: /^(图片和视频|Photos and videos)$/,
} as const

/** The simulated phone's system bar: the screenshot button and the app switcher. */
export class Phone {
  constructor(readonly page: Page) {}

  get screenshotButton() {
    return this.page.getByRole('button', { name: NAMES.screenshot })
  }

  /**
   * Captures the visible screen into the phone's album, and waits until it is saved. Drawing the screen
   * at 2× is real work (a second or two on a loaded CI machine), hence its own wait; a failed capture
   * shows as data-state="failed" in the error rather than as a missing toast.
   */
  async screenshot() {
    await this.screenshotButton.click()
    const toast = this.page.getByTestId('phone-shot')
    await expect(toast).toHaveAttribute('data-state', 'saved', { timeout: seconds(15) })
    await expect(this.page.getByRole('status').filter({ hasText: NAMES.shotSaved })).toBeVisible()
  }

  async switchTo(app: 'taobao' | 'wechat') {
    await this.page.getByRole('button', { name: NAMES.switcher }).click()
    await this.page
      .getByRole('dialog', { name: NAMES.recent })
      .getByRole('button', { name: app === 'taobao' ? NAMES.taobao : NAMES.wechat })
      .click()
  }
}

/** 微信扫码支付 in the cashier: the code, its countdown, its status, save and refresh. */
export class ScanCodePanel {
  constructor(readonly page: Page) {}

  get qr() {
    return this.page.getByTestId('wechat-qr')
  }
  get save() {
    return this.page.getByTestId('qr-save')
  }
  get countdown() {
    return this.page.getByTestId('qr-countdown')
  }
  get status() {
    return this.page.getByTestId('qr-status')
  }
  get refresh() {
    return this.page.getByRole('button', { name: /^(刷新二维码|Refresh QR code)$/ }).last()
  }

  /** At the cashier: 微信扫码支付, then the pay token of the code it draws. */
  async showFrom(cashier: Cashier): Promise<string> {
    await cashier.choose('wechat-scan')
    return this.token()
  }

  /** At the cashier: show the code and take a screenshot of it into the phone's album; answers its token. */
  async screenshotFrom(cashier: Cashier): Promise<string> {
    const token = await this.showFrom(cashier)
    await new Phone(this.page).screenshot()
    return token
  }

  /** The pay token the code on screen carries (also readable from its pixels, see qr-decode.ts). */
  async token(): Promise<string> {
    await expect(this.qr.locator('svg')).toBeVisible()
    const token = await this.qr.getAttribute('data-pay-token')
    if (!token) throw new Error('the code carries no pay token')
    return token
  }
}

/** The simulated WeChat on the same phone. */
export class WeChat {
  constructor(readonly page: Page) {}

  get amount() {
    return this.page.getByTestId('wechat-pay-amount')
  }
  get confirm() {
    return this.page.getByTestId('wechat-pay-confirm')
  }
  get pinPad() {
    return this.page.getByTestId('wechat-pin-pad')
  }
  get success() {
    return this.page.getByTestId('wechat-pay-success')
  }
  get notice() {
    return this.page.getByTestId('wechat-code-notice')
  }

  async amountFen(): Promise<number> {
    return fenFromText(await this.amount.innerText())
  }

  /** + → 扫一扫 from the chat list. */
  async openScan() {
    await this.page.getByRole('button', { name: NAMES.more }).click()
    await this.page.getByRole('menuitem', { name: NAMES.scan }).click()
  }

  /** 扫一扫 → 相册 → the newest photo (or the one named). */
  async scanFromAlbum(photo: RegExp = /截屏|图片|Screenshot|Image/) {
    await this.page.getByRole('button', { name: NAMES.album }).click()
    await this.albumPhoto(photo).click()
  }

  /** From Taobao: switch to WeChat, 扫一扫 → 相册 → the newest photo (or the one named). */
  async switchInAndScanAlbum(photo?: RegExp) {
    await new Phone(this.page).switchTo('wechat')
    await this.openScan()
    await this.scanFromAlbum(photo)
  }

  /** A photo of the album by its name (the newest first); never the 从电脑选择图片 file button. */
  albumPhoto(name: RegExp): Locator {
    const picker = this.page.getByRole('dialog', { name: NAMES.picker })
    return picker
      .getByTestId('wechat-album-photo')
      .and(picker.getByRole('button', { name }))
      .first()
  }

  async closeAlbum() {
    await this.page
      .getByRole('dialog', { name: NAMES.picker })
      .getByRole('button', { name: /^(关闭|Close)$/ })
      .click()
  }

  async openChat(name: RegExp) {
    await this.page.getByRole('button', { name }).first().click()
  }

  /** In a chat: + → 相册 → the newest photo → 发送. */
  async sendNewestPhoto() {
    await this.page.getByRole('button', { name: NAMES.more }).click()
    await this.page.getByRole('button', { name: NAMES.album }).click()
    const picker = this.page.getByRole('dialog', { name: NAMES.picker })
    await this.albumPhoto(/截屏|图片|Screenshot|Image/).click()
    await picker.getByRole('button', { name: /^(发送|Send)/ }).click()
  }

  /** Holds a finger on the newest image in the chat. */
  async longPressNewestImage() {
    await this.page
      .getByRole('button', { name: /^(图片|Photo)$/ })
      .last()
      .click({ delay: 800 })
  }

  get identifyCode() {
    return this.page.getByRole('menuitem', { name: NAMES.identify })
  }

  async enterPassword(password: string) {
    await expect(this.pinPad).toBeVisible()
    for (const digit of password) {
      await this.pinPad.getByRole('button', { name: digit, exact: true }).click()
    }
  }

  /**
   * On the pay sheet: 确认支付 (a scanned code's sheet; after a jump WeChat opens on the password sheet by
   * itself, drawn with the sheet in one go), the password, 支付成功.
   */
  async pay(password = '123456') {
    await expect(this.confirm).toBeVisible()
    if (!paySheetOf(new URL(this.page.url()).search).jumped) await this.confirm.click()
    await this.enterPassword(password)
    await expect(this.success).toBeVisible()
  }

  /** The password sheet's ✕: back to the pay sheet under it (确认支付, 返回商家). */
  async closePin() {
    await this.pinPad.getByRole('button', { name: /^(关闭|Close)$/ }).click()
    await expect(this.pinPad).toBeHidden()
  }

  async done() {
    await this.success.getByRole('button', { name: NAMES.done }).click()
  }

  async closeSheet() {
    await this.page.getByRole('button', { name: NAMES.backToMerchant }).click()
  }

  /** 我 → 服务 → 钱包 → 账单. */
  async openBills() {
    await this.page.getByRole('button', { name: NAMES.me }).click()
    await this.page.getByRole('button', { name: NAMES.services }).click()
    await this.page.getByRole('button', { name: NAMES.wallet }).click()
    await this.page.getByRole('button', { name: NAMES.bills }).first().click()
  }
}

/** The simulator panel's WeChat settings (what the code holds, the long-press policy). */
export async function setWechatSettings(
  page: Page,
  settings: { qrPayload?: 'web' | 'weixin'; longPress?: 'refuse' | 'allow' },
) {
  await page.getByTestId('sim-panel').click()
  const sheet = page.getByTestId('sim-sheet')
  await expect(sheet).toBeVisible()
  if (settings.qrPayload) {
    const name =
      settings.qrPayload === 'weixin'
        ? /^(微信协议链接|WeChat's own link)$/
        : /^(网页链接|Web link)/
    await sheet.getByRole('radio', { name }).check()
  }
  if (settings.longPress) {
    const name = settings.longPress === 'allow' ? /^(允许|Allow)$/ : /^(拒绝|Refuse)/
    await sheet.getByRole('radio', { name }).check()
  }
  await sheet.getByRole('button', { name: /^(完成|Done)$/ }).click()
  await expect(sheet).toBeHidden()
}

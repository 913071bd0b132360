import { expect, type Page } from '@playwright/test'
import {
  friendLinkInWechat,
  friendLinkPath,
  friendLinkToken,
  withSim,
} from '../../src/contract/paths.ts'

/** The cashier's share sheet of 找朋友帮忙付, then 等待好友付款. */
export class FriendShare {
  constructor(readonly page: Page) {}

  get message() {
    return this.page.getByTestId('friend-pay-message')
  }
  get create() {
    return this.page.getByTestId('friend-pay-create')
  }
  get link() {
    return this.page.getByTestId('friend-pay-link')
  }
  get copy() {
    return this.page.getByTestId('friend-pay-copy')
  }
  get cancel() {
    return this.page.getByTestId('friend-pay-cancel')
  }
  get status() {
    return this.page.getByTestId('friend-pay-status')
  }

  /** Creates the request (sent as a plain link) and answers its path `/friend-pay/TOKEN`. */
  async createLink(via: '微信好友' | 'QQ好友' | '复制链接' = '复制链接'): Promise<string> {
    await this.page.getByText(via, { exact: true }).click()
    await expect(this.page.getByRole('radio', { name: via })).toBeChecked()
    await this.create.click()
    await expect(this.status).toHaveAttribute('data-status', 'OPEN')
    const token = friendLinkToken(await this.link.innerText())
    // A world's tokens name it first (`<world>.<token>`, docs/worlds.md).
    expect(token).toMatch(/^(w[\w-]{22}\.)?[\w-]{22,}$/)
    return friendLinkPath(token ?? '')
  }
}

/** The friend's page `/friend-pay/:token`. */
export class FriendPayPage {
  constructor(readonly page: Page) {}

  get status() {
    return this.page.getByTestId('friend-pay-status')
  }
  get amount() {
    return this.page.getByTestId('friend-pay-amount')
  }
  get confirm() {
    return this.page.getByTestId('friend-pay-confirm')
  }
  get ended() {
    return this.page.getByTestId('friend-pay-ended')
  }

  /**
   * Opens the shared link `path` (`/friend-pay/TOKEN`) on this phone: in a browser (Alipay pays), or
   * `inWechat`, as when the friend taps it in a WeChat chat (WeChat Pay pays).
   */
  async open(path: string, device: string, persona = 'friend', { inWechat = false } = {}) {
    const token = friendLinkToken(path)
    const link = inWechat && token !== null ? friendLinkInWechat(token) : path
    await this.page.goto(withSim(link, { persona, device }))
  }

  /** The wallets this page offers (radio names, in order). */
  async sources(): Promise<string[]> {
    return this.page
      .getByRole('radio')
      .evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent?.trim() ?? ''))
  }

  async pay(password = '123456') {
    await this.confirm.click()
    const pad = this.page.getByTestId('pin-pad')
    for (const digit of password)
      await pad.getByRole('button', { name: digit, exact: true }).click()
  }
}

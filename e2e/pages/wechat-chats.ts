import { expect, type Locator, type Page } from '@playwright/test'

/** The simulated WeChat's chats on one phone: the list (rows, unread badges) and an open chat. */
export class WeChatChats {
  constructor(readonly page: Page) {}

  get list() {
    return this.page.getByTestId('wechat-chat-list')
  }

  /** The chat list's row of a contact, by their name in either language. */
  row(name: RegExp): Locator {
    return this.page.getByTestId('wechat-chat-row').filter({ hasText: name })
  }

  unread(name: RegExp): Locator {
    return this.row(name).getByTestId('wechat-unread')
  }

  get chat() {
    return this.page.getByTestId('wechat-chat')
  }

  get linkCards() {
    return this.chat.getByTestId('wechat-link-card')
  }

  get images() {
    return this.chat.getByRole('button', { name: /^(图片|Photo)$/ })
  }

  /** In a chat: types a text and sends it. */
  async sendText(text: string) {
    await this.page.getByTestId('wechat-chat-input').fill(text)
    await this.page.getByTestId('wechat-chat-send').click()
    await expect(this.chat.getByText(text, { exact: true })).toBeVisible()
  }

  /** The newest image of the chat has loaded its pixels from the server. */
  async expectImageLoaded() {
    const img = this.images.last().locator('img')
    await expect(img).toBeVisible()
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
      .toBeGreaterThan(0)
  }
}

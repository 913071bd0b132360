// Journeys through the UI to the screens a spec checks: a paid order, WeChat's pay sheet, a friend link.
import { expect } from '@playwright/test'
import type { Phones, SimPhone } from '../fixtures.ts'
import { FriendPayPage, FriendShare } from './friend-pay.ts'
import { ResultPage } from './result-page.ts'
import { Phone, WeChat } from './wechat.ts'

export function launch(phone: SimPhone): SimPhone {
  return phone.with({ era: 'launch' })
}

export async function paidOrder(phone: SimPhone) {
  await (await phone.checkout()).pay('alipay-balance')
  await expect(new ResultPage(phone.page).result).toHaveAttribute('data-status', 'success')
}

/** Launch era: 微信支付 jumps to WeChat on the same phone, which opens straight on its password sheet. */
export async function jumpToWechat(phone: SimPhone): Promise<WeChat> {
  await (await launch(phone).checkout()).choose('wechat')
  const wechat = new WeChat(phone.page)
  await expect(wechat.pinPad).toBeVisible()
  return wechat
}

export async function openWechatTab(phone: SimPhone, tab: RegExp) {
  await phone.orderPage()
  await new Phone(phone.page).switchTo('wechat')
  await phone.page.getByRole('button', { name: tab }).click()
}

export async function friendLink(phone: SimPhone): Promise<string> {
  await (await phone.checkout()).choose('friend-pay')
  return new FriendShare(phone.page).createLink()
}

export async function friendOpens(phone: SimPhone, phones: Phones): Promise<FriendPayPage> {
  const path = await friendLink(phone)
  const friend = await phones.open({ persona: 'friend', device: 'a11y-friend' })
  await friend.open(path)
  const friendPage = new FriendPayPage(friend.page)
  await expect(friendPage.status).toHaveAttribute('data-status', 'OPEN')
  return friendPage
}

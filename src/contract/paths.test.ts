import { matchPath } from 'react-router'
import { describe, expect, it } from 'vitest'
import {
  albumOpen,
  ALIPAY_PAY_PATH,
  ALIPAY_ROUTES,
  alipayAppPath,
  alipayBillPath,
  alipayPayUrl,
  alipayScanPayPath,
  alipayScanPayToken,
  alipayTokenOf,
  cashierOrderId,
  checkoutCashierPath,
  friendLinkInWechat,
  friendLinkPath,
  friendLinkToken,
  inWechatBrowser,
  isAlipayAppPath,
  isWechatPath,
  labPath,
  orderPath,
  ordersPath,
  PAGE_ROUTES,
  payCodePath,
  payCodeUrls,
  paySheetOf,
  readPayCode,
  readSim,
  resultOrderId,
  resultPath,
  routeOf,
  screenPattern,
  WECHAT_HOME,
  WECHAT_ROUTES,
  wechatBillPath,
  wechatChatPath,
  wechatPath,
  wechatSharePath,
  withAlbum,
  withCashier,
  withoutSim,
  withSim,
} from './paths.ts'

const TOKEN = 'AbC-_9xYz0123456789abc'
const ORIGIN = 'http://127.0.0.1:4301'

/** The route a built path lands on, and its params (react-router's own matcher). */
function route(pattern: string, path: string) {
  return matchPath(pattern, new URL(path, ORIGIN).pathname)?.params ?? null
}

describe('the simulator parameters', () => {
  it('are set on any path, its query and hash kept, a missing one left out', () => {
    expect(withSim('/', { persona: 'shopper', era: 'beta', device: 'p1' })).toBe(
      '/?persona=shopper&era=beta&device=p1',
    )
    expect(withSim('/orders?tab=paid#x', { lang: 'en', era: null, device: undefined })).toBe(
      '/orders?tab=paid&lang=en#x',
    )
    expect(withSim('/lab', { lab: 'r1', token: 'T'.repeat(22) })).toBe(
      `/lab?token=${'T'.repeat(22)}&lab=r1`,
    )
  })

  it('are read back as written, and only they are dropped from a route to come back to', () => {
    const search = '?pay=o1&persona=friend&era=launch&lang=en&device=d&token=t&lab=r&x=1'
    expect(readSim(search)).toMatchObject({
      persona: 'friend',
      era: 'launch',
      lang: 'en',
      device: 'd',
      token: 't',
      lab: 'r',
    })
    expect(readSim('?x=1').persona).toBeUndefined()
    expect(withoutSim(search).toString()).toBe('pay=o1&x=1')
    expect(routeOf('/', search)).toBe('/?pay=o1&x=1')
    expect(routeOf('/wechat', '?device=d')).toBe('/wechat')
  })
})

describe('Taobao', () => {
  it('opens and closes the cashier over any screen', () => {
    expect(withCashier('?tab=paid', 'o 1').toString()).toBe('tab=paid&pay=o+1')
    expect(cashierOrderId(withCashier('', 'o 1'))).toBe('o 1')
    expect(withCashier('?pay=o1&tab=x', null).toString()).toBe('tab=x')
    expect(cashierOrderId('?pay=')).toBeNull()
    expect(checkoutCashierPath('o1')).toBe('/?pay=o1')
  })

  it('builds result and order pages the router matches, and reads the result back', () => {
    expect(resultPath('o/1')).toBe('/pay/result/o%2F1')
    expect(route(PAGE_ROUTES.result, resultPath('o1'))).toEqual({ orderId: 'o1' })
    expect(resultOrderId(resultPath('o 1'))).toBe('o 1')
    expect(resultOrderId('/pay/result/')).toBeNull()
    expect(resultOrderId('/pay/result/a/b')).toBeNull()
    expect(resultOrderId('/orders/o1')).toBeNull()
    expect(ordersPath()).toBe('/orders')
    expect(ordersPath('pending')).toBe('/orders?tab=pending')
    expect(route(PAGE_ROUTES.orders, ordersPath('paid'))).toEqual({})
    expect(route(PAGE_ROUTES.order, orderPath('o1'))).toEqual({ orderId: 'o1' })
  })
})

describe('a friend link', () => {
  it('is the same token in a browser and in WeChat, read back from a path or a copied URL', () => {
    expect(friendLinkPath(TOKEN)).toBe(`/friend-pay/${TOKEN}`)
    expect(friendLinkInWechat(TOKEN)).toBe(`/wechat/friend-pay/${TOKEN}`)
    expect(route(PAGE_ROUTES.friendPay, friendLinkPath(TOKEN))).toEqual({ token: TOKEN })
    expect(route(PAGE_ROUTES.wechatFriendPay, friendLinkInWechat(TOKEN))).toEqual({ token: TOKEN })
    for (const link of [
      friendLinkPath(TOKEN),
      friendLinkInWechat(TOKEN),
      ` ${ORIGIN}${friendLinkPath(TOKEN)}?persona=friend `,
    ])
      expect(friendLinkToken(link)).toBe(TOKEN)
    for (const other of ['/friend-pay/', '/friend-pay/a/b', '/orders/x', 'http://[', '/wechat'])
      expect(friendLinkToken(other)).toBeNull()
  })

  it('opens in WeChat’s own browser when tapped inside WeChat; other paths stay as they are', () => {
    expect(inWechatBrowser(`${friendLinkPath(TOKEN)}?x=1`)).toBe(`${friendLinkInWechat(TOKEN)}?x=1`)
    expect(inWechatBrowser('/orders')).toBe('/orders')
  })
})

describe('the pay code', () => {
  it('is written in both forms of BRIEF §5 and read back from either', () => {
    const { web, weixin } = payCodeUrls(ORIGIN, TOKEN)
    expect(web).toBe(`${ORIGIN}/wechat/pay?pr=${TOKEN}`)
    expect(weixin).toBe(`weixin://wxpay/bizpayurl?pr=${TOKEN}`)
    expect(readPayCode(web)).toBe(TOKEN)
    expect(readPayCode(` ${weixin}\n`)).toBe(TOKEN)
    // Another host's web form still names a pay code: the path and `pr` are what count.
    expect(readPayCode(`https://shop.example${payCodePath('X1')}`)).toBe('X1')
    for (const other of [
      `${ORIGIN}/wechat/pay`,
      `${ORIGIN}/wechat/pay?pr=`,
      `${ORIGIN}/other?pr=X`,
      'weixin://dl/moments?pr=X',
      'ftp://a/wechat/pay?pr=X',
      'not a url',
    ])
      expect(readPayCode(other)).toBeNull()
  })

  it('opens WeChat’s pay sheet, which knows whether an app jumped to it', () => {
    expect(payCodePath(TOKEN, 'taobao')).toBe(`/wechat/pay?pr=${TOKEN}&from=taobao`)
    expect(paySheetOf(new URL(payCodePath(TOKEN, 'taobao'), ORIGIN).search)).toEqual({
      token: TOKEN,
      jumped: true,
    })
    expect(paySheetOf('?pr=X')).toEqual({ token: 'X', jumped: false })
    expect(paySheetOf('')).toEqual({ token: '', jumped: false })
    const pay = `${WECHAT_HOME}/${WECHAT_ROUTES.pay}`
    expect(new URL(payCodePath(TOKEN), ORIGIN).pathname).toBe(pay)
  })
})

describe('WeChat’s screens', () => {
  it('are all under /wechat, and only they are', () => {
    for (const path of [
      wechatPath(),
      wechatPath('scan'),
      wechatChatPath('xiaomei'),
      wechatBillPath('p1'),
      wechatSharePath('a b&c'),
      friendLinkInWechat(TOKEN),
    ])
      expect(isWechatPath(new URL(path, ORIGIN).pathname)).toBe(true)
    expect(isWechatPath('/wechatx')).toBe(false)
    expect(isWechatPath('/')).toBe(false)
    const inside = (pattern: string, path: string) => route(`${WECHAT_HOME}/${pattern}`, path)
    expect(inside(WECHAT_ROUTES.chat, wechatChatPath('xiaomei'))).toEqual({ chatId: 'xiaomei' })
    expect(inside(WECHAT_ROUTES.bill, wechatBillPath('p1'))).toEqual({ paymentId: 'p1' })
  })

  it('hand a text over to the chat picker, and keep the album open in the URL', () => {
    const share = new URL(wechatSharePath('帮我付一下：https://x/friend-pay/T'), ORIGIN)
    expect(share.searchParams.get('share')).toBe('帮我付一下：https://x/friend-pay/T')
    expect(albumOpen(withAlbum('?x=1', true))).toBe(true)
    expect(withAlbum('?x=1&album=1', false).toString()).toBe('x=1')
  })
})

it('opens the lab in a language', () => {
  expect(labPath()).toBe('/lab')
  expect(labPath('en')).toBe('/lab?lang=en')
  expect(route(PAGE_ROUTES.lab, labPath('en'))).toEqual({})
})

describe("the 支付宝 app's screens", () => {
  it('live under /alipay, all but the cashier page, which wins its own route', () => {
    for (const path of [alipayAppPath(), alipayAppPath('scan'), alipayAppPath('bills')])
      expect(isAlipayAppPath(path)).toBe(true)
    expect(isAlipayAppPath(new URL(alipayScanPayPath(TOKEN), ORIGIN).pathname)).toBe(true)
    expect(isAlipayAppPath(new URL(alipayBillPath('p 1'), ORIGIN).pathname)).toBe(true)
    expect(isAlipayAppPath(ALIPAY_PAY_PATH)).toBe(false)
    expect(isAlipayAppPath('/alipayx')).toBe(false)
    expect(route(PAGE_ROUTES.alipayApp, alipayAppPath('scan'))).toEqual({ '*': 'scan' })
    expect(route(PAGE_ROUTES.alipayPay, alipayPayUrl(ORIGIN, TOKEN))).toEqual({})
  })

  it('carry the scanned trade and the bill to their screens', () => {
    const pay = new URL(alipayScanPayPath(`w1.${TOKEN}`), ORIGIN)
    expect(route(`/alipay/${ALIPAY_ROUTES.scanPay}`, pay.pathname)).toEqual({})
    expect(alipayScanPayToken(pay.search)).toBe(`w1.${TOKEN}`)
    expect(alipayScanPayToken('?x=1')).toBeNull()
    // The app's pay sheet is not the cashier's address: a code is never read as one.
    expect(alipayTokenOf(alipayScanPayPath(TOKEN))).toBeNull()
    expect(route(`/alipay/${ALIPAY_ROUTES.bill}`, alipayBillPath('2026120122001'))).toEqual({
      paymentId: '2026120122001',
    })
  })
})

describe('a screen across people', () => {
  it('names a page whose path holds an id by its pattern, and leaves the others as they are', () => {
    expect(screenPattern('/pay/result/4781712957179858173')).toBe('/pay/result/:orderId')
    expect(screenPattern('/orders/123?tab=pending')).toBe('/orders/:orderId?tab=pending')
    expect(screenPattern('/friend-pay/w1.abc')).toBe('/friend-pay/:token')
    expect(screenPattern('/wechat/friend-pay/w1.abc')).toBe('/wechat/friend-pay/:token')
    expect(screenPattern('/wechat/chat/xiaomei')).toBe('/wechat/chat/:chatId')
    expect(screenPattern('/wechat/bills/pay123')).toBe('/wechat/bills/:paymentId')
    expect(screenPattern('/?pay')).toBe('/?pay')
    expect(screenPattern('/')).toBe('/')
    expect(screenPattern('/wechat/pay')).toBe('/wechat/pay')
    expect(screenPattern('/orders')).toBe('/orders')
  })
})

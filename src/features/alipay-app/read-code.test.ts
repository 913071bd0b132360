import { describe, expect, it } from 'vitest'
import { alipayPayUrl, payCodeUrls } from '@/contract/paths.ts'
import { readAlipayCode } from './read-code.ts'

describe("支付宝's 扫一扫 reads", () => {
  it("a precreate qr_code of any host as the merchant's trade", () => {
    const url = alipayPayUrl('http://192.168.1.23:4173', 'w1.AbC-_9xYz0123456789abc')
    expect(readAlipayCode(url)).toEqual({ kind: 'trade', token: 'w1.AbC-_9xYz0123456789abc' })
    expect(readAlipayCode(` ${url}\n`)).toEqual({
      kind: 'trade',
      token: 'w1.AbC-_9xYz0123456789abc',
    })
  })

  it('a WeChat Pay code, in either form, as not its own', () => {
    const urls = payCodeUrls('http://127.0.0.1:4301', 'tok')
    expect(readAlipayCode(urls.web)).toEqual({ kind: 'wechat' })
    expect(readAlipayCode(urls.weixin)).toEqual({ kind: 'wechat' })
  })

  it('anything else as text, a pay path without a token included', () => {
    expect(readAlipayCode('hello')).toEqual({ kind: 'text', text: 'hello' })
    expect(readAlipayCode('http://x.test/alipay/pay')).toEqual({
      kind: 'text',
      text: 'http://x.test/alipay/pay',
    })
    expect(readAlipayCode('/alipay/pay?token=t')).toEqual({
      kind: 'text',
      text: '/alipay/pay?token=t',
    })
  })
})

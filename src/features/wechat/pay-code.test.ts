import { describe, expect, it } from 'vitest'
import { isLinkText, readCode } from './pay-code.ts'

const ORIGIN = 'http://127.0.0.1:4301'

describe('readCode', () => {
  it('reads both forms of a native pay code', () => {
    expect(readCode(`${ORIGIN}/wechat/pay?pr=AbC-_9`, ORIGIN)).toEqual({
      kind: 'pay',
      token: 'AbC-_9',
    })
    expect(readCode('weixin://wxpay/bizpayurl?pr=AbC-_9', ORIGIN)).toEqual({
      kind: 'pay',
      token: 'AbC-_9',
    })
    // Another host's web form still names a pay code: the path and `pr` are what count.
    expect(readCode('https://shop.example/wechat/pay?pr=X1', ORIGIN)).toEqual({
      kind: 'pay',
      token: 'X1',
    })
  })

  it('opens links to this site in WeChat, and shows anything else as text', () => {
    expect(readCode(`${ORIGIN}/friend-pay/T0K3N`, ORIGIN)).toEqual({
      kind: 'link',
      url: `${ORIGIN}/friend-pay/T0K3N`,
      path: '/friend-pay/T0K3N',
    })
    expect(readCode('https://example.com/a?b=1', ORIGIN)).toMatchObject({
      kind: 'link',
      path: null,
    })
    expect(readCode('weixin://dl/moments', ORIGIN)).toEqual({
      kind: 'text',
      text: 'weixin://dl/moments',
    })
    expect(readCode('  hello 你好 ', ORIGIN)).toEqual({ kind: 'text', text: 'hello 你好' })
    expect(readCode(`${ORIGIN}/wechat/pay`, ORIGIN)).toMatchObject({ kind: 'link' })
  })

  it('tells a link-only message from prose', () => {
    expect(isLinkText(' https://a.example/x ')).toBe(true)
    expect(isLinkText('weixin://wxpay/bizpayurl?pr=1')).toBe(true)
    expect(isLinkText('see https://a.example/x')).toBe(false)
  })
})

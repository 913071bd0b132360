import { describe, expect, it } from 'vitest'
import { readCode, splitLinks } from './pay-code.ts'

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

  it('cuts links out of prose, as WeChat makes them tappable', () => {
    expect(splitLinks('https://a.example/x')).toEqual([
      { kind: 'link', url: 'https://a.example/x' },
    ])
    expect(splitLinks('帮我付一下：https://a.example/friend-pay/T0K3N，谢谢\n')).toEqual([
      { kind: 'text', text: '帮我付一下：' },
      { kind: 'link', url: 'https://a.example/friend-pay/T0K3N' },
      { kind: 'text', text: '，谢谢\n' },
    ])
    expect(splitLinks('weixin://wxpay/bizpayurl?pr=1 <b>')).toEqual([
      { kind: 'link', url: 'weixin://wxpay/bizpayurl?pr=1' },
      { kind: 'text', text: ' <b>' },
    ])
    expect(splitLinks('no link here')).toEqual([{ kind: 'text', text: 'no link here' }])
  })
})

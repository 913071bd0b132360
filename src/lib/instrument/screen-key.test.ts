import { describe, expect, it } from 'vitest'
import { screenKey } from './screen-key.ts'

describe('screenKey', () => {
  it('keeps the path and the names of the parameters that change the screen', () => {
    expect(screenKey('/', '?pay=abc&device=x&lab=r1')).toBe('/?pay')
    expect(screenKey('/wechat/pay', '?pr=t1&from=taobao')).toBe('/wechat/pay?from&pr')
  })

  it('ignores the phone set-up parameters', () => {
    expect(screenKey('/', '?persona=shopper&era=launch&lang=en&device=d&lab=r')).toBe('/')
    expect(screenKey('/wechat', '')).toBe('/wechat')
  })
})

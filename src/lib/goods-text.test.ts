import { describe, expect, it } from 'vitest'
import { goodsText } from './goods-text.ts'

const zh = (key: string, vars: Record<string, string | number> = {}) =>
  key === 'common.goods' ? `${vars.title} 等${vars.count}件` : key
const en = (key: string, vars: Record<string, string | number> = {}) =>
  key === 'common.goods' ? `${vars.title} and ${vars.more} more` : key

describe('goodsText', () => {
  it('words the goods in the screen’s language, not the gateway’s Chinese description', () => {
    const goods = { title: '西湖龙井', count: 5 }
    expect(goodsText(zh, goods, '西湖龙井 等5件')).toBe('西湖龙井 等5件')
    expect(goodsText(en, goods, '西湖龙井 等5件')).toBe('西湖龙井 and 4 more')
  })

  it('is the title alone for one item, cut at 24 characters', () => {
    expect(goodsText(en, { title: 'Mug', count: 1 }, 'Mug')).toBe('Mug')
    expect(goodsText(en, { title: 'x'.repeat(30), count: 1 }, '')).toBe(`${'x'.repeat(24)}…`)
  })

  it('falls back to the description when there is no summary', () => {
    expect(goodsText(en, undefined, '订单 1')).toBe('订单 1')
  })
})

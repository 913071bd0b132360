import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatMoney } from './format.ts'

const intl = (lang: string) =>
  new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })

describe('formatMoney', () => {
  it('writes fen as yuan with the sign, the grouping and two decimals', () => {
    expect(formatMoney(0, 'zh-CN')).toBe('¥0.00')
    expect(formatMoney(5, 'en')).toBe('¥0.05')
    expect(formatMoney(123_456, 'zh-CN')).toBe('¥1,234.56')
    expect(formatMoney(-250, 'en')).toBe('-¥2.50')
  })

  it('says what Intl says, in both languages', () => {
    const formats = { 'zh-CN': intl('zh-CN'), en: intl('en') }
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (fen, lang) => formatMoney(fen, lang) === formats[lang].format(fen / 100),
      ),
    )
  })
})

import { describe, expect, it } from 'vitest'
import { Dictionaries } from './dictionaries.ts'
import { consoleEn } from './console.en.ts'
import { consoleZhCN } from './console.zh-CN.ts'
import { en } from './en.ts'
import { zhCN } from './zh-CN.ts'

describe('Dictionaries', () => {
  it('looks a dotted key up in zh-CN', () => {
    const words = new Dictionaries(zhCN)
    expect(words.translate('zh-CN', 'common.docTitle')).toBe(zhCN.common.docTitle)
  })

  it('speaks zh-CN for a language not loaded yet, then that language', () => {
    const words = new Dictionaries(zhCN)
    expect(words.translate('en', 'common.docTitle')).toBe(zhCN.common.docTitle)
    words.add('en', en)
    expect(words.translate('en', 'common.docTitle')).toBe(en.common.docTitle)
  })

  it('merges a namespace in without losing what was there, and fills its variables', () => {
    const words = new Dictionaries(zhCN)
    words.add('en', en)
    words.add('en', { console: consoleEn })
    words.add('zh-CN', { console: consoleZhCN })
    expect(words.translate('en', 'console.filter.count', { shown: 3, total: 10 })).toBe(
      '3 shown (10 in all)',
    )
    expect(words.translate('zh-CN', 'console.filter.count', { shown: 3, total: 10 })).toBe(
      '共 3 条（全部 10 条）',
    )
    expect(words.translate('en', 'common.docTitle')).toBe(en.common.docTitle)
  })

  it('leaves a variable it was not given, and an unknown key, as they are', () => {
    const words = new Dictionaries(zhCN)
    words.add('en', { console: consoleEn })
    expect(words.translate('en', 'console.filter.count', { shown: 1 })).toBe(
      '1 shown ({{total}} in all)',
    )
    expect(words.translate('en', 'no.such.key')).toBe('no.such.key')
  })

  it('does not change the dictionary it was made from', () => {
    const before = JSON.stringify(zhCN)
    new Dictionaries(zhCN).add('zh-CN', { common: { docTitle: 'x' } })
    expect(JSON.stringify(zhCN)).toBe(before)
  })
})

import { describe, expect, it } from 'vitest'
import { csvCell, parseCsv, toCsv } from './export.ts'

describe('CSV export', () => {
  it('quotes only the cells that need it, doubling quotes', () => {
    expect(csvCell('12')).toBe('12')
    expect(csvCell('跳转微信')).toBe('跳转微信')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
  })

  it('writes CRLF rows with a BOM and reads them back', () => {
    const rows = [
      ['flow', 'taps', 'note'],
      ['Jump, then pay', '6', 'he said "ok"'],
      ['截屏扫码', '13', 'line 1\nline 2'],
    ]
    const text = toCsv(rows)
    expect(text.startsWith('\uFEFFflow,taps,note\r\n"Jump, then pay",6,')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(parseCsv(text)).toEqual(rows)
  })
})

import { describe, expect, it } from 'vitest'
import { csvCell } from './exports.ts'

describe('csvCell', () => {
  it('quotes as RFC 4180 says, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell(12)).toBe('12')
    expect(csvCell(null)).toBe('')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${lead}1+1`).startsWith(`'`) || csvCell(`${lead}1+1`).startsWith(`"'`)).toBe(
        true,
      )
    }
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(-3)).toBe('-3')
  })
})

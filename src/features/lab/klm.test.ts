import { describe, expect, it } from 'vitest'
import { MOBILE_KLM } from '@/contract/klm.ts'
import { DEFAULT_KLM, KLM_SOURCE, klmSeconds, secondsFromText } from './klm.ts'

describe('KLM prediction', () => {
  it('is M + P per tap, one M per series of keys, K per key, S per switch', () => {
    const times = { k: 0.2, p: 1, m: 1.5, s: 2 }
    // 4 taps (4 × 2.5), one password of 6 keys (1.5 + 6 × 0.2), 2 switches (2 × 2).
    const seconds = klmSeconds({ taps: 4, keystrokes: 6, keyRuns: 1, appSwitches: 2 }, times)
    expect(seconds).toBeCloseTo(10 + 1.5 + 1.2 + 4, 10)
  })

  it('uses the published mobile (touch) defaults of the contract, and names their source', () => {
    expect(DEFAULT_KLM).toBe(MOBILE_KLM)
    expect(DEFAULT_KLM).toEqual({ k: 0.39, p: 1.0, m: 1.35, s: 0.36 })
    expect(KLM_SOURCE).toMatch(/Holleis.*CHI 2007.*Card, Moran & Newell/)
    // The jump route: 5 taps (submit, 微信支付, 确认付款, 完成, 已完成支付: WeChat opens on the password),
    // a 6-digit password.
    const jump = klmSeconds({ taps: 5, keystrokes: 6, keyRuns: 1, appSwitches: 0 }, DEFAULT_KLM)
    expect(jump).toBeCloseTo(5 * 2.35 + 1.35 + 6 * 0.39, 10)
  })

  it('predicts nothing for nothing, and grows with every operator', () => {
    const none = { taps: 0, keystrokes: 0, keyRuns: 0, appSwitches: 0 }
    expect(klmSeconds(none, DEFAULT_KLM)).toBe(0)
    const base = klmSeconds({ ...none, taps: 3 }, DEFAULT_KLM)
    expect(klmSeconds({ ...none, taps: 3, appSwitches: 1 }, DEFAULT_KLM)).toBeCloseTo(base + 0.36)
    expect(klmSeconds({ ...none, taps: 4 }, DEFAULT_KLM)).toBeCloseTo(base + 2.35)
  })

  it('reads operator times typed in seconds', () => {
    expect(secondsFromText(' 0.28 ')).toBe(0.28)
    expect(secondsFromText('60')).toBe(60)
    for (const text of ['', '-1', '61', 'abc', '1e2', '.5', '1.2345']) {
      expect(secondsFromText(text)).toBeNull()
    }
  })
})

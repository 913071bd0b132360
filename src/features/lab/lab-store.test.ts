import { describe, expect, it } from 'vitest'
import { MOBILE_KLM } from '@/contract/klm.ts'
import { LAB_STORE_VERSION, migrateLabStore } from './lab-store.ts'

describe('the lab store, saved before the mobile KLM defaults', () => {
  it('replaces the old desktop operator times and keeps the runs, drop-off and speed', () => {
    const saved = {
      runs: [{ id: 'r1' }],
      klm: { k: 0.28, p: 1.1, m: 1.35, s: 1.5 },
      drop: { perStep: 0.05, perSwitch: 0.2 },
      speed: 10,
    }
    expect(LAB_STORE_VERSION).toBe(2)
    expect(migrateLabStore(saved, 1)).toEqual({ ...saved, klm: MOBILE_KLM })
    expect(migrateLabStore(saved, 0)).toMatchObject({ klm: MOBILE_KLM, speed: 10 })
    expect(migrateLabStore(saved, 2)).toEqual(saved)
    expect(migrateLabStore(null, 1)).toEqual({ klm: MOBILE_KLM })
  })
})

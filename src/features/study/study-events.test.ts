import { describe, expect, it } from 'vitest'
import { StudyEventSchema } from '@/contract/study.ts'
import type { LabEvent } from '@/lib/instrument/events.ts'
import { toStudyEvent } from './study-events.ts'

const EVENTS: LabEvent[] = [
  { kind: 'screen', at: 1, screen: '/', app: 'taobao' },
  { kind: 'tap', at: 2, target: 'submit-order', screen: '/', x: 12.5, y: 830, hit: true },
  { kind: 'tap', at: 3, target: 'x'.repeat(120) },
  { kind: 'key', at: 4, target: '1' },
  { kind: 'app', at: 5, from: 'taobao', to: 'wechat', via: 'link' },
  { kind: 'request', at: 6, ms: 12, method: 'POST', path: '/api/pay/payments', status: 201 },
  { kind: 'error', at: 7, source: 'alert', code: 'ALERT', message: 'm'.repeat(900) },
]

describe('toStudyEvent', () => {
  it('gives what the study’s server takes: every phone event valid under StudyEventSchema', () => {
    for (const event of EVENTS) {
      const study = toStudyEvent(event)
      expect(StudyEventSchema.safeParse(study).success).toBe(true)
    }
  })

  it('keeps the fields and the time as they are, adds nothing', () => {
    expect(toStudyEvent(EVENTS[1] as LabEvent)).toEqual(EVENTS[1])
    const withPhone = {
      ...(EVENTS[0] as LabEvent),
      phone: 'lab-jump-shopper',
    } as unknown as LabEvent
    expect(toStudyEvent(withPhone)).toEqual(EVENTS[0])
  })

  it('leaves out the lab’s own marks and a tap place out of bounds', () => {
    expect(toStudyEvent({ kind: 'mark', at: 1, mark: 'start' })).toBeNull()
    expect(toStudyEvent({ kind: 'tap', at: 1, target: 't', x: Number.NaN, y: 3 })).toEqual({
      kind: 'tap',
      at: 1,
      target: 't',
    })
  })
})

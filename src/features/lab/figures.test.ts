import { describe, expect, it } from 'vitest'
import { coveredMs, figuresOf } from './figures.ts'
import type { RunEvent } from './run.ts'

const on = (phone: string, events: RunEvent[]) => events.map((e) => ({ ...e, phone }))

describe('figures of a run', () => {
  it('counts distinct screens, taps, key series, switches, waits and errors', () => {
    const events: RunEvent[] = on('shopper', [
      { kind: 'mark', at: 1000, mark: 'start', phone: '' },
      { kind: 'screen', at: 1000, screen: '/', app: 'taobao', phone: '' },
      { kind: 'tap', at: 2000, target: 'submit-order', phone: '' },
      {
        kind: 'request',
        at: 2000,
        ms: 300,
        method: 'POST',
        path: '/api/orders',
        status: 201,
        phone: '',
      },
      { kind: 'request', at: 2100, ms: 400, method: 'GET', path: '/api/x', status: 200, phone: '' },
      { kind: 'screen', at: 2500, screen: '/?pay', app: 'taobao', phone: '' },
      { kind: 'tap', at: 3000, target: 'Switch apps', phone: '' },
      { kind: 'tap', at: 3500, target: 'WeChat', phone: '' },
      { kind: 'app', at: 3600, from: 'taobao', to: 'wechat', via: 'switcher', phone: '' },
      { kind: 'screen', at: 3600, screen: '/wechat', app: 'wechat', phone: '' },
      { kind: 'key', at: 4000, target: '1', phone: '' },
      { kind: 'key', at: 4100, target: '2', phone: '' },
      { kind: 'tap', at: 4200, target: 'Done', phone: '' },
      { kind: 'key', at: 4300, target: '3', phone: '' },
      { kind: 'app', at: 4400, from: 'wechat', to: 'taobao', via: 'link', phone: '' },
      { kind: 'screen', at: 4400, screen: '/?pay', app: 'taobao', phone: '' },
      { kind: 'error', at: 4500, source: 'api', code: 'ORDER_CLOSED', message: 'x', phone: '' },
      { kind: 'error', at: 4600, source: 'alert', code: 'ALERT', message: 'y', phone: '' },
      { kind: 'mark', at: 6000, mark: 'done', phone: '' },
      // After the done mark: not part of the run.
      { kind: 'tap', at: 9000, target: 'late', phone: '' },
    ])
    expect(figuresOf(events)).toEqual({
      steps: 3,
      taps: 4,
      keystrokes: 3,
      keyRuns: 2,
      appSwitches: 1,
      autoSwitches: 1,
      elapsedMs: 5000,
      waitMs: 500,
      errors: 1,
      apiErrors: 1,
    })
  })

  it('counts the same screen on two phones as two steps', () => {
    const events = [
      ...on('a', [{ kind: 'screen', at: 1, screen: '/', app: 'taobao', phone: '' }]),
      ...on('b', [{ kind: 'screen', at: 2, screen: '/', app: 'taobao', phone: '' }]),
    ]
    expect(figuresOf(events).steps).toBe(2)
    expect(figuresOf([]).elapsedMs).toBe(0)
  })

  it('measures the time covered by overlapping calls once', () => {
    expect(
      coveredMs([
        [0, 10],
        [5, 20],
        [30, 40],
        [32, 35],
      ]),
    ).toBe(30)
    expect(coveredMs([])).toBe(0)
  })
})

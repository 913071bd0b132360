import { describe, expect, it } from 'vitest'
import { isPhonePath, phoneSrc, runIdOf } from './phone-src.ts'

describe('the phone of a task', () => {
  it('runs in the task’s world, reports to its run, speaks the study’s language, in the route’s era', () => {
    const src = phoneSrc({ world: 'w-1', route: 'jump', runId: 't0-abc', lang: 'en' })
    const url = new URL(src, 'http://x')
    expect(url.pathname).toBe('/')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      world: 'w-1',
      lab: 't0-abc',
      lang: 'en',
      device: 't0-abc',
      era: 'launch',
    })
    expect(
      new URL(
        phoneSrc({ world: 'w', route: 'screenshot', runId: 'r', lang: 'zh-CN' }),
        'http://x',
      ).searchParams.get('era'),
    ).toBe('beta')
  })

  it('comes back to where it was after a reload, never to a page outside the phone', () => {
    const back = phoneSrc({
      world: 'w',
      route: 'jump',
      runId: 'r',
      lang: 'zh-CN',
      resumeAt: '/wechat/pay?pr=w.t&from=taobao',
    })
    expect(back.startsWith('/wechat/pay?pr=w.t&from=taobao&')).toBe(true)
    expect(new URL(back, 'http://x').searchParams.get('world')).toBe('w')
    expect(isPhonePath('//evil.example/')).toBe(false)
    expect(isPhonePath('/study/s1')).toBe(false)
    expect(isPhonePath('/lab')).toBe(false)
    expect(isPhonePath('/orders')).toBe(true)
  })

  it('names runs the recorder accepts', () => {
    for (const id of ['p_1', 'a.b/c', 'x'.repeat(60), '']) {
      expect(runIdOf(id, 3)).toMatch(/^[A-Za-z0-9_-]{1,32}$/)
    }
    expect(runIdOf('p1', 0)).not.toBe(runIdOf('p1', 1))
  })
})

import { describe, expect, it } from 'vitest'
import { inPlaceGuard, pushedGuard } from './cashier-entry.ts'
import { depthOf, entryOf, historyMove, stepEntry, unwindOf } from './step-history.ts'

describe('the cashier in the browser history', () => {
  it('reads its own marks and nothing else', () => {
    expect(entryOf(pushedGuard())).toEqual({ cashier: 'guard', pushed: true })
    expect(entryOf(stepEntry(1, false))).toEqual({ cashier: 'step', depth: 1, pushed: false })
    expect(entryOf(null)).toBeNull()
    expect(entryOf({ cashier: 'step' })).toBeNull()
    expect(entryOf({ idx: 3 })).toBeNull()
  })

  it('gives each step of the cashier an entry of its own, the list none beyond its own', () => {
    expect(depthOf({ kind: 'choosing', problem: null })).toBe(0)
    expect(depthOf({ kind: 'password', tries: 0, busy: false, problem: null })).toBe(1)
    expect(depthOf({ kind: 'jump', payToken: 't' })).toBe(0)
    expect(depthOf({ kind: 'closed' })).toBe(0)
  })

  it('Back from a step goes one step back; Back from the list asks to stay', () => {
    expect(historyMove(stepEntry(0, false), 1, true)).toEqual({ kind: 'back' })
    expect(historyMove(inPlaceGuard(), 0, true)).toEqual({ kind: 'retain' })
  })

  it('a step the flow opens is pushed; one it leaves by itself is popped', () => {
    expect(historyMove(stepEntry(0, true), 1, false)).toEqual({ kind: 'push', depth: 1 })
    expect(historyMove(stepEntry(1, true), 0, false)).toEqual({ kind: 'pop', count: 1 })
    expect(historyMove(inPlaceGuard(), 0, false)).toEqual({ kind: 'push', depth: 0 })
    expect(historyMove(stepEntry(1, false), 1, true)).toEqual({ kind: 'none' })
  })

  it('Forward into a step the flow has left only corrects the entry', () => {
    expect(historyMove(stepEntry(1, false), 0, true)).toEqual({ kind: 'replace', depth: 0 })
  })

  it('unwinds to the guard when paid, and past a pushed guard when left', () => {
    expect(unwindOf(stepEntry(1, true), 'paid')).toEqual({ back: 2, replace: true })
    expect(unwindOf(stepEntry(1, true), 'left')).toEqual({ back: 3, replace: false })
    expect(unwindOf(stepEntry(0, false), 'left')).toEqual({ back: 1, replace: true })
    expect(unwindOf(null, 'left')).toEqual({ back: 0, replace: true })
  })
})

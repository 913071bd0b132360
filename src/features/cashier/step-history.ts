import type { CashierEntry } from './cashier-entry.ts'
import type { View } from './flow-state.ts'

/**
 * The cashier's place in the browser's history (kept in each entry's state), so Back behaves as on
 * Taobao: one step back at a time, and from the method list "确定要放弃付款吗？" instead of leaving.
 *
 *   … | guard | list (0) | step (1)
 *
 * The guard is the entry the cashier was opened over, with `?pay=` still in it: Back from the list lands
 * there, the cashier stays on screen and asks to stay. It was either pushed by the screen that opened
 * the cashier (去支付 on my orders: the entry below it is that screen) or made in place (the order
 * page's own entry, a link opened directly).
 *
 * The marks themselves are in cashier-entry.ts.
 */

/** A step's mark: how deep it is, and how its guard was made. */
export function stepEntry(depth: number, pushed: boolean): CashierEntry {
  return { cashier: 'step', depth, pushed }
}

/** The entry's mark, if it is one of the cashier's. */
export function entryOf(state: unknown): CashierEntry | null {
  if (typeof state !== 'object' || state === null || !('cashier' in state)) return null
  const pushed = 'pushed' in state && state.pushed === true
  if (state.cashier === 'guard') return { cashier: 'guard', pushed }
  if (state.cashier === 'step' && 'depth' in state && typeof state.depth === 'number') {
    return { cashier: 'step', depth: state.depth, pushed }
  }
  return null
}

/** How deep the view is: its own history entry above the list, or none. */
export function depthOf(view: View): number {
  switch (view.kind) {
    case 'password':
    case 'locked':
    case 'scan':
    case 'unionpay':
    case 'friend':
      return 1
    default:
      return 0
  }
}

/** What to do when the entry or the view changed (`moved`: the browser moved, else the flow did). */
export type HistoryMove =
  | { kind: 'none' }
  /** Back onto the guard: ask to stay (CLOSE), on a list entry pushed again. */
  | { kind: 'retain' }
  /** Back from a step: the flow goes one step back. */
  | { kind: 'back' }
  /** The flow went deeper: a new entry. */
  | { kind: 'push'; depth: number }
  /** The flow came back by itself (a failure, its own back button): its entries go. */
  | { kind: 'pop'; count: number }
  /** Forward into a step the flow cannot re-enter: the entry says where it is instead. */
  | { kind: 'replace'; depth: number }

export function historyMove(
  entry: CashierEntry | null,
  depth: number,
  moved: boolean,
): HistoryMove {
  if (!entry) return { kind: 'none' }
  if (entry.cashier === 'guard') return moved ? { kind: 'retain' } : { kind: 'push', depth: 0 }
  if (entry.depth === depth) return { kind: 'none' }
  if (moved) return entry.depth < depth ? { kind: 'back' } : { kind: 'replace', depth }
  return entry.depth < depth ? { kind: 'push', depth } : { kind: 'pop', count: entry.depth - depth }
}

/**
 * How far back the cashier's own entries end. Paid: to the guard (the result takes its place). Left:
 * to the screen that opened it if that screen pushed the guard, else to the guard (the host puts the
 * screen it closes to in its place). `replace`: whether the host's navigation then replaces that entry.
 */
export function unwindOf(
  entry: CashierEntry | null,
  end: 'paid' | 'left',
): { back: number; replace: boolean } {
  if (!entry) return { back: 0, replace: true }
  const above = entry.cashier === 'step' ? entry.depth + 1 : 0
  if (end === 'left' && entry.pushed) return { back: above + 1, replace: false }
  return { back: above, replace: true }
}

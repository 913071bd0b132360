import type { Failure } from '@/lib/failure.ts'
import type { CashierNext, CashierState } from './flow-state.ts'

/**
 * The order is another persona's (ORDER_OF_OTHER_PERSONA: the simulator's persona was switched while it
 * was on screen): the cashier says whose and offers to switch back, never "closed". Nothing else to do.
 */
export function foreign(state: CashierState, error: Failure): CashierNext {
  const owner = error.owner ?? { persona: '', nickname: '' }
  return { state: { ...state, view: { kind: 'foreign', owner }, retaining: false, reset: null } }
}

// The cashier's flow (src/features/cashier/flow.ts) driven by hand, for its tests: from its opening, or
// from a state, through events, collecting what it asks for.
import type { PaymentMethodId } from '../../src/contract/payment.ts'
import type { CashierEvent, CashierState } from '../../src/features/cashier/flow-state.ts'
import { initialCashier, step } from '../../src/features/cashier/flow.ts'
import { EMPTY_RESUME, type Resume } from '../../src/features/cashier/resume.ts'
import { cashier, fold, ORDER_ID } from './flows.ts'

/** The cashier as it opens on this phone, with what it kept for a reload. */
export const open = (resume: Resume = EMPTY_RESUME) => initialCashier(ORDER_ID, resume)

/** From `state`, through `events`. */
export const go = (state: CashierState, ...events: CashierEvent[]) =>
  fold(step, { state }, ...events)

/** The cashier with the gateway's list of the era on screen (and then `events`). */
export const listed = (era: 'beta' | 'launch' = 'beta', ...events: CashierEvent[]) =>
  fold(step, open(), { type: 'LIST_LOADED', round: 0, cashier: cashier(era) }, ...events).state

/** `method` tapped, then 确认付款 (the key the hook would stamp: `k1`). */
export const confirmed = (method: PaymentMethodId, era: 'beta' | 'launch' = 'beta') =>
  go(listed(era), { type: 'PICK', method }, { type: 'CONFIRM', key: 'k1' })

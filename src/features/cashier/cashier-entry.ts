/**
 * The marks the cashier leaves on the browser's history entries (react-router's `state`), laid out in
 * step-history.ts. The screens that open the cashier set its guard with these. A file of its own because
 * the order page sets one from the first chunk; the rest of the cashier's history loads with the cashier.
 */
export type CashierEntry =
  | { cashier: 'guard'; pushed: boolean }
  /** `pushed`: the guard's, carried up so a reload on a step still knows how to leave. */
  | { cashier: 'step'; depth: number; pushed: boolean }

/** How the screens that open the cashier mark the entry they push (react-router's `state`). */
export function pushedGuard(): CashierEntry {
  return { cashier: 'guard', pushed: true }
}

/** The order page's entry, turned into the cashier of the order it just placed (no way back to the cart). */
export function inPlaceGuard(): CashierEntry {
  return { cashier: 'guard', pushed: false }
}

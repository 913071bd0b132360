import type { CreateFriendRequestBody, FriendRequest } from '@/contract/friend-pay.ts'
import type { Checkout } from '@/contract/order.ts'
import type {
  Cashier,
  CreatePaymentBody,
  PasswordRealm,
  Payment,
  PaySheet,
} from '@/contract/payment.ts'
import { answering, type Perform } from '@/lib/machine.ts'
import type { CashierEffect, CashierEvent, LazyStep } from './flow-state.ts'
import type { Resume } from './resume.ts'

/** The gateway's and the merchant's calls the cashier makes (lib/api; fakes in the tests). */
export interface CashierApi {
  fetchCashier(orderId: string, signal: AbortSignal): Promise<Cashier>
  createPayment(body: CreatePaymentBody, idempotencyKey: string): Promise<Payment>
  confirmPayment(paymentId: string, password: string): Promise<Payment>
  fetchPayment(paymentId: string, signal: AbortSignal): Promise<Payment>
  openPaySheet(token: string): Promise<PaySheet>
  confirmPaySheet(token: string, password: string): Promise<Payment>
  /** The checkout as a whole (by its id or an order's): paid once each of its orders is. */
  fetchCheckout(orderId: string, signal: AbortSignal): Promise<Checkout>
  fetchFriendRequests(orderId: string, signal: AbortSignal): Promise<FriendRequest[]>
  createFriendRequest(body: CreateFriendRequestBody, idempotencyKey: string): Promise<FriendRequest>
  cancelFriendRequest(token: string): Promise<FriendRequest>
  /** 忘记密码？'s simulated reset. */
  resetPassword(realm: PasswordRealm): Promise<unknown>
}

/** Everything the cashier's effects reach: the API, this phone's storage and screens, the host. */
export interface CashierDeps {
  orderId: string
  api: CashierApi
  /** Writes the persisted slice (cashier-store.ts). */
  save(resume: Resume): void
  /** Loads a step's code (and words); rejects if it cannot. */
  loadStep(step: LazyStep): Promise<void>
  copy(text: string): Promise<boolean>
  /** The code on screen as an image into the phone's album (and a download). */
  saveCode(payment: Payment): Promise<void>
  newKey(): string
  /** The result page takes over. */
  finish(): void
  /** The shopper left the cashier. */
  leave(): void
  navigate(path: string): void
}

/** Does what the cashier's flow asks for, and answers with events. */
export function performCashier(deps: CashierDeps): Perform<CashierEvent, CashierEffect> {
  const { api, orderId } = deps
  return (effect, send, signal) => {
    const answer = answering(send)
    switch (effect.kind) {
      case 'loadList': {
        const { round } = effect
        return answer(
          api.fetchCashier(orderId, signal),
          (cashier) => ({ type: 'LIST_LOADED', round, cashier }),
          (error) => ({ type: 'LIST_FAILED', round, error }),
        )
      }
      case 'loadStep':
        return answer(
          deps.loadStep(effect.step),
          () => ({ type: 'STEP_LOADED', step: effect.step, ok: true }),
          () => ({ type: 'STEP_LOADED', step: effect.step, ok: false }),
        )
      case 'save':
        return deps.save(effect.resume)
      case 'create': {
        const { purpose } = effect
        return answer(
          api.createPayment(effect.body, effect.key),
          (payment) => ({ type: 'CREATED', purpose, payment }),
          (error) => ({ type: 'CREATE_FAILED', purpose, error }),
        )
      }
      case 'confirm':
        return answer(
          api.confirmPayment(effect.paymentId, effect.password),
          (payment) => ({ type: 'CONFIRMED', payment }),
          (error) => ({ type: 'CONFIRM_FAILED', error, key: deps.newKey() }),
        )
      case 'fetchPayment':
        return answer(
          api.fetchPayment(effect.paymentId, signal),
          (payment) => ({ type: 'PAYMENT_FETCHED', payment }),
          (error) => ({ type: 'PAYMENT_FETCH_FAILED', error }),
        )
      case 'openSheet':
        return answer(
          api.openPaySheet(effect.token),
          (sheet) => ({ type: 'UP_OPENED', sheet }),
          (error) => ({ type: 'UP_OPEN_FAILED', error }),
        )
      case 'confirmSheet':
        return answer(
          api.confirmPaySheet(effect.token, effect.password),
          () => ({ type: 'UP_CONFIRMED' }),
          (error) => ({ type: 'UP_CONFIRM_FAILED', error }),
        )
      case 'checkOrder':
        // No answer is no proof of payment.
        return answer(
          api.fetchCheckout(orderId, signal),
          (order) => ({ type: 'JUMP_CHECKED', paid: order.status === 'PAID' }),
          () => ({ type: 'JUMP_CHECKED', paid: false }),
        )
      case 'fetchRequests':
        return answer(
          api.fetchFriendRequests(orderId, signal),
          (requests) => ({ type: 'REQUESTS_FETCHED', requests }),
          () => ({ type: 'REQUESTS_FETCHED', requests: [] }),
        )
      case 'share':
        return answer(
          api.createFriendRequest(
            { orderId, message: effect.message, via: effect.via },
            effect.key,
          ),
          (request) => ({ type: 'SHARED', request }),
          (error) => ({ type: 'SHARE_FAILED', error }),
        )
      case 'cancelRequest':
        return answer(
          api.cancelFriendRequest(effect.token),
          (request) => ({ type: 'REQUEST_CANCELLED', request }),
          (error) => ({ type: 'CANCEL_FAILED', error }),
        )
      case 'copy':
        return answer(
          deps.copy(effect.text),
          (ok) => ({ type: 'COPIED', ok }),
          () => ({ type: 'COPIED', ok: false }),
        )
      case 'saveCode':
        return answer(
          deps.saveCode(effect.payment),
          () => ({ type: 'CODE_SAVED', ok: true }),
          () => ({ type: 'CODE_SAVED', ok: false }),
        )
      case 'navigate':
        return deps.navigate(effect.path)
      case 'finish':
        return deps.finish()
      case 'leave':
        return deps.leave()
      case 'resetPassword':
        return answer(
          api.resetPassword(effect.realm),
          () => ({ type: 'RESET_DONE' }),
          (error) => ({ type: 'RESET_FAILED', error }),
        )
    }
  }
}

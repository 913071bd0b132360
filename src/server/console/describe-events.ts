import type { ConsoleRefs } from '../../contract/console.ts'
import type { DomainEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import { isAlipayEvent } from '../domain/alipay/events.ts'
import type { WechatpayEvent } from '../domain/wechatpay/events.ts'
import type { Described, NewEntry } from './entry.ts'
import { yuan } from './entry.ts'
import { describeAlipay, describeWechatpay } from './describe-sandboxes.ts'

/** The event's own time, where it carries one (a replayed event is shown at it). */
export function eventTime(event: DomainEvent): number | null {
  const at =
    'at' in event && typeof event.at === 'string'
      ? event.at
      : event.type === 'order.created'
        ? event.order.createdAt
        : event.type === 'payment.created'
          ? event.payment.createdAt
          : event.type === 'order.refunded'
            ? event.refund.at
            : null
  const ms = at === null ? NaN : Date.parse(at)
  return Number.isNaN(ms) ? null : ms
}

/** Taobao's own events: orders, payments, pay-for-me requests, passwords, settings, fixtures. */
function describeTaobao(event: DomainEvent, state: State): Described | null {
  const { merchant, gateway } = state
  const ofPayment = (paymentId: string): ConsoleRefs => {
    const payment = gateway.payments.get(paymentId)
    return payment
      ? {
          paymentId,
          orderId: payment.orderId,
          ...(payment.payToken ? { token: payment.payToken } : {}),
        }
      : { paymentId }
  }
  const personaOf = (orderId: string) => merchant.orders.get(orderId)?.persona
  /** An order of several shops' names its checkout too (whose page tells the whole payment). */
  const checkoutOf = (orderId: string): { checkoutId?: string } => {
    const checkoutId = merchant.orders.get(orderId)?.checkoutId
    return checkoutId && checkoutId !== orderId ? { checkoutId } : {}
  }
  switch (event.type) {
    case 'order.created': {
      const { order } = event
      return {
        summary: `order ${order.id} placed by ${order.persona}: ${yuan(order.totalFen)}, due by ${order.deadlineAt}`,
        refs: { orderId: order.id, ...checkoutOf(order.id), persona: order.persona },
      }
    }
    case 'order.closed':
      return {
        summary: `order ${event.orderId} closed (${event.reason === 'TIMEOUT' ? 'its deadline passed' : 'cancelled'})`,
        refs: {
          orderId: event.orderId,
          ...checkoutOf(event.orderId),
          persona: personaOf(event.orderId),
        },
      }
    case 'order.paid':
      return {
        summary: `order ${event.orderId} paid (${event.method}, payment ${event.paymentId}): the merchant was told`,
        refs: {
          orderId: event.orderId,
          ...checkoutOf(event.orderId),
          paymentId: event.paymentId,
          transactionId: event.transactionId,
          persona: personaOf(event.orderId),
        },
      }
    case 'order.refunded': {
      const { refund } = event
      return {
        summary: `order ${refund.orderId} refunded ${yuan(refund.amountFen)} to ${refund.payer} (${yuan(refund.refundedFen)} in all${refund.full ? ': in full, REFUNDED' : ''})`,
        refs: {
          orderId: refund.orderId,
          paymentId: refund.paymentId,
          refundId: refund.id,
          persona: refund.payer,
        },
      }
    }
    case 'payment.created': {
      const { payment } = event
      return {
        summary: `payment ${payment.id} opened for order ${payment.orderId}: ${payment.method}, ${yuan(payment.amountFen)}`,
        refs: {
          ...ofPayment(payment.id),
          orderId: payment.orderId,
          persona: payment.owner,
          ...(payment.payToken ? { token: payment.payToken } : {}),
        },
      }
    }
    case 'payment.opened':
      return {
        summary: `the pay sheet of payment ${event.paymentId} was opened by ${event.by}`,
        refs: { ...ofPayment(event.paymentId), persona: event.by },
      }
    case 'payment.closed':
      return {
        summary: `payment ${event.paymentId} closed (${event.reason})`,
        refs: ofPayment(event.paymentId),
      }
    case 'payment.succeeded':
      return {
        summary: `payment ${event.paymentId} succeeded: ${yuan(event.amountFen)} from ${event.payer}'s ${event.source}`,
        refs: {
          ...ofPayment(event.paymentId),
          transactionId: event.transactionId,
          persona: event.payer,
        },
      }
    case 'payment.refunded':
      return {
        summary: `payment ${event.paymentId} refunded: its order had closed before the money landed`,
        refs: ofPayment(event.paymentId),
      }
    case 'password.failed':
      return {
        summary:
          event.lockedUntilMs === null
            ? `wrong ${event.realm} password for ${event.persona} (${event.failedTries} in a row)`
            : `${event.persona}'s ${event.realm} password locked until ${new Date(event.lockedUntilMs).toISOString()} after ${event.failedTries} wrong tries`,
        refs: { persona: event.persona },
      }
    case 'password.reset':
      return {
        summary: `${event.persona}'s ${event.realm} password tries and lock were cleared`,
        refs: { persona: event.persona },
      }
    case 'friend.requested': {
      const { request } = event
      return {
        summary: `${request.requester} asked a friend to pay order ${request.orderId} (${yuan(request.amountFen)}, via ${request.via})`,
        refs: { orderId: request.orderId, token: request.token, persona: request.requester },
      }
    }
    case 'friend.ended': {
      const request = gateway.friendRequests.get(event.token)
      return {
        summary: `the pay-for-me request ${event.token.slice(0, 12)}… ended: ${event.status} (${event.reason})`,
        refs: {
          token: event.token,
          ...(request ? { orderId: request.orderId } : {}),
          ...(event.paymentId ? { paymentId: event.paymentId } : {}),
          persona: event.payer ?? request?.requester,
        },
      }
    }
    case 'settings.changed':
      return { summary: 'the gateway settings changed (Huabei fee rates)', refs: {} }
    case 'fixture.wallet':
      return {
        summary: `${event.persona}'s balances were set (${Object.keys(event.wallet).join(', ')})`,
        refs: { persona: event.persona },
      }
    case 'fixture.stock':
      return { summary: `the stock of ${event.skuId} was set to ${event.stock}`, refs: {} }
    default:
      return null
  }
}

const isWechatpayEvent = (event: DomainEvent): event is WechatpayEvent =>
  event.type.startsWith('wechatpay.')

/** Refs without the ids that are absent (so a filter never meets `undefined`). */
function present(refs: ConsoleRefs): ConsoleRefs {
  const kept: ConsoleRefs = {}
  for (const [key, value] of Object.entries(refs) as [keyof ConsoleRefs, string | undefined][]) {
    if (value) kept[key] = value
  }
  return kept
}

/** An event the store folded, as a console entry (`state`: as it stands after it). */
export function describeEvent(event: DomainEvent, state: State, at: string): NewEntry {
  const described: Described =
    describeTaobao(event, state) ??
    (isAlipayEvent(event)
      ? describeAlipay(event, state.alipay)
      : isWechatpayEvent(event)
        ? describeWechatpay(event, state.wechatpay)
        : { summary: event.type, refs: {} })
  return {
    at,
    kind: 'event',
    type: event.type,
    summary: described.summary,
    refs: present(described.refs),
    detail: event,
  }
}

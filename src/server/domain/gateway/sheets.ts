import type { PaySheet } from '../../../contract/payment.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import { accept, iso, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import type { GatewayState, PaymentRecord } from '../state.ts'
import { CHANNELS, PAYEE, SOURCES } from './channels.ts'

// The pay sheets of other apps: WeChat's after a jump or a scanned code, UnionPay's after a jump. A token
// opens them; the scanned code's is open to whoever scans it, the others only to the shopper who jumped.

/** The payment behind a sheet token, as `persona` may see it. */
export function sheetPayment(
  state: GatewayState,
  token: string,
  persona: PersonaId,
  now: number,
): Decision<PaymentRecord> {
  const id = state.paymentByToken.get(token)
  const payment = id === undefined ? undefined : state.payments.get(id)
  if (!payment || (CHANNELS[payment.method].payer === 'owner' && payment.owner !== persona)) {
    return refuse('NOT_FOUND', 'no such pay sheet')
  }
  const codeEnd = payment.codeExpiresAt ? Date.parse(payment.codeExpiresAt) : Infinity
  if (codeEnd <= now && payment.status !== 'SUCCESS' && payment.status !== 'REFUND') {
    return refuse('LINK_EXPIRED', 'the pay code has expired: refresh it at the cashier')
  }
  return accept(payment)
}

/** What the sheet shows the persona looking at it: amount, payee, their sources with balances. */
export function sheetView(
  state: GatewayState,
  token: string,
  persona: PersonaId,
  now: number,
): Decision<PaySheet> {
  const found = sheetPayment(state, token, persona, now)
  if (!found.ok) return found
  const p = found.value
  if (p.method !== 'wechat' && p.method !== 'wechat-scan' && p.method !== 'unionpay') {
    return refuse('NOT_FOUND', 'no such pay sheet')
  }
  const wallet = state.accounts[persona].wallet
  return accept({
    token,
    paymentId: p.id,
    orderId: p.orderId,
    method: p.method,
    status: p.status,
    amountFen: p.amountFen,
    payee: PAYEE,
    description: p.description,
    ...(p.goods ? { goods: p.goods } : {}),
    expiresAt: p.codeExpiresAt ?? p.expiresAt,
    payer: p.payer,
    sources: CHANNELS[p.method].sources.map((id) => {
      const spec = SOURCES[id]
      const balanceFen = wallet[spec.wallet]
      return { id, balanceFen, card: spec.card, enabled: balanceFen >= p.amountFen }
    }),
  })
}

/** The sheet opened (the code scanned, the jump landed): the payment waits for the payer, USERPAYING. */
export function openSheet(
  state: GatewayState,
  token: string,
  persona: PersonaId,
  now: number,
): Decision<PaySheet> {
  const view = sheetView(state, token, persona, now)
  if (!view.ok || view.value.status !== 'NOTPAY' || Date.parse(view.value.expiresAt) <= now) {
    return view
  }
  return accept({ ...view.value, status: 'USERPAYING' }, [
    { type: 'payment.opened', paymentId: view.value.paymentId, by: persona, at: iso(now) },
  ])
}

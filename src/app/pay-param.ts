/** `?pay=<orderId>` on any route opens the cashier for that order. */
export const PAY_PARAM = 'pay'

export function withPay(search: URLSearchParams, orderId: string | null): URLSearchParams {
  const next = new URLSearchParams(search)
  if (orderId) next.set(PAY_PARAM, orderId)
  else next.delete(PAY_PARAM)
  return next
}

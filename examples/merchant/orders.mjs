// The shop's orders, in memory. `paid` is set only by a verified notification or the shop's own query.
import { randomBytes } from 'node:crypto'

export const PRODUCT = {
  title: '手冲咖啡豆 200g',
  titleEn: 'Pour-over coffee beans, 200 g',
  amountFen: 5900,
}

const orders = new Map()

export function newOrder(provider, method) {
  const id = `EX${Date.now()}${randomBytes(3).toString('hex').toUpperCase()}`
  const order = {
    id,
    provider,
    method,
    description: PRODUCT.title,
    amountFen: PRODUCT.amountFen,
    paid: false,
  }
  orders.set(id, order)
  return order
}

export const findOrder = (id) => orders.get(id)

export function markPaid(id) {
  const order = orders.get(id)
  if (order) order.paid = true
  return order
}

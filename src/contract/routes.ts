/**
 * Every HTTP route of the API, once: its name, method and path under `/api`. The server mounts exactly
 * these (with the schemas of `route-schemas.ts`, keyed by the same names), the OpenAPI document lists
 * exactly these, and the browser calls them by name. This half is free of zod, so the first screen's
 * JavaScript carries only paths; the schemas load on demand. docs/decisions/005-route-table.md.
 */
export const ROUTES = {
  health: { method: 'GET', path: '/health' },
  openapi: { method: 'GET', path: '/openapi.json' },

  catalog: { method: 'GET', path: '/shop/catalog' },
  createOrder: { method: 'POST', path: '/shop/orders' },
  listOrders: { method: 'GET', path: '/shop/orders' },
  getOrder: { method: 'GET', path: '/shop/orders/:orderId' },
  orderEvents: { method: 'GET', path: '/shop/orders/:orderId/events' },

  cashier: { method: 'GET', path: '/pay/cashier' },
  createPayment: { method: 'POST', path: '/pay/payments' },
  getPayment: { method: 'GET', path: '/pay/payments/:paymentId' },
  confirmPayment: { method: 'POST', path: '/pay/payments/:paymentId/confirm' },
  getSheet: { method: 'GET', path: '/pay/sheets/:token' },
  openSheet: { method: 'POST', path: '/pay/sheets/:token/open' },
  confirmSheet: { method: 'POST', path: '/pay/sheets/:token/confirm' },
  wallet: { method: 'GET', path: '/pay/wallet' },
  bills: { method: 'GET', path: '/pay/bills' },

  createFriendRequest: { method: 'POST', path: '/pay/friend-requests' },
  listFriendRequests: { method: 'GET', path: '/pay/friend-requests' },
  friendRequestEvents: { method: 'GET', path: '/pay/friend-requests/:token/events' },
  getFriendRequest: { method: 'GET', path: '/pay/friend-requests/:token' },
  payFriendRequest: { method: 'POST', path: '/pay/friend-requests/:token/pay' },
  cancelFriendRequest: { method: 'POST', path: '/pay/friend-requests/:token/cancel' },

  testReset: { method: 'POST', path: '/__test/reset' },
  testClock: { method: 'POST', path: '/__test/clock' },
  testFaults: { method: 'GET', path: '/__test/faults' },
  testSetFaults: { method: 'POST', path: '/__test/faults' },
  testSettings: { method: 'GET', path: '/__test/settings' },
  testSetSettings: { method: 'POST', path: '/__test/settings' },
  testWallets: { method: 'POST', path: '/__test/wallets' },
  testStock: { method: 'POST', path: '/__test/stock' },
  testState: { method: 'GET', path: '/__test/state' },
  testCreateWorld: { method: 'POST', path: '/__test/worlds' },
  testListWorlds: { method: 'GET', path: '/__test/worlds' },
  testDeleteWorld: { method: 'DELETE', path: '/__test/worlds/:world' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'DELETE'; path: string }>

export type RouteName = keyof typeof ROUTES

/** Where the API is mounted. */
export const API_BASE = '/api'

/** The names of a path's `:params`, as a type: `'orderId'` for `/shop/orders/:orderId/events`. */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never

export type RouteParams<N extends RouteName> = Record<
  ParamNames<(typeof ROUTES)[N]['path']>,
  string
>

/** The path of a route under `/api`, its params filled in (encoded): `/shop/orders/o1/events`. */
export function routePath<N extends RouteName>(name: N, params: RouteParams<N>): string {
  const values = params as Record<string, string>
  return ROUTES[name].path.replace(/:(\w+)/g, (_, key: string) => {
    const value = values[key]
    if (value === undefined) throw new Error(`route ${name}: no value for :${key}`)
    return encodeURIComponent(value)
  })
}

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
  addAddress: { method: 'POST', path: '/shop/addresses' },
  cancelOrder: { method: 'POST', path: '/shop/orders/:orderId/cancel' },
  getCheckout: { method: 'GET', path: '/shop/checkouts/:checkoutId' },

  cashier: { method: 'GET', path: '/pay/cashier' },
  createPayment: { method: 'POST', path: '/pay/payments' },
  getPayment: { method: 'GET', path: '/pay/payments/:paymentId' },
  confirmPayment: { method: 'POST', path: '/pay/payments/:paymentId/confirm' },
  getSheet: { method: 'GET', path: '/pay/sheets/:token' },
  openSheet: { method: 'POST', path: '/pay/sheets/:token/open' },
  confirmSheet: { method: 'POST', path: '/pay/sheets/:token/confirm' },
  wallet: { method: 'GET', path: '/pay/wallet' },
  bills: { method: 'GET', path: '/pay/bills' },
  merchantSheet: { method: 'GET', path: '/pay/merchant-sheets/:token' },
  confirmMerchantSheet: { method: 'POST', path: '/pay/merchant-sheets/:token/confirm' },
  verifyBrandPay: { method: 'POST', path: '/pay/brand-pay-requests' },
  resetPassword: { method: 'POST', path: '/pay/password/reset' },

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
  testWechatpayKeys: { method: 'GET', path: '/__test/wechatpay/keys' },
  testWechatpayMerchant: { method: 'POST', path: '/__test/wechatpay/merchants' },
  testWechatpayPay: { method: 'POST', path: '/__test/wechatpay/pay' },

  // The console (docs/console.md): one world's timeline, its objects, exports; its actions are test routes.
  consoleTimeline: { method: 'GET', path: '/console/timeline' },
  consoleEvents: { method: 'GET', path: '/console/events' },
  consoleObject: { method: 'GET', path: '/console/objects/:kind/:id' },
  consoleExportNdjson: { method: 'GET', path: '/console/export.ndjson' },
  consoleExportHar: { method: 'GET', path: '/console/export.har' },
  testResendNotification: { method: 'POST', path: '/__test/notifications/:id/resend' },
  testMerchantFailNext: { method: 'POST', path: '/__test/merchants/:id/fail-next' },
  testRefundOrder: { method: 'POST', path: '/__test/orders/:orderId/refund' },
  testCloseOrder: { method: 'POST', path: '/__test/orders/:orderId/close' },

  // WeChat chats (docs/chats.md): the world's messages between the personas' phones, live per persona.
  chat: { method: 'GET', path: '/chat' },
  sendChatMessage: { method: 'POST', path: '/chat/messages' },
  sendChatImage: { method: 'POST', path: '/chat/images' },
  chatImage: { method: 'GET', path: '/chat/images/:imageId' },
  chatEvents: { method: 'GET', path: '/chat/events' },

  // Studies with real people (docs/studies.md): made in /lab, joined at /study/:studyId. The owner's
  // routes take the owner's key (`?key=` or `x-study-key`); loopback callers may leave it out.
  createStudy: { method: 'POST', path: '/lab/studies' },
  getStudy: { method: 'GET', path: '/lab/studies/:studyId' },
  deleteStudy: { method: 'DELETE', path: '/lab/studies/:studyId' },
  studyResults: { method: 'GET', path: '/lab/studies/:studyId/results' },
  studyParticipantsCsv: { method: 'GET', path: '/lab/studies/:studyId/participants.csv' },
  studyEventsNdjson: { method: 'GET', path: '/lab/studies/:studyId/events.ndjson' },
  studyReport: { method: 'GET', path: '/lab/studies/:studyId/report.html' },
  studyScreenImage: { method: 'GET', path: '/lab/studies/:studyId/screens/:imageId' },
  joinStudy: { method: 'POST', path: '/lab/studies/:studyId/participants' },
  getParticipant: { method: 'GET', path: '/lab/studies/:studyId/participants/:participantId' },
  deleteParticipant: {
    method: 'DELETE',
    path: '/lab/studies/:studyId/participants/:participantId',
  },
  sendStudyEvents: {
    method: 'POST',
    path: '/lab/studies/:studyId/participants/:participantId/events',
  },
  quitStudy: { method: 'POST', path: '/lab/studies/:studyId/participants/:participantId/quit' },
  sendStudyScreen: {
    method: 'POST',
    path: '/lab/studies/:studyId/participants/:participantId/screens',
  },

  // The Alipay sandbox's /api side: the simulated cashier and 支付宝 app, and the test API (docs/alipay.md).
  alipayTrade: { method: 'GET', path: '/alipay/trades/:token' },
  alipayOpenTrade: { method: 'POST', path: '/alipay/trades/:token/open' },
  alipayPayTrade: { method: 'POST', path: '/alipay/trades/:token/pay' },
  testAlipayKeys: { method: 'GET', path: '/__test/alipay/keys' },
  testAlipayApp: { method: 'POST', path: '/__test/alipay/apps' },
  testAlipayScan: { method: 'POST', path: '/__test/alipay/scan' },
  testAlipayPay: { method: 'POST', path: '/__test/alipay/pay' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'DELETE'; path: string }>

export type RouteName = keyof typeof ROUTES

/** Where the API is mounted. */
export const API_BASE = '/api'

/**
 * WeChat Pay's APIv3, at the server's root where WeChat has it (SDKs sign the path, so it cannot live
 * under /api): the second table, mounted, validated and documented by the same code as the first.
 * docs/wechatpay.md, docs/decisions/006-wechatpay-sandbox.md.
 */
export const V3_ROUTES = {
  v3Native: { method: 'POST', path: '/pay/transactions/native' },
  v3H5: { method: 'POST', path: '/pay/transactions/h5' },
  v3Jsapi: { method: 'POST', path: '/pay/transactions/jsapi' },
  v3App: { method: 'POST', path: '/pay/transactions/app' },
  v3QueryByOutTradeNo: { method: 'GET', path: '/pay/transactions/out-trade-no/:out_trade_no' },
  v3QueryById: { method: 'GET', path: '/pay/transactions/id/:transaction_id' },
  v3Close: { method: 'POST', path: '/pay/transactions/out-trade-no/:out_trade_no/close' },
  v3Refund: { method: 'POST', path: '/refund/domestic/refunds' },
  v3RefundQuery: { method: 'GET', path: '/refund/domestic/refunds/:out_refund_no' },
  v3Certificates: { method: 'GET', path: '/certificates' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string }>

export type V3RouteName = keyof typeof V3_ROUTES

/** Where WeChat Pay's APIv3 is mounted. */
export const V3_BASE = '/v3'

/**
 * Alipay's OpenAPI, at the server's root where Alipay has it (the SDK signs v3's path; v2's gateway is
 * one URL): the third table, mounted by the same code (`/v3/alipay/...` is Alipay's, not WeChat's).
 * docs/alipay.md, docs/decisions/007-alipay-sandbox.md.
 */
export const ALIPAY_ROUTES = {
  alipayGateway: { method: 'POST', path: '/gateway.do' },
  alipayGatewayGet: { method: 'GET', path: '/gateway.do' },
  alipayV3Precreate: { method: 'POST', path: '/v3/alipay/trade/precreate' },
  alipayV3Query: { method: 'POST', path: '/v3/alipay/trade/query' },
  alipayV3Close: { method: 'POST', path: '/v3/alipay/trade/close' },
  alipayV3Refund: { method: 'POST', path: '/v3/alipay/trade/refund' },
} as const satisfies Record<string, { method: 'GET' | 'POST'; path: string }>

export type AlipayRouteName = keyof typeof ALIPAY_ROUTES

/** Alipay's v2 gateway, and the prefix of its v3 (which WeChat's /v3 must leave alone). */
export const ALIPAY_GATEWAY_PATH = '/gateway.do'
export const ALIPAY_V3_PREFIX = '/v3/alipay/'

/** Whether a path is Alipay's: its gateway or under /v3/alipay. */
export function isAlipayPath(path: string): boolean {
  return path === ALIPAY_GATEWAY_PATH || path.startsWith(ALIPAY_V3_PREFIX) || path === '/v3/alipay'
}

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

export type V3RouteParams<N extends V3RouteName> = Record<
  ParamNames<(typeof V3_ROUTES)[N]['path']>,
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

/** The owner's results of a study (`GET /api/lab/studies/:studyId/results?key=`), as the lab asks for them. */
export function studyResultsUrl(studyId: string, key: string): string {
  return `${API_BASE}${routePath('studyResults', { studyId })}?${new URLSearchParams({ key })}`
}

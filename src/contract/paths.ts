/**
 * Every address of the app, built and read in one place: the features navigate with these, the server
 * writes pay codes and friend links with them, the e2e page objects and the UX lab open screens with them.
 * It imports nothing: the browser's first chunk, the Node server and Playwright all load it as it is.
 */

const enc = encodeURIComponent
/** A base to read relative paths against (only the path and query of the result are used). */
const ANY_ORIGIN = 'http://app.invalid'

function parse(pathOrUrl: string): URL | null {
  try {
    return new URL(pathOrUrl.trim(), ANY_ORIGIN)
  } catch {
    return null
  }
}

function withQuery(path: string, query: URLSearchParams): string {
  const qs = query.toString()
  return qs ? `${path}?${qs}` : path
}

/** The one segment after `prefix` (`/friend-pay/` → the token), decoded; null if the path is another. */
function segmentAfter(prefix: string, pathname: string): string | null {
  if (!pathname.startsWith(prefix)) return null
  const rest = pathname.slice(prefix.length)
  if (rest === '' || rest.includes('/')) return null
  try {
    return decodeURIComponent(rest)
  } catch {
    return null
  }
}

// ——— The simulator's parameters: any URL may carry them, and the phone keeps them (BRIEF §3).

/** `token`: the test API's token for a phone beyond loopback (`TEST_TOKEN_QUERY` of headers.ts). */
export const SIM_PARAMS = ['persona', 'era', 'lang', 'device', 'token'] as const
export type SimParam = (typeof SIM_PARAMS)[number]
/** `?lab=<runId>`: a phone the UX lab opened reports to that run. */
export const LAB_PARAM = 'lab'
export type SimParams = { readonly [K in SimParam | typeof LAB_PARAM]?: string | null | undefined }

const SETUP_PARAMS: readonly string[] = [...SIM_PARAMS, LAB_PARAM]

/** `path` (query and hash kept) with the simulator's parameters set; a missing value is left out. */
export function withSim(path: string, params: SimParams): string {
  const url = parse(path) ?? new URL('/', ANY_ORIGIN)
  for (const name of SETUP_PARAMS) {
    const value = params[name as SimParam]
    if (value) url.searchParams.set(name, value)
  }
  return `${url.pathname}${url.search}${url.hash}`
}

/** The simulator's parameters a search names, as written (the app checks the values). */
export function readSim(search: string): SimParams {
  const query = new URLSearchParams(search)
  const found: Partial<Record<SimParam | typeof LAB_PARAM, string>> = {}
  for (const name of SETUP_PARAMS) {
    const value = query.get(name)
    if (value !== null) found[name as SimParam] = value
  }
  return found
}

/** A search without the simulator's parameters (and the lab's), other parameters in their order. */
export function withoutSim(search: string | URLSearchParams): URLSearchParams {
  const query = new URLSearchParams(search)
  for (const name of SETUP_PARAMS) query.delete(name)
  return query
}

/** `pathname + search` without the simulator's parameters: a screen to come back to. */
export function routeOf(pathname: string, search: string): string {
  return withQuery(pathname, withoutSim(search))
}

// ——— Taobao: the order page, the cashier over any screen, the result, my orders.

export const HOME = '/'
/** `?pay=<orderId>` on any route opens the cashier for that order over it. */
export const CASHIER_PARAM = 'pay'

/** The search with the cashier open on `orderId`, or closed (null). */
export function withCashier(search: string | URLSearchParams, orderId: string | null) {
  const query = new URLSearchParams(search)
  if (orderId) query.set(CASHIER_PARAM, orderId)
  else query.delete(CASHIER_PARAM)
  return query
}

export function cashierOrderId(search: string | URLSearchParams): string | null {
  return new URLSearchParams(search).get(CASHIER_PARAM) || null
}

/** The order page with the cashier open on a new order. */
export function checkoutCashierPath(orderId: string): string {
  return withQuery(HOME, withCashier('', orderId))
}

export const RESULT_PREFIX = '/pay/result/'
export function resultPath(orderId: string): string {
  return `${RESULT_PREFIX}${enc(orderId)}`
}
/** The order a result page is about, or null for any other path. */
export function resultOrderId(pathname: string): string | null {
  return segmentAfter(RESULT_PREFIX, pathname)
}

export const ORDERS_PATH = '/orders'
export const ORDERS_TAB_PARAM = 'tab'
export function ordersPath(tab?: string | null): string {
  return tab ? `${ORDERS_PATH}?${ORDERS_TAB_PARAM}=${enc(tab)}` : ORDERS_PATH
}
export function orderPath(orderId: string): string {
  return `${ORDERS_PATH}/${enc(orderId)}`
}

// ——— A pay-for-me link: in a browser, or in WeChat's own browser (WeChat Pay pays there).

export const FRIEND_PREFIX = '/friend-pay/'
export const WECHAT_HOME = '/wechat'
export function friendLinkPath(token: string): string {
  return `${FRIEND_PREFIX}${enc(token)}`
}
export function friendLinkInWechat(token: string): string {
  return `${WECHAT_HOME}${friendLinkPath(token)}`
}
/** The token of a friend link (a path, or a whole URL as the shopper copies it), either form. */
export function friendLinkToken(pathOrUrl: string): string | null {
  const url = parse(pathOrUrl)
  if (!url) return null
  const path = url.pathname.startsWith(`${WECHAT_HOME}/`)
    ? url.pathname.slice(WECHAT_HOME.length)
    : url.pathname
  return segmentAfter(FRIEND_PREFIX, path)
}

// ——— WeChat's native pay code (BRIEF §5) and its pay sheet.

export const PAY_CODE_PATH = `${WECHAT_HOME}/pay`
export const PAY_CODE_PARAM = 'pr'
/** `?from=taobao`: the app that jumped to the sheet; leaving it goes back there. */
export const FROM_PARAM = 'from'

/** WeChat's pay sheet of `token`; `from` names the app that jumped to it. */
export function payCodePath(token: string, from?: 'taobao'): string {
  const path = `${PAY_CODE_PATH}?${PAY_CODE_PARAM}=${enc(token)}`
  return from ? `${path}&${FROM_PARAM}=${from}` : path
}

/** The two payloads a code may hold: the web form a phone's camera opens, and WeChat's own. */
export function payCodeUrls(origin: string, token: string): { web: string; weixin: string } {
  return {
    web: `${origin}${payCodePath(token)}`,
    weixin: `weixin://wxpay/bizpayurl?${PAY_CODE_PARAM}=${enc(token)}`,
  }
}

/** The pay token of a scanned payload in either form (any host for the web form), or null. */
export function readPayCode(text: string): string | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  const token = url.searchParams.get(PAY_CODE_PARAM)
  if (!token) return null
  if (url.protocol === 'weixin:') {
    // weixin://wxpay/bizpayurl?pr=…: host "wxpay", path "/bizpayurl" (or all in the path, by parser).
    const where = `${url.host}${url.pathname}`
    return where === 'wxpay/bizpayurl' || url.href.includes('wxpay/bizpayurl') ? token : null
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:'
  return web && url.pathname === PAY_CODE_PATH ? token : null
}

/** What the pay sheet's search says: the token, and whether an app jumped here. */
export function paySheetOf(search: string): { token: string; jumped: boolean } {
  const query = new URLSearchParams(search)
  return { token: query.get(PAY_CODE_PARAM) ?? '', jumped: query.has(FROM_PARAM) }
}

// ——— The simulated WeChat's screens.

export type WechatScreen = 'contacts' | 'discover' | 'me' | 'scan' | 'services' | 'wallet' | 'bills'
/** `?share=<text>` on the chats: another app hands over a text; the shopper picks the chat. */
export const SHARE_PARAM = 'share'
/** `?album=1` on 扫一扫 or a chat: the album picker is open (Back closes it). */
export const ALBUM_PARAM = 'album'

export function isWechatPath(pathname: string): boolean {
  return pathname === WECHAT_HOME || pathname.startsWith(`${WECHAT_HOME}/`)
}
export function wechatPath(screen?: WechatScreen): string {
  return screen ? `${WECHAT_HOME}/${screen}` : WECHAT_HOME
}
export function wechatChatPath(chatId: string): string {
  return `${WECHAT_HOME}/chat/${enc(chatId)}`
}
export function wechatBillPath(paymentId: string): string {
  return `${WECHAT_HOME}/bills/${enc(paymentId)}`
}
export function wechatSharePath(text: string): string {
  return `${WECHAT_HOME}?${SHARE_PARAM}=${enc(text)}`
}
export function withAlbum(search: string | URLSearchParams, open: boolean): URLSearchParams {
  const query = new URLSearchParams(search)
  if (open) query.set(ALBUM_PARAM, '1')
  else query.delete(ALBUM_PARAM)
  return query
}
export function albumOpen(search: string | URLSearchParams): boolean {
  return new URLSearchParams(search).get(ALBUM_PARAM) === '1'
}

/** A link to this site opened inside WeChat: a pay-for-me link opens in WeChat's browser. */
export function inWechatBrowser(path: string): string {
  return path.startsWith(FRIEND_PREFIX) ? `${WECHAT_HOME}${path}` : path
}

// ——— Desktop screens outside the phone.

export const STAGE_PATH = '/stage'
export const LAB_PATH = '/lab'
export function labPath(lang?: string): string {
  return withSim(LAB_PATH, { lang })
}

/**
 * The pages' route patterns (react-router syntax), next to the builders they must agree with (the API's
 * own routes are contract/routes.ts).
 */
export const PAGE_ROUTES = {
  stage: STAGE_PATH,
  lab: LAB_PATH,
  orders: ORDERS_PATH,
  order: `${ORDERS_PATH}/:orderId`,
  result: `${RESULT_PREFIX}:orderId`,
  wechat: `${WECHAT_HOME}/*`,
  friendPay: `${FRIEND_PREFIX}:token`,
  wechatFriendPay: `${WECHAT_HOME}${FRIEND_PREFIX}:token`,
} as const

/** WeChat's own routes, relative to `/wechat`. */
export const WECHAT_ROUTES = {
  chat: 'chat/:chatId',
  pay: 'pay',
  bill: 'bills/:paymentId',
} as const

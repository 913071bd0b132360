/**
 * Every address of the app, built and read in one place: the features navigate with these, the server
 * writes pay codes and friend links with them, the e2e page objects and the UX lab open screens with them.
 * It imports nothing: the browser's first chunk, the Node server and Playwright all load it as it is.
 */

const enc = encodeURIComponent
/** A base to read relative paths against (only the path and query of the result are used). */
const ANY_ORIGIN = 'http://app.invalid'

type Search = string | URLSearchParams

/** `search` with `name` set to `value`, or without it (null). */
function withParam(search: Search, name: string, value: string | null): URLSearchParams {
  const query = new URLSearchParams(search)
  if (value) query.set(name, value)
  else query.delete(name)
  return query
}

function withQuery(path: string, query: URLSearchParams): string {
  const qs = query.toString()
  return qs ? `${path}?${qs}` : path
}

/** The one segment after `prefix` (`/friend-pay/` → the token), decoded; null for any other path. */
function segmentAfter(prefix: string, pathname: string): string | null {
  const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : ''
  try {
    return rest && !rest.includes('/') ? decodeURIComponent(rest) : null
  } catch {
    return null
  }
}

// ——— The simulator's parameters: any URL may carry them, and the phone keeps them (BRIEF §3).

/**
 * `token`: the test API's token for a phone beyond loopback (`TEST_TOKEN_QUERY` of headers.ts); `world`:
 * the simulated world the phone is in (`WORLD_QUERY`, docs/worlds.md).
 */
export const SIM_PARAMS = ['persona', 'era', 'lang', 'device', 'token', 'world'] as const
/** `?lab=<runId>`: a phone the UX lab opened reports to that run. */
export const LAB_PARAM = 'lab'
export type SimParam = (typeof SIM_PARAMS)[number]
type SetupParam = SimParam | typeof LAB_PARAM
export type SimParams = { readonly [K in SetupParam]?: string | null | undefined }

const SETUP_PARAMS: readonly SetupParam[] = [...SIM_PARAMS, LAB_PARAM]

/** `path` (its query and hash kept) with the simulator's parameters set; a missing one is left out. */
export function withSim(path: string, params: SimParams): string {
  const url = new URL(path, ANY_ORIGIN)
  for (const name of SETUP_PARAMS) {
    const value = params[name]
    if (value) url.searchParams.set(name, value)
  }
  return `${url.pathname}${url.search}${url.hash}`
}

/** The simulator's parameters a search names, as written (the app checks the values). */
export function readSim(search: string): SimParams {
  const query = new URLSearchParams(search)
  const found: { [K in SetupParam]?: string } = {}
  for (const name of SETUP_PARAMS) found[name] = query.get(name) ?? undefined
  return found
}

/** A search without the simulator's parameters (nor the lab's), the others in their order. */
export function withoutSim(search: Search): URLSearchParams {
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
export function withCashier(search: Search, orderId: string | null): URLSearchParams {
  return withParam(search, CASHIER_PARAM, orderId)
}
export function cashierOrderId(search: Search): string | null {
  return new URLSearchParams(search).get(CASHIER_PARAM) || null
}
/** The order page with the cashier open on a new order. */
export function checkoutCashierPath(orderId: string): string {
  return withQuery(HOME, withCashier('', orderId))
}

const RESULT_PREFIX = '/pay/result/'
export function resultPath(orderId: string): string {
  return RESULT_PREFIX + enc(orderId)
}
/** The order a result page is about, or null for any other path. */
export function resultOrderId(pathname: string): string | null {
  return segmentAfter(RESULT_PREFIX, pathname)
}

export const ORDERS_PATH = '/orders'
/** My orders, on one tab (`?tab=`), or on all of them. */
export function ordersPath(tab?: string | null): string {
  return withQuery(ORDERS_PATH, withParam('', 'tab', tab ?? null))
}
export function orderPath(orderId: string): string {
  return `${ORDERS_PATH}/${enc(orderId)}`
}

// ——— A pay-for-me link: in a browser, or in WeChat's own browser (WeChat Pay pays there).

const FRIEND_PREFIX = '/friend-pay/'
export const WECHAT_HOME = '/wechat'
export function friendLinkPath(token: string): string {
  return FRIEND_PREFIX + enc(token)
}
export function friendLinkInWechat(token: string): string {
  return WECHAT_HOME + friendLinkPath(token)
}
/**
 * The world a location names by itself: its `?world=`, else the world of the token it opens (a friend
 * link `/friend-pay/<world>.<token>`, a pay code `?pr=<world>.<token>`); null when it names none.
 */
export function worldOfLocation(pathname: string, search: string): string | null {
  const named = new URLSearchParams(search).get('world')
  if (named) return named
  const token =
    friendLinkToken(pathname) ??
    (isWechatPath(pathname) ? paySheetOf(search).token || merchantPayToken(search) : '')
  const dot = token ? token.indexOf('.') : -1
  return dot > 0 ? token.slice(0, dot) : null
}

/** The token of a friend link in either form: a path, or the whole URL the shopper copies. */
export function friendLinkToken(pathOrUrl: string): string | null {
  let path: string
  try {
    path = new URL(pathOrUrl.trim(), ANY_ORIGIN).pathname
  } catch {
    return null
  }
  return segmentAfter(FRIEND_PREFIX, path.replace(/^\/wechat(?=\/)/, ''))
}
/** A link to this site opened inside WeChat: a pay-for-me link opens in WeChat's own browser. */
export function inWechatBrowser(path: string): string {
  return path.startsWith(FRIEND_PREFIX) ? WECHAT_HOME + path : path
}

// ——— WeChat's native pay code (BRIEF §5) and its pay sheet.

const PAY_CODE_PATH = `${WECHAT_HOME}/pay`
/** `?from=taobao`: the app that jumped to the sheet; leaving it goes back there. */
const FROM_PARAM = 'from'

/** WeChat's pay sheet of `token`; `from` names the app that jumped to it. */
export function payCodePath(token: string, from?: 'taobao'): string {
  const path = `${PAY_CODE_PATH}?pr=${enc(token)}`
  return from ? `${path}&${FROM_PARAM}=${from}` : path
}

/** The two payloads a code may hold: the web form a phone's camera opens, and WeChat's own. */
export function payCodeUrls(origin: string, token: string): { web: string; weixin: string } {
  return { web: origin + payCodePath(token), weixin: `weixin://wxpay/bizpayurl?pr=${enc(token)}` }
}

/** The pay token of a scanned payload in either form (any host for the web form), or null. */
export function readPayCode(text: string): string | null {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return null
  }
  // weixin://wxpay/bizpayurl?pr=…: host "wxpay" and path "/bizpayurl", or all of it in the path.
  const pay =
    url.protocol === 'weixin:'
      ? url.href.includes('wxpay/bizpayurl')
      : /^https?:$/.test(url.protocol) && url.pathname === PAY_CODE_PATH
  return pay ? url.searchParams.get('pr') || null : null
}

/** What the pay sheet's search says: the token, and whether an app jumped here. */
export function paySheetOf(search: string): { token: string; jumped: boolean } {
  const query = new URLSearchParams(search)
  return { token: query.get('pr') ?? '', jumped: query.has(FROM_PARAM) }
}

// ——— A merchant's WeChat Pay orders (APIv3 sandbox): the H5 cashier's address (merchant-pay-paths.ts reads it).

/** An h5_url: WeChat's H5 cashier of a prepay_id (the merchant appends `&redirect_url=`). */
export function wechatH5PayPath(prepayId: string): string {
  return `${WECHAT_HOME}/h5pay?prepay_id=${enc(prepayId)}`
}

/** The prepay_id of an h5_url's search, or of a getBrandWCPayRequest's `package=prepay_id=…`. */
export function merchantPayToken(search: Search): string {
  const query = new URLSearchParams(search)
  const pkg = query.get('package') ?? ''
  return query.get('prepay_id') ?? (pkg.startsWith('prepay_id=') ? pkg.slice(10) : '')
}

// ——— The simulated WeChat's screens.

export type WechatScreen = 'contacts' | 'discover' | 'me' | 'scan' | 'services' | 'wallet' | 'bills'
/** `?share=<text>` on the chats: another app hands over a text; the shopper picks the chat. */
export const SHARE_PARAM = 'share'
/** `?album=1` on 扫一扫 or a chat: the album picker is open (Back closes it). */
const ALBUM_PARAM = 'album'

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
  return withQuery(WECHAT_HOME, withParam('', SHARE_PARAM, text))
}
export function withAlbum(search: Search, open: boolean): URLSearchParams {
  return withParam(search, ALBUM_PARAM, open ? '1' : null)
}
export function albumOpen(search: Search): boolean {
  return new URLSearchParams(search).get(ALBUM_PARAM) === '1'
}

// ——— Desktop screens outside the phone.

export const STAGE_PATH = '/stage'
export function labPath(lang?: string): string {
  return withSim('/lab', { lang })
}

/** A study's join page (`/study/:studyId`, docs/studies.md): consent, then a phone of the participant's own. */
export const STUDY_PREFIX = '/study/'
/** The name of a study's phone frame: a participant's phone has no simulator button (they could switch persona). */
export const STUDY_PHONE_NAME = 'study-phone'
export function studyPath(studyId: string, lang?: string): string {
  return withSim(`${STUDY_PREFIX}${enc(studyId)}`, { lang })
}
/** A study's results in the lab, opened with the owner's key. */
export const LAB_STUDY_PREFIX = '/lab/studies/'
export function labStudyPath(studyId: string, ownerKey: string): string {
  return withQuery(`${LAB_STUDY_PREFIX}${enc(studyId)}`, withParam('', 'key', ownerKey))
}

/** The console (`/console`, docs/console.md): one world's timeline, and an object's whole story. */
export const CONSOLE_PATH = '/console'
export type ConsoleObjectPathKind = 'order' | 'payment' | 'refund' | 'merchant'
export function consolePath(world?: string | null, lang?: string): string {
  return withSim(CONSOLE_PATH, { world, lang })
}
export function consoleObjectPath(
  kind: ConsoleObjectPathKind,
  id: string,
  world?: string | null,
): string {
  return withSim(`${CONSOLE_PATH}/${kind}/${enc(id)}`, { world })
}
/** The world's two phones side by side (`/stage?world=`). */
export function stagePath(world?: string | null): string {
  return withSim(STAGE_PATH, { world })
}

/**
 * The pages' route patterns (react-router syntax), next to the builders they must agree with (the API's
 * own routes are contract/routes.ts).
 */
export const PAGE_ROUTES = {
  stage: STAGE_PATH,
  lab: '/lab',
  labStudy: `${LAB_STUDY_PREFIX}:studyId`,
  study: `${STUDY_PREFIX}:studyId`,
  console: CONSOLE_PATH,
  consoleObject: `${CONSOLE_PATH}/:kind/:id`,
  orders: ORDERS_PATH,
  order: `${ORDERS_PATH}/:orderId`,
  result: `${RESULT_PREFIX}:orderId`,
  wechat: `${WECHAT_HOME}/*`,
  friendPay: `${FRIEND_PREFIX}:token`,
  wechatFriendPay: `${WECHAT_HOME}${FRIEND_PREFIX}:token`,
  /** The simulated Alipay cashier (`alipayPayUrl`): where wap.pay / page.pay and a scanned qr_code land. */
  alipayPay: '/alipay/pay',
  /** The simulated 支付宝 app on the phone (`alipayAppPath`); the cashier's own path above wins over it. */
  alipayApp: '/alipay/*',
} as const

/** WeChat's own routes, relative to `/wechat`. */
export const WECHAT_ROUTES = { chat: 'chat/:chatId', pay: 'pay', bill: 'bills/:paymentId' } as const

// ——— The simulated Alipay: its cashier (wap.pay / page.pay land here) and its pay sheet (a scanned
// precreate qr_code opens it). Both carry the trade's token, which names its world (`<world>.<token>`).

export const ALIPAY_HOME = '/alipay'
export const ALIPAY_PAY_PATH = `${ALIPAY_HOME}/pay`
const ALIPAY_TOKEN_PARAM = 'token'

/** `ORIGIN/alipay/pay?token=…`: a precreate's qr_code, and where a wap.pay / page.pay form is sent on to. */
export function alipayPayUrl(origin: string, token: string): string {
  return `${origin}${withQuery(ALIPAY_PAY_PATH, withParam('', ALIPAY_TOKEN_PARAM, token))}`
}

/** The trade token of an Alipay pay URL (a scanned qr_code, the cashier's own address), or null. */
export function alipayTokenOf(text: string): string | null {
  let url: URL
  try {
    url = new URL(text, ANY_ORIGIN)
  } catch {
    return null
  }
  return url.pathname === ALIPAY_PAY_PATH ? url.searchParams.get(ALIPAY_TOKEN_PARAM) || null : null
}

// ——— The simulated 支付宝 app on the phone: home, 扫一扫, the pay sheet of a scanned code, 账单. The
// cashier above (`/alipay/pay`) is a web page, the phone's browser's, not a screen of the app.

export type AlipayScreen = 'scan' | 'bills'
/** The 支付宝 app's own routes, relative to `/alipay`. */
export const ALIPAY_ROUTES = { scanPay: 'scan/pay', bill: 'bills/:paymentId' } as const

export function isAlipayAppPath(pathname: string): boolean {
  return (
    pathname === ALIPAY_HOME ||
    (pathname.startsWith(`${ALIPAY_HOME}/`) && pathname !== ALIPAY_PAY_PATH)
  )
}
export function alipayAppPath(screen?: AlipayScreen): string {
  return screen ? `${ALIPAY_HOME}/${screen}` : ALIPAY_HOME
}
/** The 支付宝 app's pay sheet of a scanned code's trade. */
export function alipayScanPayPath(token: string): string {
  return withQuery(
    `${ALIPAY_HOME}/${ALIPAY_ROUTES.scanPay}`,
    withParam('', ALIPAY_TOKEN_PARAM, token),
  )
}
/** The trade token on the app's pay sheet (its `?token=`), or null. */
export function alipayScanPayToken(search: Search): string | null {
  return new URLSearchParams(search).get(ALIPAY_TOKEN_PARAM) || null
}
export function alipayBillPath(paymentId: string): string {
  return `${ALIPAY_HOME}/bills/${enc(paymentId)}`
}

/** The pages whose path holds an id (`/pay/result/:orderId`…), as patterns to match a path against. Built
 * on first use: only a study's funnel asks, and a constant would weigh on every page's first chunk. */
let idPages: { pattern: string; match: RegExp }[] | undefined
function idPagesOf(): { pattern: string; match: RegExp }[] {
  idPages ??= [
    ...Object.values(PAGE_ROUTES),
    ...Object.values(WECHAT_ROUTES).map((r) => `${WECHAT_HOME}/${r}`),
  ]
    .filter((pattern) => pattern.includes(':'))
    .map((pattern) => ({
      pattern,
      match: new RegExp(`^${pattern.replace(/:\w+/g, '[^/]+').replace(/\*$/, '.*')}$`),
    }))
  return idPages
}

/**
 * A screen's name across people (a study's funnel and heatmaps): the page's pattern where its path holds
 * an id (`/pay/result/123` → `/pay/result/:orderId`), the rest as it is (`/?pay`, the cashier).
 */
export function screenPattern(screen: string): string {
  const at = screen.indexOf('?')
  const path = at < 0 ? screen : screen.slice(0, at)
  const rest = at < 0 ? '' : screen.slice(at)
  const page = idPagesOf().find((p) => p.match.test(path))
  return page ? `${page.pattern}${rest}` : screen
}

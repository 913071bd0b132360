/**
 * The routes the lab compares, and how autoplay walks each one: the same taps and keys a shopper makes, in
 * order, found on the real screens by test id or accessible name (names in both UI languages).
 */
export type FlowId = 'jump' | 'screenshot' | 'friend'
export const FLOW_IDS: readonly FlowId[] = ['jump', 'screenshot', 'friend']

/** An element on the phone's screen: a CSS selector, and optionally its accessible name. */
export interface Find {
  css: string
  name?: RegExp
}

export type Step =
  /** Think, point, tap (KLM M + P). `switchesApp`: the tap brings the other app up (KLM app switch). */
  | { do: 'tap'; find: Find; switchesApp?: boolean }
  /** Think once, then one keystroke per character on a password keypad (KLM M + n·K). */
  | { do: 'keys'; keypad: string; text: string }
  /** The system's turn: wait until the element is on screen (no operator time). */
  | { do: 'wait'; find: Find }
  /** The friend's phone opens the link the shopper's phone shows in `find` (ask a friend). */
  | { do: 'share'; find: Find }

export interface Flow {
  id: FlowId
  era: 'beta' | 'launch'
  /** The run is over when the shopper's phone shows this. */
  done: Find
  steps: readonly Step[]
  /** Steps on the friend's phone, once the link is open there. */
  friendSteps?: readonly Step[]
}

const byTestId = (id: string, extra = ''): Find => ({ css: `[data-testid="${id}"]${extra}` })
const tap = (find: Find, switchesApp = false): Step => ({ do: 'tap', find, switchesApp })
const button = (name: RegExp, within = ''): Find => ({ css: `${within} button`.trim(), name })
const PASSWORD = '123456'
const PAID = byTestId('pay-result', '[data-status="success"]')

const switchTo = (app: RegExp): Step[] => [
  tap(button(/^(切换应用|Switch apps)$/)),
  tap(button(app, '.app-switcher'), true),
]

const checkout = (method: string): Step[] => [
  { do: 'wait', find: byTestId('submit-order', ':enabled') },
  tap(byTestId('submit-order')),
  tap(byTestId(`pay-method-${method}`)),
  tap(byTestId('confirm-pay')),
]

export const FLOWS: Record<FlowId, Flow> = {
  jump: {
    id: 'jump',
    era: 'launch',
    done: PAID,
    steps: [
      ...checkout('wechat'),
      tap(byTestId('wechat-pay-confirm', ':enabled')),
      { do: 'keys', keypad: 'wechat-pin-pad', text: PASSWORD },
      tap(button(/^(完成|Done)$/, '[data-testid="wechat-pay-success"]')),
      tap(button(/^(已完成支付|I have paid)$/, '[data-testid="wechat-return"]')),
      { do: 'wait', find: PAID },
    ],
  },
  screenshot: {
    id: 'screenshot',
    era: 'beta',
    done: PAID,
    steps: [
      ...checkout('wechat-scan'),
      { do: 'wait', find: { css: '[data-testid="wechat-qr"] svg' } },
      tap(button(/^(截屏|Screenshot)$/)),
      { do: 'wait', find: { css: '[role="status"]', name: /截屏已保存|Screenshot saved/ } },
      ...switchTo(/^(微信|WeChat)$/),
      tap(button(/^(更多功能|More)$/)),
      tap({ css: '[role="menuitem"]', name: /^(扫一扫|Scan)$/ }),
      tap(button(/^(相册|Album)$/)),
      tap(button(/截屏|Screenshot/, '.wx-album')),
      tap(byTestId('wechat-pay-confirm', ':enabled')),
      { do: 'keys', keypad: 'wechat-pin-pad', text: PASSWORD },
      { do: 'wait', find: byTestId('wechat-pay-success') },
      ...switchTo(/^(淘宝|Taobao)$/),
      { do: 'wait', find: PAID },
    ],
  },
  friend: {
    id: 'friend',
    era: 'beta',
    done: PAID,
    steps: [
      ...checkout('friend-pay'),
      tap({ css: 'label', name: /^(复制链接|Copy link)$/ }),
      tap(byTestId('friend-pay-create', ':enabled')),
      { do: 'wait', find: byTestId('friend-pay-status', '[data-status="OPEN"]') },
      tap(byTestId('friend-pay-copy')),
      { do: 'share', find: byTestId('friend-pay-link') },
      { do: 'wait', find: PAID },
    ],
    friendSteps: [
      tap(byTestId('friend-pay-confirm', ':enabled')),
      { do: 'keys', keypad: 'pin-pad', text: PASSWORD },
    ],
  },
}

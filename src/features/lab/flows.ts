/**
 * The routes the lab compares, and how autoplay walks each one: the same taps and keys a shopper makes, in
 * order, found on the real screens by their documented test ids (TESTING.md), never by a style or a label;
 * a password's digits are the keypad's buttons named "0"–"9".
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

/** Found by its documented test id (TESTING.md), and optionally more of the same element's selector. */
const byTestId = (id: string, extra = ''): Find => ({ css: `[data-testid="${id}"]${extra}` })
const tap = (find: Find, switchesApp = false): Step => ({ do: 'tap', find, switchesApp })
const PASSWORD = '123456'
const PAID = byTestId('pay-result', '[data-status="success"]')

/** The phone's 切换应用, then the app's card in 最近使用的应用. */
const switchTo = (app: 'taobao' | 'wechat'): Step[] => [
  tap(byTestId('phone-switcher')),
  tap(byTestId(`phone-app-${app}`), true),
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
      // WeChat opens on its password sheet by itself, as the real one does after an app's jump.
      { do: 'keys', keypad: 'wechat-pin-pad', text: PASSWORD },
      tap(byTestId('wechat-pay-done')),
      tap(byTestId('wechat-return-paid')),
      { do: 'wait', find: PAID },
    ],
  },
  screenshot: {
    id: 'screenshot',
    era: 'beta',
    done: PAID,
    steps: [
      ...checkout('wechat-scan'),
      { do: 'wait', find: byTestId('wechat-qr', ' svg') },
      tap(byTestId('phone-screenshot')),
      { do: 'wait', find: byTestId('phone-shot', '[data-state="saved"]') },
      ...switchTo('wechat'),
      tap(byTestId('wechat-more')),
      tap(byTestId('wechat-menu-scan')),
      tap(byTestId('wechat-scan-album')),
      // The album lists the newest first: the screenshot just taken.
      tap(byTestId('wechat-album-photo', '[data-origin="screenshot"]')),
      tap(byTestId('wechat-pay-confirm', ':enabled')),
      { do: 'keys', keypad: 'wechat-pin-pad', text: PASSWORD },
      { do: 'wait', find: byTestId('wechat-pay-success') },
      ...switchTo('taobao'),
      { do: 'wait', find: PAID },
    ],
  },
  friend: {
    id: 'friend',
    era: 'beta',
    done: PAID,
    steps: [
      ...checkout('friend-pay'),
      tap(byTestId('friend-pay-via-link')),
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

import { friendLinkPath, friendLinkToken } from '@/contract/paths.ts'
import type { Find, Flow, Step } from './flows.ts'
import type { KlmTimes } from './klm.ts'

/** How long autoplay looks for an element before it gives up (the gateway may be slow, not this slow). */
const FIND_TIMEOUT_MS = 20_000
const POLL_MS = 50

/** Autoplay could not do a step: `step` says which, for the lab to show. */
export class AutoplayStopped extends Error {
  constructor(readonly step: string) {
    super(`autoplay stopped at ${step}`)
    this.name = 'AutoplayStopped'
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort)
      resolve()
    }, ms)
    const abort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', abort, { once: true })
  })
}

/** Text a screen reader would read: hidden parts (icons drawn with text) left out. */
function spokenText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
  // Not `instanceof Element`: the phone's nodes belong to the iframe's window, not to the lab's.
  const hidden =
    node.nodeType === Node.ELEMENT_NODE && (node as Element).getAttribute('aria-hidden') === 'true'
  if (hidden) return ''
  return [...node.childNodes].map(spokenText).join('')
}

/** The name assistive technology gives an element, near enough for buttons and menu items. */
function accessibleName(element: Element): string {
  const label = element.getAttribute('aria-label')
  if (label) return label.trim()
  const labelledBy = element.getAttribute('aria-labelledby')
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' ')
    if (text.trim()) return text.trim()
  }
  return spokenText(element).replace(/\s+/g, ' ').trim()
}

function isShown(element: Element): boolean {
  return element.getClientRects().length > 0
}

function findIn(doc: Document | null | undefined, find: Find): HTMLElement | null {
  if (!doc) return null
  for (const element of doc.querySelectorAll<HTMLElement>(find.css)) {
    if (!isShown(element)) continue
    if (find.name && !find.name.test(accessibleName(element))) continue
    return element
  }
  return null
}

function describe(step: Step): string {
  if (step.do === 'keys') return `${step.keypad} (${step.text.length})`
  return step.find.name ? `${step.find.css} "${step.find.name.source}"` : step.find.css
}

export interface AutoplayOptions {
  times: KlmTimes
  /** 1: a person's pace; 10: ten times faster. */
  speed: number
  signal: AbortSignal
  /** The friend's phone, once the shopper's phone has shown the link (`path` on this origin). */
  openOnFriendPhone?: (path: string) => Promise<HTMLIFrameElement>
}

/**
 * Walks `steps` on the phone in `frame` as a person would: on each screen it waits for the element, then
 * thinks and points (KLM M + P, divided by the speed), then taps it with a real click event that the app
 * and the recorder see as any tap. The lab's figures come from the recorder, not from this script.
 */
async function play(
  frame: HTMLIFrameElement,
  steps: readonly Step[],
  flow: Flow,
  options: AutoplayOptions,
) {
  const { times, speed, signal } = options
  const pause = (seconds: number) => sleep((seconds * 1000) / speed, signal)
  const waitFor = async (find: Find, step: Step): Promise<HTMLElement> => {
    const until = Date.now() + FIND_TIMEOUT_MS
    for (;;) {
      const element = findIn(frame.contentDocument, find)
      if (element) return element
      if (Date.now() > until) throw new AutoplayStopped(describe(step))
      await sleep(POLL_MS, signal)
    }
  }
  for (const step of steps) {
    switch (step.do) {
      case 'wait':
        await waitFor(step.find, step)
        break
      case 'tap': {
        await waitFor(step.find, step)
        await pause(times.m + times.p)
        // Found again: the screen may have re-rendered while the shopper was thinking.
        ;(await waitFor(step.find, step)).click()
        if (step.switchesApp) await pause(times.s)
        break
      }
      case 'keys': {
        const keypad: Find = { css: `[data-testid="${step.keypad}"]` }
        await waitFor(keypad, step)
        await pause(times.m)
        for (const key of step.text) {
          await pause(times.k)
          const pattern = new RegExp(`^${key}$`)
          ;(await waitFor({ css: `${keypad.css} button`, name: pattern }, step)).click()
        }
        break
      }
      case 'share': {
        const link = await waitFor(step.find, step)
        const token = friendLinkToken(link.textContent ?? '')
        if (token === null || !options.openOnFriendPhone || !flow.friendSteps)
          throw new AutoplayStopped(describe(step))
        const friend = await options.openOnFriendPhone(friendLinkPath(token))
        await play(friend, flow.friendSteps, flow, options)
        break
      }
    }
  }
}

/** Plays `flow` on the shopper's phone in `frame` (already loaded with a fresh device for the run). */
export async function autoplay(frame: HTMLIFrameElement, flow: Flow, options: AutoplayOptions) {
  await play(frame, flow.steps, flow, options)
}

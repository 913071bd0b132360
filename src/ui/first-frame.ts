// The order page's frame before its data: what `/`'s HTML carries from the server (prerendered at build
// time, so it paints before any script runs), what the app hydrates, and what the order page shows while
// its cart loads, so going from one to the next changes nothing on screen. Written without JSX and without
// CSS imports: the build renders it in Node (src/server/first-frame.ts). Its styles are in first-frame.css.
import { createElement as h, type ReactElement, type ReactNode } from 'react'

/** The frame's words, by their keys in the dictionaries. */
const KEYS = {
  title: 'checkout.title',
  total: 'checkout.bar.total',
  submit: 'checkout.bar.submit',
  loading: 'common.loading',
} as const
type FrameKey = (typeof KEYS)[keyof typeof KEYS]
export type FirstFrameWords = Record<keyof typeof KEYS, string>

/** The frame's words from a translation of its keys (the app's `t`, or the build's dictionaries). */
export function firstFrameWords(t: (key: FrameKey) => string): FirstFrameWords {
  return {
    title: t(KEYS.title),
    total: t(KEYS.total),
    submit: t(KEYS.submit),
    loading: t(KEYS.loading),
  }
}

/** A grey bar standing in for a line of text. */
const bar = (width: string) => h('span', { className: 'skeleton__bar', style: { width } })

function SkeletonCard({ lines }: { lines: readonly string[] }): ReactElement {
  return h(
    'div',
    { className: 'card skeleton' },
    lines.map((width, i) => h('span', { key: i, className: 'skeleton__line' }, bar(width))),
  )
}

/** The address and the shops' cards as grey bars, and the submit bar with its button not yet usable. */
export function OrderSkeleton({ words }: { words: FirstFrameWords }): ReactElement {
  return h(
    'div',
    { className: 'skeleton-page', 'aria-busy': 'true' },
    h(
      'main',
      { className: 'checkout__main' },
      h('p', { className: 'visually-hidden' }, words.loading),
      h(SkeletonCard, { lines: ['38%', '82%'] }),
      h(SkeletonCard, { lines: ['30%', '92%', '64%', '45%'] }),
      h(SkeletonCard, { lines: ['30%', '88%', '52%'] }),
    ),
    h(
      'div',
      { className: 'submit-bar', 'aria-hidden': 'true' },
      h(
        'div',
        { className: 'submit-bar__sum' },
        h('span', { className: 'submit-bar__label' }, words.total),
        h('span', { className: 'submit-bar__total skeleton__money' }, '¥ —'),
      ),
      h('span', { className: 'btn-primary submit-bar__btn skeleton__button' }, words.submit),
    ),
  )
}

/**
 * The phone (as PhoneShell draws it) with the order page's header and, under it, `body` (the page drawn
 * with its cart: src/app/OrderFrame.tsx) or the skeleton.
 */
export function FirstFrame({
  words,
  body,
}: {
  words: FirstFrameWords
  body?: ReactNode
}): ReactElement {
  return h(
    'div',
    { className: 'phone-stage' },
    h(
      'div',
      { className: 'phone' },
      h(
        'div',
        { className: 'phone__screen', id: 'phone-screen' },
        h(
          'div',
          { className: 'page checkout' },
          h(
            'header',
            { className: 'page-header' },
            h('span'),
            h('h1', null, words.title),
            h('div', { className: 'page-header__right' }),
          ),
          body ?? h(OrderSkeleton, { words }),
        ),
      ),
    ),
  )
}

import { startTransition, useEffect, useState } from 'react'
import type { Catalog } from '@/contract/catalog.ts'
import { FIRST_FRAME_ATTR, type OrderSeed } from '@/contract/order-seed.ts'
import { useCheckout } from '@/features/checkout/checkout-store.ts'
import { effectiveLang, type Lang, type Settings } from '@/lib/settings.ts'
import { App } from './App.tsx'
import { OrderFrame } from './OrderFrame.tsx'

/** The language of the frame `/`'s HTML came with (src/server/first-frame.ts), or null: no frame. */
export function firstFrameLang(root: HTMLElement): string | null {
  return root.firstElementChild ? root.getAttribute(FIRST_FRAME_ATTR) : null
}

/** What else the shopper can change on the order page, each as it starts. */
const DRAFT_FIELDS = ['addressId', 'note', 'invoiceKind', 'invoiceTitle'] as const

/**
 * Whether the cart `/`'s HTML was drawn with is what this phone's own page would show: the same persona,
 * era and language, the default world, no app version or test token of its own, and nothing changed on the
 * order page (quantities, address, note, invoice) or placed from it. Else the page is drawn afresh.
 */
export function seedFits(seed: OrderSeed, settings: Settings): boolean {
  const draft = useCheckout.getState()
  const pristine = useCheckout.getInitialState()
  return (
    seed.persona === settings.persona &&
    seed.era === settings.era &&
    seed.lang === effectiveLang(settings.lang) &&
    settings.world === null &&
    settings.appVersion === null &&
    settings.testToken === null &&
    draft.placed.length === 0 &&
    Object.keys(draft.qty).length === 0 &&
    DRAFT_FIELDS.every((field) => draft[field] === pristine[field])
  )
}

/**
 * Hydrates the frame exactly as the server rendered it (the same components, the same words, the same
 * cart: no mismatch), then hands over to the app in a transition. The order page shows the same cart (or
 * the same skeleton while its cart loads), so nothing on screen moves at the handover.
 */
export function FirstFrameApp({ lang, catalog }: { lang: Lang; catalog?: Catalog | undefined }) {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => startTransition(() => setHydrated(true)), [])
  return hydrated ? <App /> : <OrderFrame lang={lang} catalog={catalog} />
}

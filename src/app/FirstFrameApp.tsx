import { startTransition, useEffect, useState } from 'react'
import { translate } from '@/lib/i18n/i18n.ts'
import type { Lang } from '@/lib/settings.ts'
import { FirstFrame, firstFrameWords } from '@/ui/first-frame.ts'
import { App } from './App.tsx'

/** The language of the frame `/`'s HTML came with (src/server/first-frame.ts), or null: no frame. */
export function firstFrameLang(root: HTMLElement): string | null {
  return root.firstElementChild ? root.getAttribute('data-first-frame') : null
}

/**
 * Hydrates the frame exactly as the server rendered it (the same component, the same words: no mismatch),
 * then hands over to the app in a transition. The order page shows the same skeleton while its cart
 * loads, so nothing on screen moves at the handover.
 */
export function FirstFrameApp({ lang }: { lang: Lang }) {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => startTransition(() => setHydrated(true)), [])
  return hydrated ? <App /> : <FirstFrame words={firstFrameWords((key) => translate(lang, key))} />
}

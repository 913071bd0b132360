import type { Catalog } from '@/contract/catalog.ts'
import { CheckoutBody } from '@/features/checkout/CheckoutPage.tsx'
import { FrameLang, translate } from '@/lib/i18n/i18n.ts'
import type { Lang } from '@/lib/settings.ts'
import { FirstFrame, firstFrameWords } from '@/ui/first-frame.ts'

const nothing = () => undefined

/**
 * The order page as `/`'s HTML carries it (src/server/order-page.ts renders it, src/main.tsx hydrates it):
 * with the cart the server drew it with, else its skeleton. The same components as the page itself, so
 * the app's page takes over without a change on screen. It is inert: the app replaces the frame in the
 * transition right after hydrating it.
 */
export function OrderFrame({ lang, catalog }: { lang: Lang; catalog?: Catalog | undefined }) {
  const words = firstFrameWords((key) => translate(lang, key))
  return (
    <FrameLang value={lang}>
      <FirstFrame
        words={words}
        body={
          catalog ? (
            // Inert, its submit disabled, until the app's page replaces it (a moment after hydration): a
            // tap before then would act on a page that is about to go, so it does nothing, as before the
            // script ran; a test waiting for submit-order to be enabled waits for the app's page.
            <div className="first-frame__page" inert>
              <CheckoutBody
                catalog={catalog}
                onOrderCreated={nothing}
                onStockChanged={nothing}
                inFrame
              />
            </div>
          ) : undefined
        }
      />
    </FrameLang>
  )
}

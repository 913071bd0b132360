import { useEffect, useState } from 'react'
import type { Catalog } from '@/contract/catalog.ts'
import type { CreateOrderBody, Invoice } from '@/contract/order.ts'
import { fetchCatalog, fetchOrders } from '@/lib/api/shop.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { seededCatalog, spendOrderSeed } from '@/lib/order-seed.ts'
import { useSettings } from '@/lib/settings.ts'
import { showToast } from '@/lib/toast.ts'
import { useResource } from '@/lib/useResource.ts'
import { useLazy } from '@/lib/useLazy.ts'
import { IconOrders } from '@/ui/icons.tsx'
import { PageHeader } from '@/ui/PageHeader.tsx'
import { LoadState } from '@/ui/LoadState.tsx'
import { firstFrameWords, OrderSkeleton } from '@/ui/first-frame.ts'
import '@/ui/first-frame.css'
import { AddressCard } from './AddressCard.tsx'
import { useCheckout } from './checkout-store.ts'
import { OptionsCard } from './OptionsCard.tsx'
import { PriceCard } from './PriceCard.tsx'
import { ShopCard } from './ShopCard.tsx'
import { SubmitBar } from './SubmitBar.tsx'
import { useCart } from './useCart.ts'
import { useSubmitOrder } from './useSubmitOrder.ts'
import './checkout.css'

interface CheckoutPageProps {
  onOrderCreated: (orderId: string) => void
  onOpenOrders: () => void
  onBack?: (() => void) | undefined
}

/** 确认订单: the seeded cart, editable, priced live; 提交订单 creates the order once. */
export function CheckoutPage({ onOrderCreated, onOpenOrders, onBack }: CheckoutPageProps) {
  const { t } = useT()
  const persona = useSettings((s) => s.persona)
  // The cart `/`'s HTML was drawn with, on the first visit (lib/order-seed.ts): no second ask, no skeleton.
  const catalog = useResource(`catalog:${persona}`, fetchCatalog, seededCatalog(persona))
  useEffect(spendOrderSeed, [])
  const bought = useBought(persona)
  const cart = catalog.data && bought.data ? cartLeft(catalog.data, bought.data) : undefined

  return (
    <div className="page checkout">
      <PageHeader
        title={t('checkout.title')}
        backLabel={t('common.back')}
        onBack={onBack}
        right={
          <button
            type="button"
            className="page-header__btn"
            aria-label={t('common.myOrders')}
            onClick={onOpenOrders}
          >
            <IconOrders size={22} />
          </button>
        }
      />
      {cart?.cart.length === 0 ? (
        <EmptyCart onOpenOrders={onOpenOrders} />
      ) : cart ? (
        <CheckoutBody
          catalog={cart}
          onOrderCreated={onOrderCreated}
          onStockChanged={catalog.reload}
        />
      ) : catalog.error || bought.error ? (
        <LoadState
          error={catalog.error ?? bought.error}
          onRetry={() => {
            catalog.reload()
            bought.reload()
          }}
          loadingText={t('common.loading')}
        />
      ) : (
        // What `/`'s HTML showed before the script (ui/first-frame.ts): the handover changes nothing.
        <OrderSkeleton words={firstFrameWords(t)} />
      )}
    </div>
  )
}

const NOTHING_BOUGHT: ReadonlySet<string> = new Set()

/**
 * What this phone's orders paid for (the skus of those now PAID): Taobao takes bought items out of the
 * cart. Asked only when the phone has placed orders; after a reset they are gone, and so is the rule.
 */
function useBought(persona: string) {
  const placed = useCheckout((s) => s.placed)
  const key = `bought:${persona}:${placed.join(',')}`
  // Nothing placed, nothing to ask: known at the first render (so a seeded cart shows at once).
  const known = placed.length === 0 ? NOTHING_BOUGHT : undefined
  return useResource(
    key,
    async (signal) => {
      if (placed.length === 0) return NOTHING_BOUGHT
      const mine = new Set(placed)
      const orders = await fetchOrders(signal)
      const skus = orders
        // (This phone keeps the checkouts it placed: each shop's order of one is the phone's.)
        .filter((o) => (mine.has(o.checkoutId) || mine.has(o.id)) && o.status === 'PAID')
        .flatMap((o) => o.lines.map((l) => l.skuId))
      return new Set(skus)
    },
    known,
  )
}

/** The catalog with the cart less what was bought. */
function cartLeft(catalog: Catalog, bought: ReadonlySet<string>): Catalog {
  if (bought.size === 0) return catalog
  return { ...catalog, cart: catalog.cart.filter((line) => !bought.has(line.skuId)) }
}

/** Everything in the seeded cart was paid for: it stays empty until the simulator is reset. */
function EmptyCart({ onOpenOrders }: { onOpenOrders: () => void }) {
  const { t } = useT()
  return (
    <main className="checkout__main">
      <section className="state-box" data-testid="cart-empty" aria-labelledby="cart-empty-title">
        <h2 id="cart-empty-title" className="state-box__title">
          {t('checkout.problem.empty')}
        </h2>
        <p>{t('checkout.emptyHint')}</p>
        <button type="button" className="btn-ghost btn-ghost--orange" onClick={onOpenOrders}>
          {t('common.myOrders')}
        </button>
      </section>
    </main>
  )
}

export interface CheckoutBodyProps {
  catalog: Catalog
  onOrderCreated: (orderId: string) => void
  onStockChanged: () => void
  /** The page as `/`'s HTML draws it, before the app takes it over: its submit waits (SubmitBar). */
  inFrame?: boolean | undefined
}

const addressSheetCode = async () => (await import('./AddressSheet.tsx')).AddressSheet

/** The order page under its header, for a cart that has something in it. */
export function CheckoutBody({
  catalog,
  onOrderCreated,
  onStockChanged,
  inFrame,
}: CheckoutBodyProps) {
  const { t } = useT()
  const { lines, address, priced } = useCart(catalog)
  const [choosingAddress, setChoosingAddress] = useState(false)
  // The address book's code loads when the page is idle (or at the tap), not with the first screen.
  const [AddressSheet, loadAddressSheet] = useLazy(addressSheetCode)
  const { submit, submitting } = useSubmitOrder(onOrderCreated, onStockChanged)
  const setAddress = useCheckout((s) => s.setAddress)

  function onSubmit() {
    const { note, invoiceKind, invoiceTitle } = useCheckout.getState()
    if (!address || !priced.ok) return
    let invoice: Invoice = { kind: invoiceKind === 'personal' ? 'personal' : 'none' }
    if (invoiceKind === 'company') {
      const title = invoiceTitle.trim()
      if (!title) {
        showToast(t('checkout.invoice.titleRequired'))
        document.getElementById('invoice-title')?.focus()
        return
      }
      invoice = { kind: 'company', title }
    }
    const body: CreateOrderBody = { lines, addressId: address.id, note: note.trim(), invoice }
    void submit(body)
  }

  const problem = priced.ok
    ? null
    : priced.problem.kind === 'empty'
      ? t('checkout.problem.empty')
      : t('checkout.problem.stock')
  const itemCount = lines.reduce((n, l) => n + l.qty, 0)

  return (
    <>
      <main className="checkout__main">
        {address && (
          <AddressCard
            address={address}
            onChoose={() => {
              loadAddressSheet()
              setChoosingAddress(true)
            }}
          />
        )}
        {priced.ok &&
          priced.value.groups.map((group) => (
            <ShopCard
              key={group.shopId}
              group={group}
              catalog={catalog}
              freeDelivery={catalog.deliveryFen === 0}
            />
          ))}
        {problem && (
          <p className="card checkout__problem" role="alert">
            {problem}
          </p>
        )}
        {priced.ok && <OptionsCard catalog={catalog} breakdown={priced.value} />}
        {priced.ok && <PriceCard breakdown={priced.value} />}
      </main>
      <SubmitBar
        totalFen={priced.ok ? priced.value.totalFen : 0}
        savedFen={priced.ok ? priced.value.shopCouponFen + priced.value.crossStoreFen : 0}
        itemCount={itemCount}
        submitting={submitting}
        disabled={!priced.ok || !address}
        inFrame={inFrame}
        onSubmit={onSubmit}
      />
      {choosingAddress && address && AddressSheet && (
        <AddressSheet
          addresses={catalog.addresses}
          selectedId={address.id}
          onSelect={(id) => {
            setAddress(id)
            setChoosingAddress(false)
          }}
          onAdded={(added) => {
            // Saved in the world's book: selected, and the catalog asked again (it lists it now).
            setAddress(added.id)
            setChoosingAddress(false)
            onStockChanged()
          }}
          onClose={() => setChoosingAddress(false)}
        />
      )}
    </>
  )
}

import { useState } from 'react'
import type { Catalog } from '@/contract/catalog.ts'
import type { CreateOrderBody, Invoice } from '@/contract/order.ts'
import { fetchCatalog } from '@/lib/api/shop.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { showToast } from '@/lib/toast.ts'
import { useResource } from '@/lib/useResource.ts'
import { useLazy } from '@/lib/useLazy.ts'
import { IconOrders } from '@/ui/icons.tsx'
import { PageHeader } from '@/ui/PageHeader.tsx'
import { LoadState } from '@/ui/LoadState.tsx'
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
  const catalog = useResource(`catalog:${persona}`, fetchCatalog)

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
      {catalog.data ? (
        <CheckoutBody
          catalog={catalog.data}
          onOrderCreated={onOrderCreated}
          onStockChanged={catalog.reload}
        />
      ) : (
        <LoadState
          error={catalog.error}
          onRetry={catalog.reload}
          loadingText={t('common.loading')}
        />
      )}
    </div>
  )
}

interface BodyProps {
  catalog: Catalog
  onOrderCreated: (orderId: string) => void
  onStockChanged: () => void
}

const addressSheetCode = async () => (await import('./AddressSheet.tsx')).AddressSheet

function CheckoutBody({ catalog, onOrderCreated, onStockChanged }: BodyProps) {
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
          onClose={() => setChoosingAddress(false)}
        />
      )}
    </>
  )
}

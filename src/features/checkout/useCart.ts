import { useMemo } from 'react'
import type { Address, CartLine, Catalog } from '@/contract/catalog.ts'
import { priceCart } from '@/contract/pricing.ts'
import { useCheckout } from './checkout-store.ts'

export function clampQty(qty: number, stock: number): number {
  return Math.min(Math.max(1, Math.round(qty)), Math.max(1, stock))
}

/** The cart as the shopper edited it, priced live by the contract's one price calculation. */
export function useCart(catalog: Catalog) {
  const qty = useCheckout((s) => s.qty)
  const addressId = useCheckout((s) => s.addressId)
  return useMemo(() => {
    const lines: CartLine[] = catalog.cart.map((line) => {
      const stock = catalog.skus.find((s) => s.id === line.skuId)?.stock ?? 0
      return { skuId: line.skuId, qty: clampQty(qty[line.skuId] ?? line.qty, stock) }
    })
    const address: Address | undefined =
      catalog.addresses.find((a) => a.id === addressId) ??
      catalog.addresses.find((a) => a.isDefault) ??
      catalog.addresses[0]
    return { lines, address, priced: priceCart(catalog, lines) }
  }, [catalog, qty, addressId])
}

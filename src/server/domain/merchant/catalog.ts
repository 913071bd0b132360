import type { Catalog } from '../../../contract/catalog.ts'
import type { MerchantState } from '../state.ts'

/** Skus carry live stock: what is left after pending and paid orders. */
export function catalogView(state: MerchantState): Catalog {
  return {
    shops: state.shops,
    skus: [...state.skus.values()],
    addresses: state.addresses,
    cart: state.cart,
    crossStore: state.crossStore,
    deliveryFen: state.deliveryFen,
  }
}

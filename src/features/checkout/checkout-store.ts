import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { deviceKey } from '@/lib/device.ts'
import { newIdempotencyKey } from '@/lib/idempotency.ts'

export type InvoiceKind = 'none' | 'personal' | 'company'

/** What the shopper changed on the order page; the catalog's cart is the starting point. */
interface Draft {
  qty: Record<string, number>
  addressId: string | null
  note: string
  invoiceKind: InvoiceKind
  invoiceTitle: string
}

/** The submission in flight: its key is kept until the order exists, so retries never make a second order. */
interface PendingSubmit {
  key: string
  /** The body the key was used with; a different body is a new attempt with a new key. */
  body: string
}

/** How many of this phone's orders it remembers (the newest). */
const PLACED_KEPT = 20

interface CheckoutStore extends Draft {
  pending: PendingSubmit | null
  /** Checkouts placed from this phone, newest first: what their orders paid for leaves its cart. */
  placed: string[]
  setQty: (skuId: string, qty: number) => void
  setAddress: (addressId: string) => void
  setNote: (note: string) => void
  setInvoiceKind: (kind: InvoiceKind) => void
  setInvoiceTitle: (title: string) => void
  /** The Idempotency-Key for submitting `body`: the pending one if it was for the same body. */
  keyFor: (body: string) => string
  /** The order exists: the next submission is a new one, and the phone remembers the order. */
  settle: (orderId: string) => void
  /** The server refused the key (409): start over with a fresh one. */
  dropKey: () => void
}

export const useCheckout = create<CheckoutStore>()(
  persist(
    (set, get) => ({
      qty: {},
      addressId: null,
      note: '',
      invoiceKind: 'none',
      invoiceTitle: '',
      pending: null,
      placed: [],
      setQty: (skuId, qty) => set((s) => ({ qty: { ...s.qty, [skuId]: qty } })),
      setAddress: (addressId) => set({ addressId }),
      setNote: (note) => set({ note }),
      setInvoiceKind: (invoiceKind) => set({ invoiceKind }),
      setInvoiceTitle: (invoiceTitle) => set({ invoiceTitle }),
      keyFor: (body) => {
        const pending = get().pending
        if (pending && pending.body === body) return pending.key
        const key = newIdempotencyKey()
        set({ pending: { key, body } })
        return key
      },
      settle: (orderId) =>
        set((s) => ({
          pending: null,
          placed: [orderId, ...s.placed.filter((id) => id !== orderId)].slice(0, PLACED_KEPT),
        })),
      dropKey: () => set({ pending: null }),
    }),
    { name: deviceKey('checkout'), version: 1 },
  ),
)

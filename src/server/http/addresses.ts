import { addAddress } from '../domain/merchant/addresses.ts'
import { fail } from './respond.ts'
import type { RouteHandlers } from './route-table.ts'

/** Taobao's address book: POST /api/shop/addresses (the catalog lists the book). */
export function addressHandlers(): RouteHandlers<'addAddress'> {
  return {
    addAddress: (c, { body }) => {
      const { store } = c.get('world')
      const result = store.run((s) => addAddress(s.merchant, body))
      return result.ok ? c.json(result.value, 201) : fail(c, result.error)
    },
  }
}

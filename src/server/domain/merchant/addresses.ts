import type { Address, NewAddressBody } from '../../../contract/catalog.ts'
import { ADDRESS_BOOK_MAX } from '../../../contract/catalog.ts'
import { accept, refuse, type Decision } from '../result.ts'
import type { MerchantState } from '../state.ts'

/** The id of the book's next address: numbered after the ones added before, never reused. */
export function nextAddressId(state: Pick<MerchantState, 'addresses'>): string {
  const taken = new Set(state.addresses.map((a) => a.id))
  let n = state.addresses.length + 1
  while (taken.has(`addr-${n}`)) n++
  return `addr-${n}`
}

/**
 * 新增收货地址: the address goes into the world's book (the catalog lists it from then on), never as the
 * default (the seeded default stays). Pure: the answer and the event that records it, or why not.
 */
export function addAddress(
  state: Pick<MerchantState, 'addresses'>,
  body: NewAddressBody,
): Decision<Address> {
  if (state.addresses.length >= ADDRESS_BOOK_MAX) {
    return refuse('PARAM_ERROR', `the address book holds at most ${ADDRESS_BOOK_MAX} addresses`)
  }
  const address: Address = {
    id: nextAddressId(state),
    name: body.name,
    phone: body.phone,
    region: body.region,
    detail: body.detail,
    isDefault: false,
  }
  return accept(address, [{ type: 'address.added', address }])
}

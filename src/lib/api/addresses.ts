import type { Address, NewAddressBody } from '@/contract/catalog.ts'
import { callRoute } from './call.ts'

/** 新增收货地址: into the world's address book (the catalog lists it from then on). */
export function addAddress(body: NewAddressBody): Promise<Address> {
  return callRoute('addAddress', { body })
}

import { MOBILE_PATTERN, type NewAddressBody } from '@/contract/catalog.ts'

/** The address form's fields, as typed. */
export type AddressDraft = NewAddressBody
export type AddressField = keyof AddressDraft
export const ADDRESS_FIELDS: readonly AddressField[] = ['name', 'phone', 'region', 'detail']

/** Why a field is refused: empty, or not a mainland mobile number. */
export type FieldProblem = 'required' | 'phone' | 'short'

export const EMPTY_ADDRESS: AddressDraft = { name: '', phone: '', region: '', detail: '' }

/** The longest each field takes (the contract's NewAddressBodySchema). */
export const FIELD_MAX: Record<AddressField, number> = {
  name: 25,
  phone: 11,
  region: 60,
  detail: 120,
}

/** Each field's problem, if any (the same rules as the server's schema, so a valid form is accepted). */
export function addressProblems(draft: AddressDraft): Partial<Record<AddressField, FieldProblem>> {
  const problems: Partial<Record<AddressField, FieldProblem>> = {}
  for (const field of ADDRESS_FIELDS) {
    if (draft[field].trim() === '') problems[field] = 'required'
  }
  if (!problems.phone && !MOBILE_PATTERN.test(draft.phone.trim())) problems.phone = 'phone'
  for (const field of ['region', 'detail'] as const) {
    if (!problems[field] && draft[field].trim().length < 2) problems[field] = 'short'
  }
  return problems
}

/** The body to send: every field trimmed. */
export function addressBody(draft: AddressDraft): NewAddressBody {
  return {
    name: draft.name.trim(),
    phone: draft.phone.trim(),
    region: draft.region.trim(),
    detail: draft.detail.trim(),
  }
}

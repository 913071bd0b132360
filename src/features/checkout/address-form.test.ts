import { describe, expect, it } from 'vitest'
import { NewAddressBodySchema } from '@/contract/catalog.ts'
import { addressBody, addressProblems, EMPTY_ADDRESS } from './address-form.ts'

const good = {
  name: '赵敏',
  phone: '13912345678',
  region: '广东省 深圳市 南山区',
  detail: '科技园南区 1 栋 101',
}

describe('the address form', () => {
  it('asks for every field', () => {
    expect(addressProblems(EMPTY_ADDRESS)).toEqual({
      name: 'required',
      phone: 'required',
      region: 'required',
      detail: 'required',
    })
  })

  it('takes a mainland mobile number only: 1, then 3–9, then nine digits', () => {
    for (const phone of ['13912345678', '19900000000', ' 15011112222 ']) {
      expect(addressProblems({ ...good, phone }).phone).toBeUndefined()
    }
    for (const phone of [
      '12912345678',
      '1391234567',
      '139123456789',
      '+8613912345678',
      'abcdefghijk',
    ]) {
      expect(addressProblems({ ...good, phone }).phone).toBe('phone')
    }
  })

  it('accepts what the server accepts, trimmed', () => {
    expect(addressProblems(good)).toEqual({})
    const body = addressBody({ ...good, name: ' 赵敏 ' })
    expect(body.name).toBe('赵敏')
    expect(NewAddressBodySchema.safeParse(body).success).toBe(true)
    expect(addressProblems({ ...good, detail: 'x' }).detail).toBe('short')
  })
})

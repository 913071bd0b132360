import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AddressSchema, CatalogSchema } from '../../contract/catalog.ts'
import { ApiErrorSchema } from '../../contract/errors.ts'
import { addAddress } from '../domain/merchant/addresses.ts'
import { harness, type Harness } from './testing.ts'

const NEW = {
  name: '赵敏',
  phone: '13912345678',
  region: '广东省 深圳市 南山区 粤海街道',
  detail: '科技园南区 1 栋 101',
}

const add = (h: Harness, body: unknown) => h.call('POST', '/api/shop/addresses', { body })
const catalog = async (h: Harness) =>
  CatalogSchema.parse((await h.json('GET', '/api/shop/catalog')).body)

describe('POST /api/shop/addresses', () => {
  it('adds the address to the book: answered, listed by the catalog, orderable', async () => {
    const h = harness()
    const res = await add(h, NEW)
    expect(res.status).toBe(201)
    const address = AddressSchema.parse(await res.json())
    expect(address).toMatchObject({ ...NEW, isDefault: false })
    const book = (await catalog(h)).addresses
    expect(book.at(-1)).toEqual(address)
    // The seeded default stays the default.
    expect(book.filter((a) => a.isDefault).map((a) => a.id)).toEqual(['addr-hz'])
    const order = await h.call('POST', '/api/shop/orders', {
      body: { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: address.id },
      headers: h.as('shopper', { 'idempotency-key': 'address-order-1' }),
    })
    expect(order.status).toBeLessThan(300)
  })

  it('refuses a bad body with PARAM_ERROR, and changes nothing', async () => {
    const h = harness()
    const before = (await catalog(h)).addresses.length
    for (const body of [
      { ...NEW, phone: '12912345678' },
      { ...NEW, phone: '1391234567' },
      { ...NEW, name: '  ' },
      { ...NEW, region: '' },
      { ...NEW, detail: undefined },
      { ...NEW, extra: 1 },
      'not an object',
    ]) {
      const res = await add(h, body)
      expect(res.status).toBe(400)
      expect(ApiErrorSchema.parse(await res.json()).code).toBe('PARAM_ERROR')
    }
    expect((await catalog(h)).addresses).toHaveLength(before)
  })

  it('survives a restart (an event in the journal)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-addresses-'))
    try {
      const before = harness({}, { data: dir })
      const address = AddressSchema.parse(await (await add(before, NEW)).json())
      await before.store.durable()
      before.store.close()
      const after = harness({}, { data: dir })
      expect((await catalog(after)).addresses).toContainEqual(address)
      after.store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('addAddress (the decision)', () => {
  it('numbers addresses after the book, never reusing an id, and stops at 20', () => {
    const book = { addresses: [{ ...NEW, id: 'addr-2', isDefault: false }] }
    const first = addAddress(book, NEW)
    expect(first.ok && first.value.id).toBe('addr-3')
    expect(first.events).toEqual([{ type: 'address.added', address: first.ok && first.value }])
    const full = {
      addresses: Array.from({ length: 20 }, (_, i) => ({ ...NEW, id: `a${i}`, isDefault: false })),
    }
    const refused = addAddress(full, NEW)
    expect(refused.ok).toBe(false)
    expect(refused.events).toEqual([])
  })
})

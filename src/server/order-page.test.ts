import { describe, expect, it } from 'vitest'
import * as renderer from '../app/render-order-frame.tsx'
import { CatalogSchema } from '../contract/catalog.ts'
import { ORDER_SEED_ELEMENT_ID } from '../contract/order-seed.ts'
import { harness } from './http/testing.ts'
import { orderPages, seedAsk } from './order-page.ts'

await renderer.loadFrameWords()
const templates = {
  'zh-CN': `<html lang="zh-CN"><body>${renderer.renderOrderFrame('zh-CN')}<script src="/a.js"></script></body></html>`,
  en: `<html lang="en"><body>${renderer.renderOrderFrame('en')}<script src="/a.js"></script></body></html>`,
}
const SEEDED = '?persona=shopper&era=beta'

/** The JSON of the page's seed element. */
function seedOf(page: string): unknown {
  const open = `<script type="application/json" id="${ORDER_SEED_ELEMENT_ID}">`
  const start = page.indexOf(open)
  if (start < 0) return null
  return JSON.parse(page.slice(start + open.length, page.indexOf('</script>', start)))
}

describe('/ drawn with its cart', () => {
  it('only when the URL names the persona and the era, and nothing else but the language', () => {
    expect(seedAsk('?persona=shopper&era=beta')).toEqual({ persona: 'shopper', era: 'beta' })
    expect(seedAsk('?era=launch&persona=friend&lang=en')).toEqual({
      persona: 'friend',
      era: 'launch',
    })
    expect(seedAsk('')).toBeNull()
    expect(seedAsk('?persona=shopper')).toBeNull()
    expect(seedAsk('?persona=nobody&era=beta')).toBeNull()
    expect(seedAsk('?persona=shopper&era=beta&world=w1234567890123456789012')).toBeNull()
    expect(seedAsk('?persona=shopper&era=beta&device=phone-2')).toBeNull()
  })

  it("draws the API's own catalog into the frame, and carries it beside", async () => {
    const h = harness()
    const pages = orderPages(renderer, templates, (request) => h.app.fetch(request))
    const page = await pages.page(SEEDED, 'zh-CN')
    const catalog = CatalogSchema.parse(await (await h.call('GET', '/api/shop/catalog')).json())
    expect(page).toContain('data-first-frame="zh-CN"')
    expect(page).toContain('data-testid="address-card"')
    expect(page).toContain(catalog.addresses[0]?.name)
    expect(page).toContain('data-testid="submit-order"')
    expect(page).not.toContain('skeleton')
    expect(seedOf(page ?? '')).toEqual({ persona: 'shopper', era: 'beta', lang: 'zh-CN', catalog })
    // The page's script still comes after the frame.
    expect(page?.indexOf('address-card')).toBeLessThan(page?.indexOf('/a.js') ?? 0)
    const en = await pages.page(`${SEEDED}&lang=en`, 'zh-CN')
    expect(en).toContain('data-first-frame="en"')
    expect(en).toContain('Submit order')
  })

  it('escapes the seed, so no text in the cart closes its script element', async () => {
    const h = harness()
    const real = await (await h.call('GET', '/api/shop/catalog')).json()
    const hostile = CatalogSchema.parse(real)
    const first = hostile.addresses[0]
    if (!first) throw new Error('the seeded catalog has an address')
    first.detail = '</script><script>alert(1)</script>$&'
    const pages = orderPages(renderer, templates, () => Response.json(hostile))
    const page = (await pages.page(SEEDED, undefined)) ?? ''
    expect(page).not.toContain('<script>alert(1)')
    expect(page.match(/<\/script>/g)?.length).toBe(2)
    // …and the seed reads back as it was.
    expect(CatalogSchema.parse((seedOf(page) as { catalog: unknown }).catalog)).toEqual(hostile)
  })

  it('sends the frame without a cart when the catalog fails, is slow, or is empty', async () => {
    const failing = orderPages(renderer, templates, () => new Response('no', { status: 500 }))
    expect(await failing.page(SEEDED, undefined)).toBeNull()
    const throwing = orderPages(renderer, templates, () => {
      throw new Error('down')
    })
    expect(await throwing.page(SEEDED, undefined)).toBeNull()
    const never = orderPages(renderer, templates, () => new Promise<Response>(() => undefined), 5)
    expect(await never.page(SEEDED, undefined)).toBeNull()
    const h = harness()
    const catalog = CatalogSchema.parse(await (await h.call('GET', '/api/shop/catalog')).json())
    const empty = orderPages(renderer, templates, () => Response.json({ ...catalog, cart: [] }))
    expect(await empty.page(SEEDED, undefined)).toBeNull()
    // A URL that does not say whose cart: not even asked.
    let asked = 0
    const counting = orderPages(renderer, templates, () => {
      asked += 1
      return Response.json(catalog)
    })
    expect(await counting.page('?persona=shopper', undefined)).toBeNull()
    expect(asked).toBe(0)
  })

  it('sends the frame without a cart for a template that does not hold the frame it replaces', async () => {
    const h = harness()
    const pages = orderPages(renderer, { 'zh-CN': '<html></html>', en: '<html></html>' }, (r) =>
      h.app.fetch(r),
    )
    expect(await pages.page(SEEDED, undefined)).toBeNull()
  })
})

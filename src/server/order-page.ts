// `/` drawn with its cart (issue 25): the largest thing on the order page (the address, the goods) is in
// the HTML, so it paints before any script runs, and the browser hydrates the same page from the cart
// carried beside it (contract/order-seed.ts). The server asks its own API for the catalog, in process,
// exactly as the phone would; whenever it cannot be sure what the phone's page would show, it sends the
// frame without a cart (first-frame.ts) and the phone asks as before.
import type { Catalog } from '../contract/catalog.ts'
import { SIM_HEADERS } from '../contract/headers.ts'
import { orderSeedScript, type OrderSeed } from '../contract/order-seed.ts'
import { EraSchema, PersonaIdSchema } from '../contract/sim.ts'
import { frameLang, type FrameLang, type FrameRenderer } from './first-frame.ts'

/** Longer than the catalog takes in process (well under a millisecond), shorter than a phone's round trip. */
export const SEED_TIMEOUT_MS = 150
/** The query a seeded `/` may have: whose cart and in which era, both named, and the language. */
const SEED_PARAMS = new Set(['persona', 'era', 'lang'])

/**
 * Who the cart is asked for, from `/`'s query, or null: the phone's own settings (its persona, era, world,
 * app version, kept in its storage) could make its page another one. Only a URL that names the persona and
 * the era, and nothing else but the language, says for sure (the app applies the URL's before it starts).
 */
export function seedAsk(
  search: string,
): { persona: OrderSeed['persona']; era: OrderSeed['era'] } | null {
  const query = new URLSearchParams(search)
  for (const name of query.keys()) if (!SEED_PARAMS.has(name)) return null
  const persona = PersonaIdSchema.safeParse(query.get('persona'))
  const era = EraSchema.safeParse(query.get('era'))
  return persona.success && era.success ? { persona: persona.data, era: era.data } : null
}

/** The catalog as the API answers the phone, or null (an error, a fault, a slow answer). */
export type AskCatalog = (request: Request) => Response | Promise<Response>

async function catalogFor(
  ask: AskCatalog,
  who: { persona: string; era: string },
  timeoutMs: number,
): Promise<Catalog | null> {
  const request = new Request('http://localhost/api/shop/catalog', {
    headers: {
      accept: 'application/json',
      [SIM_HEADERS.persona]: who.persona,
      [SIM_HEADERS.era]: who.era,
    },
  })
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<null>((done) => {
    timer = setTimeout(() => done(null), timeoutMs)
  })
  const answer = (async () => {
    const res = await ask(request)
    return res.status === 200 ? ((await res.json()) as Catalog) : null
  })().catch(() => null)
  try {
    return await Promise.race([answer, late])
  } finally {
    clearTimeout(timer)
  }
}

export interface OrderPages {
  /** `/`'s page drawn with its cart, or null: send the frame without one. */
  page(search: string, acceptLanguage: string | undefined): Promise<string | null>
}

/**
 * `templates` are the build's framed pages (index.html, index.en.html): each has the frame without a cart
 * exactly as `renderer` draws it, which this replaces by the frame with the cart and the cart's script.
 */
export function orderPages(
  renderer: FrameRenderer,
  templates: Record<FrameLang, string>,
  ask: AskCatalog,
  timeoutMs = SEED_TIMEOUT_MS,
): OrderPages {
  const bare: Record<FrameLang, string> = {
    'zh-CN': renderer.renderOrderFrame('zh-CN'),
    en: renderer.renderOrderFrame('en'),
  }
  // Checked once: a template without the frame it should hold (another build's) is never drawn into.
  const usable: Record<FrameLang, boolean> = {
    'zh-CN': templates['zh-CN'].includes(bare['zh-CN']),
    en: templates.en.includes(bare.en),
  }
  return {
    async page(search, acceptLanguage) {
      const who = seedAsk(search)
      if (!who) return null
      const lang = frameLang(search, acceptLanguage)
      const template = templates[lang]
      if (!usable[lang]) return null
      const catalog = await catalogFor(ask, who, timeoutMs)
      // An empty cart is its own page (the order page's 购物车是空的), drawn by the app.
      if (!catalog || catalog.cart.length === 0) return null
      let framed: string
      try {
        framed = renderer.renderOrderFrame(lang, catalog)
      } catch {
        return null
      }
      const seed = orderSeedScript({ ...who, lang, catalog })
      // A function, so no `$` in the cart is read as a replacement pattern.
      return template.replace(bare[lang], () => framed + seed)
    },
  }
}

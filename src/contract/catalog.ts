import { z } from 'zod'
import { FenSchema } from './money.ts'

export const ShopSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Shop coupon: `offFen` off when the shop's items reach `thresholdFen`. */
  coupon: z.object({ thresholdFen: FenSchema, offFen: FenSchema }).nullable(),
})
export type Shop = z.infer<typeof ShopSchema>

export const SkuSchema = z.object({
  id: z.string(),
  shopId: z.string(),
  title: z.string(),
  /** The chosen variant, as Taobao prints it under the title ("颜色：白色；尺码：L"). */
  spec: z.string(),
  image: z.string(),
  priceFen: FenSchema,
  stock: z.number().int().nonnegative(),
  /** Minutes the shopper has to pay once the order exists. */
  payWindowMinutes: z.number().int().positive(),
  /** In the 2022 beta only some goods offered WeChat scan-code payment. */
  wechatEligible: z.boolean(),
  /** Seller pays the Huabei installment fee (免息). */
  huabeiSellerPays: z.boolean(),
})
export type Sku = z.infer<typeof SkuSchema>

export const AddressSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  region: z.string(),
  detail: z.string(),
  isDefault: z.boolean(),
})
export type Address = z.infer<typeof AddressSchema>

/** A mainland mobile number, as Taobao's address form takes it: 11 digits, 13x–19x. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/
/** How many addresses the book holds (Taobao's own limit is 20). */
export const ADDRESS_BOOK_MAX = 20

/** `POST /api/shop/addresses`: a new address for the book (收货人, 手机号, 所在地区, 详细地址). */
export const NewAddressBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(25),
  phone: z.string().trim().regex(MOBILE_PATTERN, 'a mainland mobile number: 1[3-9] and 9 digits'),
  region: z.string().trim().min(2).max(60),
  detail: z.string().trim().min(2).max(120),
})
export type NewAddressBody = z.infer<typeof NewAddressBodySchema>

export const CartLineSchema = z.object({
  skuId: z.string().min(1).max(64),
  qty: z.number().int().min(1).max(999),
})
export type CartLine = z.infer<typeof CartLineSchema>

export const CatalogSchema = z.object({
  shops: z.array(ShopSchema),
  skus: z.array(SkuSchema),
  addresses: z.array(AddressSchema),
  /** The seeded cart the order page starts from. */
  cart: z.array(CartLineSchema),
  /** Cross-store discount (跨店满减): `offFen` off for every `thresholdFen` of goods. */
  crossStore: z.object({ thresholdFen: FenSchema, offFen: FenSchema }),
  deliveryFen: FenSchema,
})
export type Catalog = z.infer<typeof CatalogSchema>

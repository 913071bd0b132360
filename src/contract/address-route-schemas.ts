// The schemas of the address book's routes (`/api/shop/addresses`), spread into ROUTE_SCHEMAS under the
// names of routes.ts.
import { AddressSchema, NewAddressBodySchema } from './catalog.ts'
import type { ErrorCode } from './errors.ts'
import type { RouteSchema } from './route-schema.ts'
import type { RouteName } from './routes.ts'

const errors: readonly ErrorCode[] = ['PARAM_ERROR', 'WORLD_FULL', 'STORAGE_UNAVAILABLE']

export const ADDRESS_ROUTE_SCHEMAS = {
  addAddress: {
    summary:
      "Add an address to the world's address book (收货人, 手机号 1[3-9]xxxxxxxxx, 所在地区, 详细地址); the catalog lists it after",
    tag: 'merchant',
    body: NewAddressBodySchema,
    answer: { status: 201, schema: AddressSchema },
    errors,
  },
} as const satisfies Partial<Record<RouteName, RouteSchema>>

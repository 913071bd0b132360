import type { Address, CartLine, Shop, Sku } from '../../contract/catalog.ts'
import { PersonaIdSchema } from '../../contract/sim.ts'
import type { PersonaId } from '../../contract/sim.ts'
import { DEFAULT_HUABEI_FEE_BP } from './gateway/huabei.ts'
import { PERSONAS, SEED_PASSWORD } from './personas.ts'
import { indexAdd } from './state.ts'
import type { Account, GatewayState, MerchantState, State } from './state.ts'
import { emptyWechatpayState } from './wechatpay/state.ts'
import { emptyAlipayState } from './alipay/state.ts'

export const SEED_SHOPS: Shop[] = [
  { id: 'shop-tea', name: '西湖茗香茶业旗舰店', coupon: { thresholdFen: 99_00, offFen: 10_00 } },
  { id: 'shop-style', name: '青禾服饰数码专营店', coupon: { thresholdFen: 200_00, offFen: 20_00 } },
]

export const SEED_SKUS: Sku[] = [
  {
    id: 'sku-longjing-250',
    shopId: 'shop-tea',
    title: '2024新茶 明前特级西湖龙井 绿茶茶叶 礼盒装',
    spec: '规格：250g礼盒；等级：特级',
    image: '/products/tea.svg',
    priceFen: 168_00,
    stock: 100,
    payWindowMinutes: 30,
    wechatEligible: true,
    huabeiSellerPays: true,
  },
  {
    id: 'sku-mug-150',
    shopId: 'shop-tea',
    title: '手工粗陶品茗杯 日式复古茶杯 单只装',
    spec: '颜色：月白；容量：150ml',
    image: '/products/mug.svg',
    priceFen: 39_90,
    stock: 50,
    payWindowMinutes: 30,
    wechatEligible: true,
    huabeiSellerPays: false,
  },
  {
    id: 'sku-tshirt-white-l',
    shopId: 'shop-style',
    title: '260g重磅纯棉短袖T恤 男女同款 宽松圆领',
    spec: '颜色：白色；尺码：L',
    image: '/products/tshirt.svg',
    priceFen: 79_00,
    stock: 200,
    payWindowMinutes: 30,
    wechatEligible: true,
    huabeiSellerPays: false,
  },
  {
    // Not in the seeded cart: the scarce, quick-to-expire, beta-ineligible item testers add by API.
    id: 'sku-earbuds-anc',
    shopId: 'shop-style',
    title: '真无线蓝牙耳机 主动降噪 超长续航 入耳式',
    spec: '颜色：星空黑；版本：降噪版',
    image: '/products/earbuds.svg',
    priceFen: 299_00,
    stock: 3,
    payWindowMinutes: 15,
    wechatEligible: false,
    huabeiSellerPays: true,
  },
]

export const SEED_ADDRESSES: Address[] = [
  {
    id: 'addr-hz',
    name: '张伟',
    phone: '13812345678',
    region: '浙江省 杭州市 西湖区 文新街道',
    detail: '文三路478号 华星时代广场A座1203室',
    isDefault: true,
  },
  {
    id: 'addr-sh',
    name: '李娜',
    phone: '13987654321',
    region: '上海市 浦东新区 陆家嘴街道',
    detail: '世纪大道100号 环球金融中心45楼',
    isDefault: false,
  },
  {
    id: 'addr-bj',
    name: '王芳',
    phone: '15011112222',
    region: '北京市 海淀区 中关村街道',
    detail: '中关村大街27号 中关村大厦8层806',
    isDefault: false,
  },
]

/** ¥168.00 + 2 × ¥39.90 + 2 × ¥79.00, less ¥10 shop coupon and ¥30 cross-store: ¥365.80. */
export const SEED_CART: CartLine[] = [
  { skuId: 'sku-longjing-250', qty: 1 },
  { skuId: 'sku-mug-150', qty: 2 },
  { skuId: 'sku-tshirt-white-l', qty: 2 },
]

export const SEED_CROSS_STORE = { thresholdFen: 300_00, offFen: 30_00 }

function seedAccounts(): Record<PersonaId, Account> {
  const entries = PersonaIdSchema.options.map((id): [PersonaId, Account] => [
    id,
    {
      wallet: { ...PERSONAS[id].wallet },
      password: SEED_PASSWORD,
      guards: {
        alipay: { failedTries: 0, lockedUntilMs: null },
        wechat: { failedTries: 0, lockedUntilMs: null },
        unionpay: { failedTries: 0, lockedUntilMs: null },
      },
    },
  ])
  return Object.fromEntries(entries) as Record<PersonaId, Account>
}

/** A fresh state, as after `POST /api/__test/reset`. */
export function seedState(): State {
  return {
    merchant: {
      shops: SEED_SHOPS.map((s) => ({ ...s })),
      skus: new Map(SEED_SKUS.map((s) => [s.id, { ...s }])),
      addresses: SEED_ADDRESSES.map((a) => ({ ...a })),
      cart: SEED_CART.map((l) => ({ ...l })),
      crossStore: { ...SEED_CROSS_STORE },
      deliveryFen: 0,
      orders: new Map(),
      pendingOrders: new Set(),
      orderKeys: new Map(),
      checkouts: new Map(),
    },
    gateway: {
      payments: new Map(),
      openPayments: new Set(),
      paymentsByOrder: new Map(),
      paymentByToken: new Map(),
      paymentKeys: new Map(),
      paidOrders: new Map(),
      friendRequests: new Map(),
      friendByOrder: new Map(),
      friendKeys: new Map(),
      accounts: seedAccounts(),
      settings: { huabeiFeeBp: { ...DEFAULT_HUABEI_FEE_BP } },
      refunds: new Map(),
    },
    wechatpay: emptyWechatpayState(),
    alipay: emptyAlipayState(),
  }
}

/** A state read from a snapshot of an older version, with what it could not hold yet. */
export function upgradeState(state: State): State {
  const partial = state as Partial<State>
  partial.wechatpay ??= emptyWechatpayState()
  partial.alipay ??= emptyAlipayState()
  const gateway = state.gateway as Partial<GatewayState>
  gateway.refunds ??= new Map()
  // Orders from before refunds: nothing refunded. Orders from before checkouts: each its own.
  const merchant = state.merchant as Partial<MerchantState> & MerchantState
  const rebuild = merchant.checkouts === undefined
  merchant.checkouts ??= new Map()
  for (const order of state.merchant.orders.values()) {
    order.refundedFen ??= 0
    order.checkoutId ??= order.id
    if (rebuild) indexAdd(merchant.checkouts, order.checkoutId, order.id)
  }
  return state
}

// The simulator's vocabulary, as a suite outside this repository sees it (the kit ships on its own:
// these mirror src/contract, and a test of the repository keeps them equal).

export const PERSONAS = [
  'shopper',
  'not_invited',
  'old_app',
  'low_balance',
  'friend',
  'slow_network',
  'flaky_gateway',
] as const
export type Persona = (typeof PERSONAS)[number]
export type Era = 'beta' | 'launch'
export type Lang = 'zh-CN' | 'en'

/** Headers of the gateway's test API and of worlds. */
export const WORLD_HEADER = 'x-sim-world'
export const TEST_TOKEN_HEADER = 'x-sim-test-token'

/** The money in one persona's wallet, in fen. */
export interface Wallet {
  alipayBalanceFen: number
  wechatBalanceFen: number
  huabeiAvailableFen: number
  alipayCardFen: number
  unionpayCardFen: number
  wechatCardFen: number
  [other: string]: number
}

/** `GET /api/__test/state` (TESTING.md). */
export interface GatewayState {
  now: string
  /** An order per shop of each checkout (`checkoutId`; a one-shop checkout has its order's id). */
  orders: { id: string; checkoutId: string; status: string; totalFen: number; refundedFen: number }[]
  /** One per submit of the order page: its shops' orders, paid together by one payment. */
  checkouts: {
    checkoutId: string
    orderIds: string[]
    status: string
    totalFen: number
    paymentId: string | null
  }[]
  payments: {
    id: string
    /** The checkout it pays (the same as `checkoutId`). */
    orderId: string
    checkoutId: string
    orderIds: string[]
    channel: string
    status: string
    amountFen: number
    payer: Persona | null
    source: string | null
  }[]
  friendRequests: {
    token: string
    orderId: string
    status: string
    endReason: string | null
    requester: Persona
    payer: Persona | null
  }[]
  wallets: Record<Persona, Wallet>
}

export interface Faults {
  notify?: 'normal' | 'drop' | 'duplicate' | 'delay'
  latencyMs?: number
  failNextConfirm?: string | null
}

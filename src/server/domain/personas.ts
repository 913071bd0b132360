import type { Wallet } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'

/** Who each simulator persona is (BRIEF §6). Wallets here are the seed; the gateway owns the live ones. */
export interface PersonaProfile {
  id: PersonaId
  nickname: string
  /** In the March 2022 WeChat internal test cohort. */
  invitedToBeta: boolean
  /** The Taobao app version the persona runs unless the client says otherwise. */
  appVersion: string
  hasHuabei: boolean
  wallet: Wallet
}

export const SEED_PASSWORD = '123456'

// Bank cards are modelled as balances (a generous limit for the Alipay card) so every fen is accounted for.
const cards = { alipayCardFen: 50_000_00, unionpayCardFen: 20_000_00, wechatCardFen: 20_000_00 }

const standardWallet: Wallet = {
  alipayBalanceFen: 5_000_00,
  huabeiAvailableFen: 3_000_00,
  wechatBalanceFen: 2_000_00,
  ...cards,
}

function asShopper(id: PersonaId, changes: Partial<PersonaProfile> = {}): PersonaProfile {
  return {
    id,
    nickname: '张伟',
    invitedToBeta: true,
    appVersion: '10.40.0',
    hasHuabei: true,
    wallet: { ...standardWallet },
    ...changes,
  }
}

export const PERSONAS: Record<PersonaId, PersonaProfile> = {
  shopper: asShopper('shopper'),
  not_invited: asShopper('not_invited', { nickname: '李娜', invitedToBeta: false }),
  old_app: asShopper('old_app', { nickname: '王强', appVersion: '10.10.0' }),
  low_balance: asShopper('low_balance', {
    nickname: '陈晨',
    hasHuabei: false,
    wallet: {
      alipayBalanceFen: 10_00,
      huabeiAvailableFen: 0,
      wechatBalanceFen: 10_00,
      alipayCardFen: 2_000_00, // balance short, but the linked card still pays
      unionpayCardFen: 50_00,
      wechatCardFen: 50_00,
    },
  }),
  friend: asShopper('friend', {
    nickname: '小美',
    hasHuabei: false,
    wallet: {
      alipayBalanceFen: 1_000_00,
      huabeiAvailableFen: 0,
      wechatBalanceFen: 10_000_00,
      ...cards,
    },
  }),
  slow_network: asShopper('slow_network', { nickname: '赵磊' }),
  flaky_gateway: asShopper('flaky_gateway', { nickname: '刘洋' }),
}

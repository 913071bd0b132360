import type { PersonaId } from '../../../contract/sim.ts'

/**
 * Each persona's openid (28 characters, as WeChat's are). A JSAPI order's `payer.openid` names who may
 * pay it; the shopper's is the openid of WeChat's own documentation examples, so a copied example pays
 * as the shopper. An openid not in this table can be paid by any persona. docs/wechatpay.md.
 */
export const OPENIDS: Record<PersonaId, string> = {
  shopper: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o',
  not_invited: 'oUpF8uLiNa_NotInvited0000001',
  old_app: 'oUpF8uWangQiang_OldApp000001',
  low_balance: 'oUpF8uChenChen_LowBal0000001',
  friend: 'oUpF8uXiaoMei_Friend00000001',
  slow_network: 'oUpF8uZhaoLei_SlowNet0000001',
  flaky_gateway: 'oUpF8uLiuYang_Flaky000000001',
}

const BY_OPENID = new Map(
  Object.entries(OPENIDS).map(([persona, id]) => [id, persona as PersonaId]),
)

/** The persona an openid belongs to, if it is one of theirs. */
export function personaOfOpenid(openid: string | null): PersonaId | null {
  return openid === null ? null : (BY_OPENID.get(openid) ?? null)
}

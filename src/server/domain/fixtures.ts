import type { Sku } from '../../contract/catalog.ts'
import type { Wallet } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { GatewaySettings } from '../../contract/test-api.ts'
import { accept, refuse } from './result.ts'
import type { Decision } from './result.ts'
import type { State } from './state.ts'

// What the test API may change besides the clock: simulator settings and fixtures. Journalled like
// everything else, so a restart keeps them.

export function changeSettings(
  state: State,
  change: { huabeiFeeBp: Partial<GatewaySettings['huabeiFeeBp']> },
): Decision<GatewaySettings> {
  const settings: GatewaySettings = {
    huabeiFeeBp: { ...state.gateway.settings.huabeiFeeBp, ...change.huabeiFeeBp },
  }
  return accept(settings, [{ type: 'settings.changed', settings }])
}

export function setWallet(
  state: State,
  persona: PersonaId,
  wallet: Partial<Wallet>,
): Decision<Wallet> {
  return accept({ ...state.gateway.accounts[persona].wallet, ...wallet }, [
    { type: 'fixture.wallet', persona, wallet },
  ])
}

export function setStock(state: State, skuId: string, stock: number): Decision<Sku> {
  const sku = state.merchant.skus.get(skuId)
  if (!sku) return refuse('PARAM_ERROR', `unknown SKU ${skuId}`)
  return accept({ ...sku, stock }, [{ type: 'fixture.stock', skuId, stock }])
}

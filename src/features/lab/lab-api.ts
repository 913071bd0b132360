import { api } from '@/lib/api/client.ts'
import type { Wallet } from '@/contract/payment.ts'
import type { PersonaId } from '@/contract/sim.ts'

/** The seed balances a run pays from (server/domain/personas.ts), so a run never fails for money. */
const SEED: Partial<Record<PersonaId, Partial<Wallet>>> = {
  shopper: { wechatBalanceFen: 2_000_00, alipayBalanceFen: 5_000_00 },
  friend: { wechatBalanceFen: 10_000_00, alipayBalanceFen: 1_000_00 },
}

/**
 * Seeds the gateway for a run without resetting it (other phones keep their orders): the run's personas
 * get their seed balances back through the test API. A gateway with the test API off is left as it is.
 */
export async function seedWallets(personas: readonly PersonaId[]): Promise<void> {
  await Promise.all(
    personas.map(async (persona) => {
      const wallet = SEED[persona]
      if (!wallet) return
      try {
        await api(
          '/__test/wallets',
          async () => (await import('@/contract/test-api.ts')).OkSchema,
          {
            method: 'POST',
            body: { persona, wallet },
          },
        )
      } catch {
        // Test API off: the run pays from whatever the wallet holds.
      }
    }),
  )
}

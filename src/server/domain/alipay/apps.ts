import type { RegisterAlipayAppBody } from '../../../contract/alipay-test.ts'
import { accept, iso } from '../result.ts'
import type { Decision } from '../result.ts'
import type { AlipayAppRecord, AlipayState } from './state.ts'

/** Registers (or updates) an app's own public key in this world. Uniqueness across worlds is the adapter's. */
export function registerAlipayApp(
  state: AlipayState,
  body: RegisterAlipayAppBody,
  now: number,
): Decision<AlipayAppRecord> {
  const app: AlipayAppRecord = {
    appId: body.appId,
    publicKeyPem: body.publicKeyPem,
    name: body.name ?? `应用 ${body.appId}`,
    registeredAt: state.apps.get(body.appId)?.registeredAt ?? iso(now),
  }
  return accept(app, [{ type: 'alipay.app.registered', app }])
}

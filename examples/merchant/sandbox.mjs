// Simulator only (a real shop has its keys from pay.weixin.qq.com): the sandbox's keys for this shop,
// and its name on WeChat's pay sheet. With SIM_WORLD, everything lands in that world (a test's own).

/** The merchant's keys and WeChat Pay's public key from the simulator's test API. */
export async function sandboxKeys(simUrl, world, name) {
  const headers = { 'content-type': 'application/json', ...(world ? { 'x-sim-world': world } : {}) }
  const res = await fetch(`${simUrl}/api/__test/wechatpay/keys`, { headers })
  if (!res.ok) throw new Error(`the simulator at ${simUrl} answered ${res.status}: is it running?`)
  const keys = await res.json()
  const { merchant } = keys
  // The same demo key again, with the shop's name (shown on the pay sheet and in 账单).
  const registered = await fetch(`${simUrl}/api/__test/wechatpay/merchants`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      mchid: merchant.mchid,
      serialNo: merchant.serialNo,
      publicKeyPem: merchant.certificatePem,
      apiV3Key: merchant.apiV3Key,
      appid: merchant.appid,
      name,
      codeUrl: process.env.CODE_URL === 'web' ? 'web' : 'weixin',
    }),
  })
  if (!registered.ok) throw new Error(`registering the shop: ${await registered.text()}`)
  return { merchant, platformKey: { id: keys.publicKeyId, pem: keys.publicKeyPem } }
}

/**
 * Alipay's public key and an app of this shop's own: a fresh app_id registered with the sandbox's demo
 * key pair under the shop's name (a real shop has its app from open.alipay.com, its keys from the portal).
 */
export async function alipaySandboxKeys(simUrl, world, name) {
  const headers = { 'content-type': 'application/json', ...(world ? { 'x-sim-world': world } : {}) }
  const res = await fetch(`${simUrl}/api/__test/alipay/keys`, { headers })
  if (!res.ok) throw new Error(`the simulator at ${simUrl} answered ${res.status}: is it running?`)
  const keys = await res.json()
  const appId = `2021${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`
  const registered = await fetch(`${simUrl}/api/__test/alipay/apps`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ appId, publicKeyPem: keys.app.publicKeyPem, name }),
  })
  if (!registered.ok)
    throw new Error(`registering the shop's Alipay app: ${await registered.text()}`)
  return {
    alipayPublicKey: keys.alipayPublicKeyPem,
    app: { appId, privateKeyPem: keys.app.privateKeyPem },
  }
}

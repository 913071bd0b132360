/**
 * A scanned text as WeChat reads it: a native pay code in either form of BRIEF §5 (`ORIGIN/wechat/pay?pr=`
 * or `weixin://wxpay/bizpayurl?pr=`), a web link, or plain text.
 */
export type ScannedCode =
  | { kind: 'pay'; token: string }
  | { kind: 'link'; url: string; path: string | null }
  | { kind: 'text'; text: string }

export function readCode(
  text: string,
  origin: string = globalThis.location?.origin ?? '',
): ScannedCode {
  const trimmed = text.trim()
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { kind: 'text', text: trimmed }
  }
  const pr = url.searchParams.get('pr')
  if (url.protocol === 'weixin:') {
    // weixin://wxpay/bizpayurl?pr=…: host "wxpay", path "/bizpayurl".
    const isPay =
      `${url.host}${url.pathname}` === 'wxpay/bizpayurl' || url.href.includes('wxpay/bizpayurl')
    return isPay && pr ? { kind: 'pay', token: pr } : { kind: 'text', text: trimmed }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'text', text: trimmed }
  if (url.pathname === '/wechat/pay' && pr) return { kind: 'pay', token: pr }
  const sameSite = url.origin === origin
  return { kind: 'link', url: url.href, path: sameSite ? `${url.pathname}${url.search}` : null }
}

/** Whether a chat message's text is one link and nothing else. */
export function isLinkText(text: string): boolean {
  return /^(https?|weixin):\/\/\S+$/.test(text.trim())
}

import { readPayCode } from '@/contract/paths.ts'

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
  const token = readPayCode(trimmed)
  if (token) return { kind: 'pay', token }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'text', text: trimmed }
  const sameSite = url.origin === origin
  return { kind: 'link', url: url.href, path: sameSite ? `${url.pathname}${url.search}` : null }
}

/** A chat message's text cut into plain runs and the links WeChat makes tappable in it. */
export type TextRun = { kind: 'text'; text: string } | { kind: 'link'; url: string }

export function splitLinks(text: string): TextRun[] {
  const runs: TextRun[] = []
  let last = 0
  for (const match of text.matchAll(/(?:https?|weixin):\/\/[^\s<>"'，。！？]+/g)) {
    if (match.index > last) runs.push({ kind: 'text', text: text.slice(last, match.index) })
    runs.push({ kind: 'link', url: match[0] })
    last = match.index + match[0].length
  }
  if (last < text.length) runs.push({ kind: 'text', text: text.slice(last) })
  return runs
}

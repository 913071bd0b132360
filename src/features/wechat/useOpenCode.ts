import { useNavigate } from 'react-router'
import { useSettings } from '@/lib/settings.ts'
import { readCode } from './pay-code.ts'

/** What WeChat says instead of opening a code. */
export type CodeNotice = { kind: 'refused' } | { kind: 'none' } | { kind: 'text'; text: string }

export function payPath(token: string): string {
  return `/wechat/pay?pr=${encodeURIComponent(token)}`
}

/** A pay-for-me link opens in WeChat's own browser, where the friend pays with WeChat Pay. */
function inWechatBrowser(path: string): string {
  return path.startsWith('/friend-pay/') ? `/wechat${path}` : path
}

/**
 * Opens what a QR code says, as WeChat does: a pay code opens the pay sheet, except through a long press,
 * which WeChat refuses for native pay codes (unless the simulator's setting allows it); a link to this site
 * opens in WeChat; anything else is shown as text. Returns the notice to show, or null when it navigated.
 */
export function useOpenCode(): (
  text: string | null,
  via: 'scan' | 'long-press',
) => CodeNotice | null {
  const navigate = useNavigate()
  const longPress = useSettings((s) => s.longPress)
  return (text, via) => {
    if (text === null) return { kind: 'none' }
    const code = readCode(text)
    if (code.kind === 'pay') {
      if (via === 'long-press' && longPress !== 'allow') return { kind: 'refused' }
      void navigate(payPath(code.token))
      return null
    }
    if (code.kind === 'link' && code.path) {
      void navigate(inWechatBrowser(code.path))
      return null
    }
    return { kind: 'text', text: code.kind === 'link' ? code.url : code.text }
  }
}

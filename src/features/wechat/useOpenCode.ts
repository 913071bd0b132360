import { useNavigate } from 'react-router'
import { inWechatBrowser, payCodePath } from '@/contract/paths.ts'
import { useSettings } from '@/lib/settings.ts'
import { readCode } from './pay-code.ts'

/** What WeChat says instead of opening a code. */
export type CodeNotice = { kind: 'refused' } | { kind: 'none' } | { kind: 'text'; text: string }

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
      void navigate(payCodePath(code.token))
      return null
    }
    if (code.kind === 'link' && code.path) {
      // A pay-for-me link opens in WeChat's own browser, where the friend pays with WeChat Pay.
      void navigate(inWechatBrowser(code.path))
      return null
    }
    return { kind: 'text', text: code.kind === 'link' ? code.url : code.text }
  }
}

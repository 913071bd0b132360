import { useT } from '@/lib/i18n/i18n.ts'
import type { CodeNotice } from './useOpenCode.ts'
import { WxDialog } from './WxDialog.tsx'

/** WeChat's answer when a code can't be opened: the long-press refusal, no code found, or the code's text. */
export function CodeNoticeDialog({ notice, onClose }: { notice: CodeNotice; onClose: () => void }) {
  const { t } = useT()
  const text =
    notice.kind === 'refused'
      ? t('wechat.code.refused')
      : notice.kind === 'none'
        ? t('wechat.code.none')
        : notice.text
  return (
    <WxDialog
      title={notice.kind === 'text' ? t('wechat.code.content') : undefined}
      text={text}
      testId="wechat-code-notice"
      actions={[{ label: t('wechat.code.ok'), onClick: onClose }]}
    />
  )
}

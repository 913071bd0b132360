import { useT } from '@/lib/i18n/i18n.ts'
import { Question } from '@/ui/Question.tsx'
import './jump.css'

/** An old Taobao taps 微信支付: "请将淘宝升级到最新版本以使用微信支付". */
export function UpdateAppNotice({ onClose }: { onClose: () => void }) {
  const { t } = useT()
  return (
    <Question
      look="wx-return"
      role="alertdialog"
      title={t('jump.updateTitle')}
      titleId="update-title"
      body={t('jump.updateBody')}
      answers={[
        { label: t('jump.updateLater'), onClick: onClose },
        { label: t('jump.updateNow'), onClick: onClose },
      ]}
      testId="update-app-notice"
      onCancel={onClose}
    />
  )
}

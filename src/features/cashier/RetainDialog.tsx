import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { Question } from '@/ui/Question.tsx'

interface RetainDialogProps {
  /** When the order closes (gateway clock). */
  deadlineAt: string
  /** 继续支付, or Escape: back to the cashier as it was. */
  onStay: () => void
  /** 确认离开: the order waits, unpaid, in my orders. */
  onLeave: () => void
}

/**
 * Taobao's "确定要放弃付款吗？" on closing the cashier: a modal dialog over the cashier, so focus stays in
 * it; the safe answer takes the focus, and Escape means "keep paying".
 */
export function RetainDialog({ deadlineAt, onStay, onLeave }: RetainDialogProps) {
  const { t } = useT()
  return (
    <Question
      look="retain"
      title={t('cashier.retain.title')}
      titleId="retain-title"
      bodyId="retain-body"
      body={
        <Countdown deadline={deadlineAt} className="retain__time">
          {(time) => t('cashier.retain.body', { time })}
        </Countdown>
      }
      answers={[
        { label: t('cashier.retain.leave'), onClick: onLeave },
        { label: t('cashier.retain.stay'), onClick: onStay },
      ]}
      testId="retain-dialog"
      onCancel={onStay}
    />
  )
}

import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import type { Intent } from '../flow-state.ts'
import { Question } from '@/ui/Question.tsx'
import './jump.css'

interface JumpReturnProps {
  /** The merchant is being asked. */
  checking: boolean
  send: (intent: Intent) => void
}

/**
 * Back from WeChat: "已完成支付？" (已完成支付 / 支付遇到问题). Either answer asks the merchant for the truth;
 * the shopper's word alone never marks anything paid. It must be answered: Escape does not dismiss it.
 */
export function JumpReturn({ checking, send }: JumpReturnProps) {
  const { t } = useT()
  const answer = (claimed: boolean) => send({ type: 'JUMP_ANSWER', claimed })
  return (
    <Question
      look="wx-return"
      role="alertdialog"
      title={t('jump.returnTitle')}
      titleId="wx-return-title"
      body={checking ? t('jump.checking') : t('jump.returnBody')}
      answers={[
        {
          label: t('jump.problem'),
          onClick: () => answer(false),
          testId: 'wechat-return-problem',
          disabled: checking,
        },
        {
          label: (
            <>
              {checking && <Spinner />}
              {t('jump.done')}
            </>
          ),
          onClick: () => answer(true),
          testId: 'wechat-return-paid',
          disabled: checking,
        },
      ]}
      testId="wechat-return"
      onCancel={() => undefined}
    />
  )
}

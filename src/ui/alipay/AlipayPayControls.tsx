import { useT } from '@/lib/i18n/i18n.ts'
import type { AlipayPayIntent, AlipayPayState } from '@/lib/alipay-pay/alipay-pay-flow.ts'
import { AlipayMethods } from './AlipayMethods.tsx'
import { AlipayPinSheet } from './AlipayPinSheet.tsx'

interface AlipayPayControlsProps {
  state: AlipayPayState
  send: (intent: AlipayPayIntent) => void
  amount: string
  methodName: string
  /** `alipay-pay` (the web cashier) or `alipay-app-pay` (the app): the confirm's test id is `<it>-confirm`. */
  testIdPrefix: string
  /** The screen's own look of the foot and its button. */
  footClassName: string
  buttonClassName: string
}

/**
 * What every Alipay pay screen ends with, the web cashier's and the app's: 余额 / 花呗 / 银行卡, 立即付款,
 * and the password sheet over it. One flow (lib/alipay-pay) behind both.
 */
export function AlipayPayControls(props: AlipayPayControlsProps) {
  const { t } = useT()
  const { state, send, amount, methodName, testIdPrefix } = props
  const { pay } = state
  return (
    <>
      <AlipayMethods
        method={state.method}
        disabled={pay.step !== 'sheet'}
        onPick={(method) => send({ type: 'PICK', method })}
      />
      <div className={props.footClassName}>
        <button
          type="button"
          className={props.buttonClassName}
          data-testid={`${testIdPrefix}-confirm`}
          disabled={state.opening}
          onClick={() => send({ type: 'START' })}
        >
          {state.opening ? t('alipay.opening') : t('alipay.confirm')}
        </button>
      </div>
      {pay.step === 'pin' && (
        <AlipayPinSheet
          tries={pay.tries}
          busy={pay.busy}
          locked={pay.locked}
          amount={amount}
          methodName={methodName}
          problem={state.problem}
          onPassword={(password) => send({ type: 'PASSWORD', password })}
          onClose={() => send({ type: 'CANCEL_PIN' })}
        />
      )}
    </>
  )
}

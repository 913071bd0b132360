import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import type { Failure } from '@/lib/failure.ts'
import { ForgotPassword } from '@/ui/ForgotPassword.tsx'
import { PinPad } from '@/ui/PinPad.tsx'
import { Sheet, SheetHead } from '@/ui/Sheet.tsx'
import './alipay-sheet.css'

const TITLE_ID = 'alipay-pin-title'

interface AlipayPinSheetProps {
  tries: number
  busy: boolean
  locked: boolean
  amount: string
  methodName: string
  problem: Failure | null
  onPassword: (password: string) => void
  onClose: () => void
}

/**
 * 请输入支付密码: Alipay's six boxes and keypad in a modal sheet (focus stays inside, Escape closes), shared by
 * the Alipay cashier and the 支付宝 app: the same password and lockout of Alipay's realm.
 */
export function AlipayPinSheet(props: AlipayPinSheetProps) {
  const { t, lang } = useT()
  return (
    <Sheet
      onClose={props.onClose}
      labelledBy={TITLE_ID}
      testId="alipay-pin-sheet"
      closeOnScrim={false}
    >
      <PinPad
        key={props.tries}
        look="alipay"
        testId="alipay-pin-pad"
        titleId={TITLE_ID}
        busy={props.busy}
        locked={props.locked}
        busyText={t('pin.paying')}
        error={props.problem ? errorText(t, lang, props.problem) : null}
        hint={t('pin.hint')}
        onComplete={props.onPassword}
        // Reset (simulated): the realm unlocks; the sheet closes, and 立即付款 opens a fresh pad.
        links={<ForgotPassword realm="alipay" onReset={props.onClose} />}
        head={
          <>
            <SheetHead
              id={TITLE_ID}
              title={t('pin.title')}
              closeLabel={t('common.close')}
              closeTestId="alipay-pin-close"
              closeSide="left"
              onClose={props.onClose}
            />
            <div className="ali-pin__summary">
              <p className="ali-pin__amount">{props.amount}</p>
              <p className="ali-pin__method">
                {t('alipay.pinMethod', { method: props.methodName })}
              </p>
            </div>
          </>
        }
      />
    </Sheet>
  )
}

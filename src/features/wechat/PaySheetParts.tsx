import type { FundingSource, PaySheet } from '@/contract/payment.ts'
import type { Failure } from '@/lib/failure.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { PasswordResetDialog } from '@/ui/PasswordResetDialog.tsx'
import type { ResetIntent, ResetState } from './pin-reset.ts'
import { sourceName } from './pay-text.ts'
import { SourcePicker } from './SourcePicker.tsx'
import { IconChevron } from './wx-icons.tsx'
import { WxPinPad } from './WxPinPad.tsx'

// The parts WeChat's pay sheet has whoever is paid (Taobao's order, a merchant's APIv3 order).

type Source = PaySheet['sources'][number]

/** 付款方式 零钱 ›: opens the source picker. */
export function SourceRow({ source, onChoose }: { source: Source | null; onChoose: () => void }) {
  const { t } = useT()
  return (
    <button type="button" className="wx-pay__row" onClick={onChoose}>
      <span className="wx-pay__row-label">{t('wechat.pay.method')}</span>
      <span className="wx-pay__row-value">
        {source ? sourceName(t, source) : '—'}
        <IconChevron />
      </span>
    </button>
  )
}

/** 确认支付, and why it can't be when the chosen source is short. */
export function PayConfirm({
  source,
  busy,
  onConfirm,
}: {
  source: Source | null
  busy: boolean
  onConfirm: () => void
}) {
  const { t } = useT()
  return (
    <>
      <button
        type="button"
        className="wx-btn wx-pay__confirm"
        data-testid="wechat-pay-confirm"
        disabled={!source?.enabled || busy}
        onClick={onConfirm}
      >
        {t('wechat.pay.confirm')}
      </button>
      {source && !source.enabled && <p className="wx-pay__short">{t('wechat.pay.notEnough')}</p>}
    </>
  )
}

interface PayOverlaysProps {
  /** The password pad, while it is up (`unlocked`: just reset). */
  pin: { tries: number; busy: boolean; unlocked?: boolean | undefined } | null
  /** WeChat Pay's password locked: the pad takes nothing and says until when. */
  lock: Failure | null
  /** 忘记密码？'s simulated reset, while it is up. */
  reset: ResetState | null
  /** A dialog (a refusal) is over the pad. */
  paused: boolean
  choosing: boolean
  payee: string
  amount: string
  source: Source | null
  sources: PaySheet['sources']
  onPassword: (password: string) => void
  onCancelPin: () => void
  onChoose: () => void
  onPick: (id: FundingSource) => void
  onClosePicker: () => void
  /** 忘记密码？ and its reset's answers, sent to the sheet's flow. */
  onReset: (intent: ResetIntent) => void
}

/**
 * Over the sheet: WeChat's password pad (payee, amount, source), 忘记密码？'s simulated reset over it, and
 * the source picker.
 */
export function PayOverlays(props: PayOverlaysProps) {
  const { pin, payee, amount, source, lock, reset, onReset } = props
  const { t, lang } = useT()
  return (
    <>
      {pin && (
        <WxPinPad
          // A refusal or a reset clears it.
          key={`${pin.tries}${pin.unlocked ? '-unlocked' : ''}`}
          busy={pin.busy}
          locked={lock !== null}
          error={lock ? errorText(t, lang, lock) : null}
          unlocked={pin.unlocked === true}
          paused={props.paused || reset !== null}
          onComplete={props.onPassword}
          onForgot={() => onReset({ type: 'FORGOT_PASSWORD' })}
          onClose={props.onCancelPin}
          summary={
            <div className="wx-pin__summary">
              <p className="wx-pin__payee">{payee}</p>
              <p className="wx-pin__amount">{amount}</p>
              <SourceRow source={source} onChoose={props.onChoose} />
            </div>
          }
        />
      )}
      {pin && reset && (
        <PasswordResetDialog
          realm="wechat"
          busy={reset.busy}
          error={reset.error ? errorText(t, lang, reset.error) : null}
          onConfirm={() => onReset({ type: 'RESET_CONFIRM' })}
          onCancel={() => onReset({ type: 'RESET_CANCEL' })}
        />
      )}
      {props.choosing && (
        <SourcePicker
          sources={props.sources}
          selected={source?.id ?? null}
          onPick={props.onPick}
          onClose={props.onClosePicker}
        />
      )}
    </>
  )
}

import type { FundingSource, PaySheet } from '@/contract/payment.ts'
import { useT } from '@/lib/i18n/i18n.ts'
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
  /** The password pad, while it is up. */
  pin: { tries: number; busy: boolean } | null
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
}

/** Over the sheet: WeChat's password pad (payee, amount, source), and the source picker. */
export function PayOverlays(props: PayOverlaysProps) {
  const { pin, payee, amount, source } = props
  return (
    <>
      {pin && (
        <WxPinPad
          key={pin.tries}
          busy={pin.busy}
          onComplete={props.onPassword}
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

import type { AlipaySource } from '@/contract/alipay-test.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ALIPAY_PAY_METHODS } from '@/lib/alipay-pay/alipay-pay-flow.ts'
import './alipay-sheet.css'

const GLYPH: Record<AlipaySource, string> = {
  'alipay-balance': '余',
  huabei: '花',
  'alipay-card': '卡',
}

/**
 * 付款方式: 余额, 花呗 or the card, as real radio buttons in a fieldset: the Alipay cashier's and the 支付宝
 * app's pay sheet.
 */
export function AlipayMethods(props: {
  method: AlipaySource
  disabled: boolean
  onPick: (method: AlipaySource) => void
}) {
  const { t } = useT()
  return (
    <fieldset className="ali-methods" disabled={props.disabled}>
      <legend className="ali-methods__legend">{t('alipay.methods')}</legend>
      {ALIPAY_PAY_METHODS.map((id) => (
        <label key={id} className="ali-method" data-testid={`alipay-method-${id}`}>
          <span className={`ali-method__icon ali-method__icon--${id}`} aria-hidden="true">
            {GLYPH[id]}
          </span>
          <span className="ali-method__text">
            <span className="ali-method__name">{t(`alipay.method.${id}`)}</span>
            <span className="ali-method__note">{t(`alipay.methodNote.${id}`)}</span>
          </span>
          <input
            type="radio"
            name="alipay-method"
            className="ali-method__radio"
            value={id}
            checked={props.method === id}
            onChange={() => props.onPick(id)}
          />
        </label>
      ))}
    </fieldset>
  )
}

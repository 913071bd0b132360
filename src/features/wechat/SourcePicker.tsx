import type { FundingSource, PaySheet } from '@/contract/payment.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Modal } from '@/ui/Modal.tsx'
import { sourceName } from './pay-text.ts'
import { IconCheckCircle } from './wx-icons.tsx'
import { WxSheetHead } from './WxSheetHead.tsx'
import './wechat-pin.css'

interface SourcePickerProps {
  sources: PaySheet['sources']
  selected: FundingSource | null
  onPick: (id: FundingSource) => void
  onClose: () => void
}

/** 选择付款方式: 零钱 or the bank card, with what each holds; one that can't cover the amount is greyed. */
export function SourcePicker({ sources, selected, onPick, onClose }: SourcePickerProps) {
  const { t, lang } = useT()
  return (
    <Modal
      className="wx-overlay"
      labelledBy="wx-sources-title"
      onCancel={onClose}
      onScrimTap={onClose}
    >
      <div className="wx-sources">
        <WxSheetHead
          titleId="wx-sources-title"
          title={t('wechat.pay.chooseMethod')}
          closeLabel={t('common.close')}
          onClose={onClose}
        />
        <div role="radiogroup" aria-labelledby="wx-sources-title">
          {sources.map((s) => (
            <button
              key={s.id}
              type="button"
              role="radio"
              aria-checked={s.id === selected}
              aria-disabled={s.enabled ? undefined : true}
              className="wx-source"
              onClick={() => s.enabled && onPick(s.id)}
            >
              <span className={`wx-source__icon wx-source__icon--${s.id}`} aria-hidden="true">
                {s.card ? '卡' : '¥'}
              </span>
              <span className="wx-source__text">
                <span>{sourceName(t, s)}</span>
                <span className="wx-source__sub">
                  {s.enabled
                    ? t('wechat.pay.available', { amount: formatMoney(s.balanceFen, lang) })
                    : t('wechat.pay.notEnough')}
                </span>
              </span>
              {s.id === selected && <IconCheckCircle className="wx-source__check" size={22} />}
            </button>
          ))}
        </div>
      </div>
    </Modal>
  )
}

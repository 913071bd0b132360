import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { PIN_LENGTH, usePinEntry } from '@/ui/usePinEntry.ts'
import { IconBackspace, IconClose } from './wx-icons.tsx'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

interface WxPinPadProps {
  /** What is being paid: payee, amount, method row. */
  summary: ReactNode
  busy: boolean
  onComplete: (password: string) => void
  onClose: () => void
}

/**
 * WeChat's password sheet: × and 请输入支付密码, the payee and amount, six joined boxes, and a grey numeric
 * keyboard whose digits are buttons named "0"–"9". The sixth digit submits. Remount (new key) to clear.
 */
export function WxPinPad({ summary, busy, onComplete, onClose }: WxPinPadProps) {
  const { t } = useT()
  const { digits, press, erase } = usePinEntry({ locked: busy, onComplete, onEscape: onClose })

  return (
    <div className="wx-overlay">
      <div
        className="wx-pin"
        role="dialog"
        aria-modal="true"
        aria-labelledby="wx-pin-title"
        data-testid="wechat-pin-pad"
      >
        <div className="wx-pin__head">
          <button
            type="button"
            className="wx-header__btn"
            aria-label={t('wechat.pay.closePin')}
            onClick={onClose}
          >
            <IconClose size={22} />
          </button>
          <h2 id="wx-pin-title">{t('wechat.pay.enterPassword')}</h2>
        </div>
        {summary}
        <div className="wx-pin__boxes" aria-hidden="true">
          {Array.from({ length: PIN_LENGTH }, (_, i) => (
            <span key={i} className="wx-pin__box">
              {i < digits.length && <span className="wx-pin__dot" />}
            </span>
          ))}
        </div>
        <p className="visually-hidden" aria-live="polite">
          {t('pin.entered', { n: digits.length })}
        </p>
        <p className="wx-pin__status">{busy ? t('wechat.pay.paying') : t('pin.hint')}</p>
        <div className="wx-keypad" role="group" aria-labelledby="wx-pin-title">
          {KEYS.map((d) => (
            <button
              key={d}
              type="button"
              className="wx-keypad__key"
              aria-label={d}
              disabled={busy}
              onClick={() => press(d)}
            >
              {d}
            </button>
          ))}
          <span className="wx-keypad__blank" />
          <button
            type="button"
            className="wx-keypad__key"
            aria-label="0"
            disabled={busy}
            onClick={() => press('0')}
          >
            0
          </button>
          <button
            type="button"
            className="wx-keypad__key wx-keypad__key--fn"
            aria-label={t('pin.delete')}
            disabled={busy}
            onClick={erase}
          >
            <IconBackspace size={26} />
          </button>
        </div>
      </div>
    </div>
  )
}

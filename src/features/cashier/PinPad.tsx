import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { PIN_LENGTH, usePinEntry } from '@/ui/usePinEntry.ts'
import { IconBackspace } from '@/ui/icons.tsx'
import { Spinner } from '@/ui/Spinner.tsx'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const
const LETTERS: Record<string, string> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
}

interface PinPadProps {
  /** The title bar above the boxes (its <h2> carries `titleId`): Alipay's in the cashier, UnionPay's in its sheet. */
  head: ReactNode
  titleId: string
  /** Checking the password: keys do nothing. */
  busy: boolean
  /** Something is drawn over the pad (a dialog): keys do nothing, silently. */
  paused?: boolean
  error: string | null
  /** The look of the app the pad belongs to. */
  theme?: 'alipay' | 'unionpay'
  onComplete: (password: string) => void
}

/**
 * A 6-digit payment password pad (Alipay's, or UnionPay's in its own colours): six boxes that fill with dots
 * and a numeric keyboard of real buttons named "0"–"9". The sixth digit submits. Remount it (a new key) to
 * clear it after a failed try.
 */
export function PinPad({
  head,
  titleId,
  busy,
  paused = false,
  error,
  theme = 'alipay',
  onComplete,
}: PinPadProps) {
  const { t } = useT()
  const { digits, press, erase } = usePinEntry({ locked: busy || paused, onComplete })

  return (
    <div className={`pin pin--${theme}`} data-testid="pin-pad">
      {head}
      <div className="pin__boxes" aria-hidden="true">
        {Array.from({ length: PIN_LENGTH }, (_, i) => (
          <span
            key={i}
            className={i === digits.length && !busy ? 'pin__box pin__box--next' : 'pin__box'}
          >
            {i < digits.length && <span className="pin__dot" />}
          </span>
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {t('pin.entered', { n: digits.length })}
      </p>
      <div className="pin__status">
        {busy ? (
          <span className="pin__busy">
            <Spinner /> {t('pin.paying')}
          </span>
        ) : error ? (
          <p className="pay-error" data-testid="pay-error" role="alert">
            {error}
          </p>
        ) : (
          <span className="pin__hint">{t('pin.hint')}</span>
        )}
      </div>
      <div className="keypad" role="group" aria-labelledby={titleId}>
        {KEYS.map((d) => (
          <button
            key={d}
            type="button"
            className="keypad__key"
            disabled={busy}
            onClick={() => press(d)}
          >
            <span className="keypad__digit">{d}</span>
            {/* Named by the digit alone; an aria-label would not match the visible "2 ABC" (WCAG 2.5.3). */}
            <span className="keypad__letters" aria-hidden="true">
              {LETTERS[d] ?? ''}
            </span>
          </button>
        ))}
        <span className="keypad__blank" />
        <button
          type="button"
          className="keypad__key"
          aria-label="0"
          disabled={busy}
          onClick={() => press('0')}
        >
          <span className="keypad__digit">0</span>
        </button>
        <button
          type="button"
          className="keypad__key keypad__key--fn"
          aria-label={t('pin.delete')}
          disabled={busy}
          onClick={erase}
        >
          <IconBackspace size={24} strokeWidth={1.6} />
        </button>
      </div>
    </div>
  )
}

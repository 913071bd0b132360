import { useT } from '@/lib/i18n/i18n.ts'
import { PIN_LENGTH, usePinEntry } from '@/ui/usePinEntry.ts'
import { IconBackspace } from '@/ui/icons.tsx'
import { Spinner } from '@/ui/Spinner.tsx'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

interface FriendPinPadProps {
  busy: boolean
  error: string | null
  onComplete: (password: string) => void
}

/** The payment password, as WeChat's and the cashier's pads draw it: six boxes and keys named "0"–"9". */
export function FriendPinPad({ busy, error, onComplete }: FriendPinPadProps) {
  const { t } = useT()
  const { digits, press, erase } = usePinEntry({ locked: busy, onComplete })

  return (
    <div className="fp-pin" data-testid="pin-pad">
      <div className="fp-pin__boxes" aria-hidden="true">
        {Array.from({ length: PIN_LENGTH }, (_, i) => (
          <span key={i} className="fp-pin__box">
            {i < digits.length && <span className="fp-pin__dot" />}
          </span>
        ))}
      </div>
      <div className="fp-pin__status">
        {busy ? (
          <span>
            <Spinner /> {t('friendPay.page.paying')}
          </span>
        ) : error ? (
          <p className="pay-error" data-testid="pay-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="fp-pin__keys">
        {KEYS.map((k) => (
          <button key={k} type="button" onClick={() => press(k)}>
            {k}
          </button>
        ))}
        <span />
        <button type="button" onClick={() => press('0')}>
          0
        </button>
        <button type="button" aria-label={t('pin.delete')} onClick={erase}>
          <IconBackspace size={22} />
        </button>
      </div>
    </div>
  )
}

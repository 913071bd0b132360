import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconBackspace } from './more-icons.tsx'
import { Spinner } from './Spinner.tsx'
import { PIN_LENGTH, usePinEntry } from './usePinEntry.ts'
import './pin-pad.css'

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const
const LETTERS: Partial<Record<string, string>> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
}

/** Whose pad it is: each app draws its own (colours, sizes), on the same keys and the same words. */
export type PinLook = 'alipay' | 'unionpay' | 'wechat' | 'friend'
const GLYPH: Record<PinLook, { size: number; stroke: number; letters: boolean }> = {
  alipay: { size: 24, stroke: 1.6, letters: true },
  unionpay: { size: 24, stroke: 1.6, letters: true },
  wechat: { size: 26, stroke: 1.6, letters: false },
  friend: { size: 22, stroke: 2, letters: false },
}

interface PinPadProps {
  look: PinLook
  /** Above the boxes: the step's title bar (its heading carries `titleId`), a summary. */
  head: ReactNode
  /** The heading that names the keys. */
  titleId: string
  /** Checking the password: the keys rest, and say so. */
  busy: boolean
  /** Something is drawn over the pad (a dialog): keys do nothing, silently. */
  paused?: boolean
  /** The wallet is locked (too many wrong passwords): the keys are disabled; `error` says until when. */
  locked?: boolean
  /** Under the boxes, right-aligned: 忘记密码？ (ui/ForgotPassword.tsx). */
  links?: ReactNode
  busyText: string
  /** Why the last password was refused; its words, with role="alert". */
  error?: string | null
  hint?: string | null
  testId?: string
  onComplete: (password: string) => void
}

/**
 * The 6-digit payment password pad of every app here (Alipay's and UnionPay's in the cashier, WeChat's,
 * the friend's page): six boxes that fill with dots and a numeric keyboard of real buttons named "0"–"9";
 * the physical keyboard types too. The sixth digit submits. Remount it (a new key) to clear it.
 */
export function PinPad(props: PinPadProps) {
  const { look, busy, error = null, hint = null } = props
  const locked = props.locked === true
  const { t } = useT()
  const { digits, press, erase } = usePinEntry({
    locked: busy || locked || props.paused === true,
    onComplete: props.onComplete,
  })
  const glyph = GLYPH[look]

  const key = (digit: string) => (
    <button
      key={digit}
      type="button"
      className="keypad__key"
      disabled={busy || locked}
      onClick={() => press(digit)}
    >
      <span className="keypad__digit">{digit}</span>
      {/* Named by the digit alone; an aria-label would not match the visible "2 ABC" (WCAG 2.5.3). */}
      {glyph.letters && LETTERS[digit] && (
        <span className="keypad__letters" aria-hidden="true">
          {LETTERS[digit]}
        </span>
      )}
    </button>
  )

  return (
    <div
      className={locked ? `pin pin--${look} pin--locked` : `pin pin--${look}`}
      data-testid={props.testId}
      data-locked={locked ? 'true' : undefined}
    >
      {props.head}
      <div className="pin__boxes" aria-hidden="true">
        {Array.from({ length: PIN_LENGTH }, (_, i) => (
          <span
            key={i}
            className={
              i === digits.length && !busy && !locked ? 'pin__box pin__box--next' : 'pin__box'
            }
          >
            {i < digits.length && <span className="pin__dot" />}
          </span>
        ))}
      </div>
      {props.links && <div className="pin__links">{props.links}</div>}
      <p className="visually-hidden" aria-live="polite">
        {t('pin.entered', { n: digits.length })}
      </p>
      <div className="pin__status">
        {busy ? (
          <span className="pin__busy">
            <Spinner /> {props.busyText}
          </span>
        ) : error ? (
          <p className="pay-error" data-testid="pay-error" role="alert">
            {error}
          </p>
        ) : hint ? (
          <span className="pin__hint">{hint}</span>
        ) : null}
      </div>
      <div className="keypad" role="group" aria-labelledby={props.titleId}>
        {KEYS.map(key)}
        <span className="keypad__blank" />
        {key('0')}
        <button
          type="button"
          className="keypad__key keypad__key--fn"
          aria-label={t('pin.delete')}
          disabled={busy || locked}
          onClick={erase}
        >
          <IconBackspace size={glyph.size} strokeWidth={glyph.stroke} />
        </button>
      </div>
    </div>
  )
}

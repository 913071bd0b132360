import { useEffect, useRef, useState } from 'react'
import type { PaySheet } from '@/contract/payment.ts'
import { isApiError } from '@/lib/api/client.ts'
import { confirmPaySheet, openPaySheet } from '@/lib/api/pay.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconBack, IconCheck, IconClose } from '@/ui/icons.tsx'
import { Money } from '@/ui/Money.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { UnionPayMark } from './BrandIcon.tsx'
import { PinPad } from './PinPad.tsx'
import './unionpay.css'

/** The jump feels like one: the transition stays up at least this long. */
const JUMP_MS = 700

interface UnionPaySheetProps {
  payToken: string
  /** Paid (or paid already): back to Taobao, which asks the merchant for the truth. */
  onPaid: () => void
  /** Cancelled in UnionPay, or the sheet could not open: back to the cashier, with why. */
  onCancel: (message: string) => void
}

type Phase = 'jumping' | 'sheet' | 'pin' | 'success' | 'returning'

/**
 * 云闪付 (UnionPay QuickPass) over the whole phone after the jump: its own red-and-white sheet with the
 * amount, the payee and the card, its own 6-digit password, then back to Taobao.
 */
export function UnionPaySheet({ payToken, onPaid, onCancel }: UnionPaySheetProps) {
  const { t, lang } = useT()
  const [phase, setPhase] = useState<Phase>('jumping')
  const [sheet, setSheet] = useState<PaySheet | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [tries, setTries] = useState(0)
  const inFlight = useRef(false)
  const describe = (e: unknown) => errorText(t, lang, e)
  const handlers = useRef({ onPaid, onCancel, describe })
  useEffect(() => {
    handlers.current = { onPaid, onCancel, describe }
  })

  useEffect(() => {
    let stopped = false
    const minimum = new Promise((resolve) => setTimeout(resolve, JUMP_MS))
    Promise.all([openPaySheet(payToken), minimum]).then(
      ([opened]) => {
        if (stopped) return
        if (opened.status === 'SUCCESS') return handlers.current.onPaid()
        setSheet(opened)
        setPhase('sheet')
      },
      (e: unknown) => {
        if (!stopped) handlers.current.onCancel(handlers.current.describe(e))
      },
    )
    return () => {
      stopped = true
    }
  }, [payToken])

  useEffect(() => {
    if (phase !== 'returning') return
    const timer = setTimeout(() => handlers.current.onPaid(), JUMP_MS / 2)
    return () => clearTimeout(timer)
  }, [phase])

  async function pay(password: string) {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    try {
      await confirmPaySheet(payToken, password)
      setError(null)
      setPhase('success')
    } catch (e) {
      if (isApiError(e) && (e.code === 'ORDERPAID' || e.code === 'NETWORK_ERROR')) {
        return handlers.current.onPaid()
      }
      setError(describe(e))
      setTries((n) => n + 1)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  if (phase === 'jumping' || phase === 'returning' || !sheet) {
    return (
      <div className="up up--jump" role="status" aria-live="polite">
        <span className="up__jump-mark">
          <UnionPayMark />
        </span>
        <Spinner />
        <p>
          {phase === 'returning' ? t('cashier.unionpay.returning') : t('cashier.unionpay.jumping')}
        </p>
      </div>
    )
  }

  const source = sheet.sources[0]
  return (
    <section className="up" data-testid="unionpay-sheet" aria-labelledby="unionpay-title">
      <header className="up__bar">
        <button
          type="button"
          className="up__bar-btn"
          aria-label={t('cashier.unionpay.cancel')}
          data-testid="unionpay-cancel"
          disabled={busy || phase === 'success'}
          onClick={() => handlers.current.onCancel(t('cashier.unionpay.cancelled'))}
        >
          <IconClose size={22} />
        </button>
        <h2 id="unionpay-title" className="up__brand">
          <UnionPayMark />
          {t('cashier.unionpay.title')}
        </h2>
      </header>
      <div className="up__body">
        {phase === 'success' ? (
          <div className="up__done">
            <span className="up__done-badge">
              <IconCheck size={34} strokeWidth={2.8} />
            </span>
            <p className="up__done-title">{t('cashier.unionpay.success')}</p>
            <Money fen={sheet.amountFen} tag className="up__amount" />
            <p className="up__muted">{sheet.payee}</p>
          </div>
        ) : (
          <>
            <p className="up__muted">{t('cashier.unionpay.amount')}</p>
            <Money fen={sheet.amountFen} tag className="up__amount" />
            <dl className="up__facts">
              <div>
                <dt>{t('cashier.unionpay.payee')}</dt>
                <dd>{sheet.payee}</dd>
              </div>
              <div>
                <dt>{t('cashier.unionpay.card')}</dt>
                <dd>
                  {source?.card ? t('cashier.card', source.card) : '—'}
                  {source && !source.enabled && (
                    <span className="up__warn">{t('cashier.unionpay.unavailable')}</span>
                  )}
                </dd>
              </div>
            </dl>
          </>
        )}
      </div>
      <div className="up__foot">
        {phase === 'success' ? (
          <button
            type="button"
            className="up__btn"
            data-testid="unionpay-done"
            onClick={() => setPhase('returning')}
          >
            {t('cashier.unionpay.done')}
          </button>
        ) : (
          <button
            type="button"
            className="up__btn"
            data-testid="unionpay-pay"
            disabled={!source?.enabled}
            onClick={() => setPhase('pin')}
          >
            {t('cashier.unionpay.pay')}
          </button>
        )}
      </div>
      {phase === 'pin' && (
        <div className="up__pin">
          <PinPad
            key={tries}
            theme="unionpay"
            titleId="unionpay-pin-title"
            busy={busy}
            error={error}
            onComplete={(password) => void pay(password)}
            head={
              <div className="sheet__head">
                <button
                  type="button"
                  className="sheet__close sheet__close--left"
                  aria-label={t('cashier.unionpay.pinBack')}
                  disabled={busy}
                  onClick={() => setPhase('sheet')}
                >
                  <IconBack size={22} />
                </button>
                <h2 id="unionpay-pin-title">{t('cashier.unionpay.pinTitle')}</h2>
              </div>
            }
          />
        </div>
      )}
    </section>
  )
}

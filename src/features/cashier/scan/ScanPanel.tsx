import { useMemo, type RefObject } from 'react'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { Money } from '@/ui/Money.tsx'
import { QrCode } from '@/ui/QrCode.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import type { CashierState, Intent, ScanState } from '../flow-state.ts'
import { StepHead } from '../StepHead.tsx'
import { scanExpired, scanStatus } from './scan-flow.ts'
import './scan.css'

/** Size of the code on screen (CSS px): big enough to survive a screenshot and a chat's compression. */
const CODE_PX = 200

export interface ScanPanelProps {
  state: CashierState
  scan: ScanState
  send: (intent: Intent) => void
  /** Holds the code's <svg>: saving the code draws it. */
  codeRef: RefObject<HTMLDivElement | null>
  onClose: () => void
}

/**
 * 微信扫码支付 (era beta): the QR code to carry into WeChat by hand, the four steps, the code's own
 * countdown, a refresh, "save image", and a status line that changes by itself when the payment lands.
 */
export function ScanPanel({ state, scan, send, codeRef, onClose }: ScanPanelProps) {
  const { t, lang } = useT()
  const payload = useSettings((s) => s.qrPayload)
  const { payment, saving } = scan
  const status = scanStatus(state, scan)
  const codeUrl = payment?.codeUrl ?? null
  const isExpired = scanExpired(status, scan)
  const value = codeUrl ? (payload === 'weixin' ? codeUrl.weixin : codeUrl.web) : ''
  const refresh = () => send({ type: 'REFRESH_CODE' })
  // The same element while the code is the same: the status line turning 支付成功 re-renders the panel,
  // and redrawing the code's paths then was a good part of the work before that frame.
  const code = useMemo(
    () =>
      value ? <QrCode value={value} size={CODE_PX} level="M" marginSize={3} aria-hidden /> : null,
    [value],
  )

  const statusText =
    status === 'SUCCESS'
      ? t('scan.status.SUCCESS')
      : status === 'USERPAYING'
        ? t('scan.status.USERPAYING')
        : isExpired
          ? t('scan.status.expired')
          : status === 'PAYERROR'
            ? t('scan.status.PAYERROR')
            : status === 'REFUND'
              ? t('scan.status.REFUND')
              : t('scan.status.NOTPAY')

  return (
    <>
      <StepHead
        titleId="scan-title"
        title={t('scan.title')}
        backLabel={t('scan.back')}
        onBack={() => send({ type: 'BACK' })}
        onClose={onClose}
      />
      <div className="sheet__body scan">
        {payment ? (
          <Money fen={payment.amountFen} tag className="scan__amount" testId="cashier-amount" />
        ) : null}
        <div className="scan__card">
          <p className="scan__brand">
            <span className="scan__brand-mark" aria-hidden="true" />
            {t('scan.brand')}
          </p>
          <div
            ref={codeRef}
            className={isExpired ? 'scan__code scan__code--expired' : 'scan__code'}
            data-testid="wechat-qr"
            data-pay-token={payment?.payToken ?? undefined}
            role="img"
            aria-label={t('scan.codeLabel')}
          >
            {codeUrl ? (
              code
            ) : scan.error ? (
              <p className="scan__error" role="alert">
                {errorText(t, lang, scan.error)}
              </p>
            ) : (
              <Spinner />
            )}
            {isExpired && (
              <div className="scan__expired">
                <p>{t('scan.expired')}</p>
                <button
                  type="button"
                  className="scan__refresh-btn"
                  disabled={scan.refreshing}
                  onClick={refresh}
                >
                  {t('scan.refresh')}
                </button>
              </div>
            )}
          </div>
          {codeUrl && !isExpired && (
            <Countdown
              deadline={codeUrl.expiresAt}
              className="scan__countdown"
              testId="qr-countdown"
              onExpire={() => send({ type: 'CODE_EXPIRED', expiresAt: codeUrl.expiresAt })}
            >
              {(time) => t('scan.countdown', { time })}
            </Countdown>
          )}
          <p
            className={`scan__status scan__status--${(status ?? 'NOTPAY').toLowerCase()}`}
            data-testid="qr-status"
            data-status={status ?? 'NOTPAY'}
            role="status"
            aria-live="polite"
          >
            {status === 'SUCCESS' && <span className="scan__tick" aria-hidden="true" />}
            {statusText}
          </p>
        </div>
        <ol className="scan__steps" aria-label={t('scan.stepsLabel')}>
          <li>{t('scan.steps.save')}</li>
          <li>{t('scan.steps.open')}</li>
          <li>{t('scan.steps.scan')}</li>
          <li>{t('scan.steps.pay')}</li>
        </ol>
        <div className="scan__actions">
          <button
            type="button"
            className="scan__save"
            data-testid="qr-save"
            disabled={!codeUrl || isExpired || saving === 'busy'}
            aria-busy={saving === 'busy'}
            onClick={() => send({ type: 'SAVE_CODE' })}
          >
            {saving === 'busy' ? <Spinner /> : null}
            {t('scan.save')}
          </button>
          <button
            type="button"
            className="scan__link"
            disabled={scan.refreshing || status === 'SUCCESS'}
            onClick={refresh}
          >
            {t('scan.refresh')}
          </button>
        </div>
        <p className="scan__note" role="status">
          {saving === 'saved' ? t('scan.saved') : saving === 'failed' ? t('scan.saveFailed') : ''}
        </p>
      </div>
    </>
  )
}

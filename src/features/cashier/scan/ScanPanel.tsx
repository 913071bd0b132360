import { QRCodeSVG } from 'qrcode.react'
import { useEffect, useRef, useState } from 'react'
import { formatMoney } from '@/lib/format.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { StepHead } from '../StepHead.tsx'
import { useSettings } from '@/lib/settings.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { Money } from '@/ui/Money.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { useScanCode } from './useScanCode.ts'
import './scan.css'

/** The paid code shows "支付成功" this long before the result page takes over. */
const PAID_PAUSE_MS = 1000
/** Size of the code on screen (CSS px): big enough to survive a screenshot and a chat's compression. */
const CODE_PX = 200

interface ScanPanelProps {
  orderId: string
  /** Back to the methods (another way to pay). */
  onBack: () => void
  onClose: () => void
  /** The payment landed: the result page asks the merchant for the truth. */
  onPaid: () => void
}

/**
 * 微信扫码支付 (era beta): the QR code to carry into WeChat by hand, the four steps, the code's own
 * countdown, a refresh, "save image", and a status line that changes by itself when the payment lands.
 */
export function ScanPanel({ orderId, onBack, onClose, onPaid }: ScanPanelProps) {
  const { t, lang } = useT()
  const code = useScanCode(orderId)
  const payload = useSettings((s) => s.qrPayload)
  const svgHolder = useRef<HTMLDivElement>(null)
  const [saving, setSaving] = useState<'idle' | 'busy' | 'saved' | 'failed'>('idle')
  const [expired, setExpired] = useState<string | null>(null)
  const { payment, status } = code

  const onPaidRef = useRef(onPaid)
  useEffect(() => {
    onPaidRef.current = onPaid
  })
  useEffect(() => {
    if (status !== 'SUCCESS') return
    const timer = setTimeout(() => onPaidRef.current(), PAID_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [status])

  const codeUrl = payment?.codeUrl ?? null
  const isExpired =
    status === 'CLOSED' ||
    (codeUrl !== null && expired === codeUrl.expiresAt && status !== 'SUCCESS')
  const value = codeUrl ? (payload === 'weixin' ? codeUrl.weixin : codeUrl.web) : ''

  async function save() {
    const svg = svgHolder.current?.querySelector('svg')
    if (!svg || !payment || saving === 'busy') return
    setSaving('busy')
    try {
      const [{ drawQrCard, downloadBlob }, { addPhoto }] = await Promise.all([
        import('./qr-card.ts'),
        import('@/lib/album/album.ts'),
      ])
      const card = await drawQrCard(svg, {
        brand: t('scan.brand'),
        amount: formatMoney(payment.amountFen, lang),
        caption: t('scan.caption'),
      })
      await addPhoto(card.blob, { origin: 'saved', width: card.width, height: card.height })
      downloadBlob(card.blob, `wechat-pay-${orderId}.png`)
      setSaving('saved')
    } catch {
      setSaving('failed')
    }
  }

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
        onBack={onBack}
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
            ref={svgHolder}
            className={isExpired ? 'scan__code scan__code--expired' : 'scan__code'}
            data-testid="wechat-qr"
            data-pay-token={payment?.payToken ?? undefined}
            role="img"
            aria-label={t('scan.codeLabel')}
          >
            {codeUrl ? (
              <QRCodeSVG value={value} size={CODE_PX} level="M" marginSize={3} aria-hidden />
            ) : code.error ? (
              <p className="scan__error" role="alert">
                {errorText(t, lang, code.error)}
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
                  disabled={code.busy}
                  onClick={code.refresh}
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
              onExpire={() => {
                setExpired(codeUrl.expiresAt)
                code.recheck()
              }}
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
            onClick={() => void save()}
          >
            {saving === 'busy' ? <Spinner /> : null}
            {t('scan.save')}
          </button>
          <button
            type="button"
            className="scan__link"
            disabled={code.busy || status === 'SUCCESS'}
            onClick={code.refresh}
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

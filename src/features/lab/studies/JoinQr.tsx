import { useState } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { QrCode } from '@/ui/QrCode.tsx'

/** The join link as text, a QR code of it and a copy button: what a researcher shows or sends. */
export function JoinQr({ url, size = 132 }: { url: string; size?: number }) {
  const { t } = useT()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied('yes')
    } catch {
      setCopied('failed')
    }
  }
  return (
    <div className="study-join">
      <QrCode
        value={url}
        size={size}
        marginSize={2}
        role="img"
        aria-label={t('labStudy.card.qr')}
        data-testid="study-join-qr"
        className="study-join__qr"
      />
      <div className="study-join__text">
        <span className="study-label">{t('labStudy.card.join')}</span>
        <a className="study-join__url" href={url} data-testid="study-join-link">
          {url}
        </a>
        <span className="study-join__tools">
          <button
            type="button"
            className="lab-btn"
            data-testid="study-copy-link"
            onClick={() => void copy()}
          >
            {t('labStudy.card.copy')}
          </button>
          <span role="status" className="study-join__copied">
            {copied === 'yes'
              ? t('labStudy.card.copied')
              : copied === 'failed'
                ? t('labStudy.card.copyFailed')
                : ''}
          </span>
        </span>
      </div>
    </div>
  )
}

/** A link from the server (absolute, or from the site's root) as an absolute address for a QR code. */
export function absoluteUrl(link: string): string {
  return new URL(link, window.location.origin).href
}

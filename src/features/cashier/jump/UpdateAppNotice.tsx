import { useEffect, useRef } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import './jump.css'

/** An old Taobao taps 微信支付: "请将淘宝升级到最新版本以使用微信支付". */
export function UpdateAppNotice({ onClose }: { onClose: () => void }) {
  const { t } = useT()
  const ok = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    ok.current?.focus()
  }, [])
  return (
    <div className="wx-return" role="alertdialog" aria-modal="true" aria-labelledby="update-title">
      <div className="wx-return__box" data-testid="update-app-notice">
        <h2 id="update-title" className="wx-return__title">
          {t('jump.updateTitle')}
        </h2>
        <p className="wx-return__body">{t('jump.updateBody')}</p>
        <div className="wx-return__actions">
          <button type="button" className="wx-return__btn" onClick={onClose}>
            {t('jump.updateLater')}
          </button>
          <button
            ref={ok}
            type="button"
            className="wx-return__btn wx-return__btn--done"
            onClick={onClose}
          >
            {t('jump.updateNow')}
          </button>
        </div>
      </div>
    </div>
  )
}

import { useNavigate } from 'react-router'
import { wechatPath } from '@/contract/paths.ts'
import { fetchWallet } from '@/lib/api/pay.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'
import { WxHeader } from './WxHeader.tsx'
import { IconPayCode } from './wx-icons.tsx'

/** 服务: the green panel with 收付款 and 钱包 (and the 零钱 balance under it). */
export function ServicesScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const persona = useSettings((s) => s.persona)
  const wallet = useResource(`wallet:${persona}`, (signal) => fetchWallet(signal))
  return (
    <div className="wx">
      <WxHeader title={t('wechat.me.services')} onBack={() => void navigate(wechatPath('me'))} />
      <main className="wx-main">
        <div className="wx-services">
          <button type="button" className="wx-services__tile">
            <IconPayCode size={34} />
            <span>{t('wechat.services.payCode')}</span>
          </button>
          <button
            type="button"
            className="wx-services__tile"
            onClick={() => void navigate(wechatPath('wallet'))}
          >
            <svg viewBox="0 0 24 24" width="34" height="34" aria-hidden="true">
              <rect
                x="3"
                y="6"
                width="18"
                height="13"
                rx="2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
              />
              <path d="M3 10h18M15.5 14.5h2.5" stroke="currentColor" strokeWidth="1.5" />
            </svg>
            <span>{t('wechat.services.wallet')}</span>
            <span className="wx-services__sub">
              {wallet.data ? formatMoney(wallet.data.wechatBalanceFen, lang) : ' '}
            </span>
          </button>
        </div>
        <div className="wx-grid-card">
          <p className="wx-grid-card__title">{t('wechat.services.financial')}</p>
          <div className="wx-grid-card__items" aria-hidden="true">
            {(['cardRepay', 'wealth', 'insurance', 'topUp'] as const).map((k) => (
              <span key={k} className="wx-grid-card__item">
                <span className="wx-grid-card__dot" />
                {t(`wechat.services.${k}`)}
              </span>
            ))}
          </div>
        </div>
      </main>
    </div>
  )
}

import { useNavigate } from 'react-router'
import { wechatPath } from '@/contract/paths.ts'
import { fetchWallet } from '@/lib/api/pay.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'
import { Cell } from './Cell.tsx'
import { WxHeader } from './WxHeader.tsx'
import { IconPayCode } from './wx-icons.tsx'

/** 钱包: 零钱, 银行卡, and 账单 at the top right. */
export function WalletScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const persona = useSettings((s) => s.persona)
  const wallet = useResource(`wallet:${persona}`, (signal) => fetchWallet(signal))
  const money = (fen: number | undefined) => (fen === undefined ? '' : formatMoney(fen, lang))
  return (
    <div className="wx">
      <WxHeader
        title={t('wechat.services.wallet')}
        onBack={() => void navigate(wechatPath('services'))}
        right={
          <button
            type="button"
            className="wx-header__text-btn"
            onClick={() => void navigate(wechatPath('bills'))}
          >
            {t('wechat.bills.title')}
          </button>
        }
      />
      <main className="wx-main">
        <div className="wx-group">
          <Cell
            icon={<span className="wx-cell__glyph">¥</span>}
            iconColor="#F6A623"
            title={t('wechat.pay.balance')}
            value={money(wallet.data?.wechatBalanceFen)}
          />
          <Cell
            icon={<span className="wx-cell__glyph">卡</span>}
            iconColor="#2782D7"
            title={t('wechat.wallet.cards')}
            value={t('wechat.wallet.cardCount', { n: 1 })}
          />
        </div>
        <div className="wx-group">
          <Cell
            icon={<IconPayCode size={18} />}
            iconColor="#07C160"
            title={t('wechat.bills.title')}
            onClick={() => void navigate(wechatPath('bills'))}
          />
        </div>
      </main>
    </div>
  )
}

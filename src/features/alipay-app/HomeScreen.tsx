import { useNavigate } from 'react-router'
import { alipayAppPath } from '@/contract/paths.ts'
import { fetchWallet } from '@/lib/api/pay.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { showToast } from '@/lib/toast.ts'
import { useResource } from '@/lib/useResource.ts'
import { IconChevron } from '@/ui/icons.tsx'
import {
  IconCards,
  IconPayCode,
  IconPlus,
  IconScan,
  IconSearch,
  IconTravel,
  TileIcon,
  type TileId,
} from './ali-icons.tsx'
import { TabBar } from './TabBar.tsx'

const TOP = [
  { id: 'scan', Icon: IconScan },
  { id: 'payCode', Icon: IconPayCode },
  { id: 'travel', Icon: IconTravel },
  { id: 'cards', Icon: IconCards },
] as const

const GRID: readonly TileId[] = [
  'transfer',
  'cardRepay',
  'topUp',
  'yuebao',
  'huabei',
  'bills',
  'forest',
  'utilities',
  'city',
  'more',
]

/**
 * 支付宝's home: the blue head with the search bar and 扫一扫 · 收付款 · 出行 · 卡包, the grid of services
 * (账单 among them), the persona's balances, the tab bar. Only 扫一扫 and 账单 lead anywhere: the rest say so.
 */
export function HomeScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const persona = useSettings((s) => s.persona)
  const wallet = useResource(`alipay-wallet:${persona}`, (signal) => fetchWallet(signal))
  const notOpen = () => showToast(t('alipayApp.notOpen'))
  const money = (fen: number | undefined) => (fen === undefined ? '—' : formatMoney(fen, lang))

  return (
    <div className="ali-app ali-home" data-testid="alipay-home">
      <header className="ali-home__head">
        <div className="ali-home__bar">
          <span className="ali-home__city">{t('alipayApp.home.city')}</span>
          <button type="button" className="ali-home__search" onClick={notOpen}>
            <IconSearch size={16} />
            <span className="visually-hidden">{t('alipayApp.home.search')}</span>
            <span aria-hidden="true">{t('alipayApp.home.searchHint')}</span>
          </button>
          <button
            type="button"
            className="ali-home__add"
            aria-label={t('alipayApp.home.add')}
            onClick={notOpen}
          >
            <IconPlus size={24} />
          </button>
        </div>
        <h1 className="visually-hidden">{t('alipayApp.appName')}</h1>
        <div className="ali-home__top">
          {TOP.map(({ id, Icon }) => (
            <button
              key={id}
              type="button"
              className="ali-home__top-btn"
              data-testid={id === 'scan' ? 'alipay-home-scan' : undefined}
              onClick={() => (id === 'scan' ? void navigate(alipayAppPath('scan')) : notOpen())}
            >
              <Icon size={32} strokeWidth={1.7} />
              <span>{t(`alipayApp.home.top.${id}`)}</span>
            </button>
          ))}
        </div>
      </header>
      <main className="ali-home__main">
        <ul className="ali-grid">
          {GRID.map((id) => (
            <li key={id}>
              <button
                type="button"
                className="ali-tile"
                data-testid={id === 'bills' ? 'alipay-home-bills' : undefined}
                onClick={() => (id === 'bills' ? void navigate(alipayAppPath('bills')) : notOpen())}
              >
                <TileIcon id={id} />
                <span>{t(`alipayApp.home.grid.${id}`)}</span>
              </button>
            </li>
          ))}
        </ul>
        <section className="ali-assets" aria-labelledby="ali-assets-title">
          <h2 className="ali-assets__title" id="ali-assets-title">
            {t('alipayApp.home.assets')}
          </h2>
          <dl className="ali-assets__rows">
            <div className="ali-assets__row">
              <dt>{t('alipayApp.home.balance')}</dt>
              <dd data-testid="alipay-home-balance">{money(wallet.data?.alipayBalanceFen)}</dd>
            </div>
            <div className="ali-assets__row">
              <dt>{t('alipayApp.home.huabei')}</dt>
              <dd>{money(wallet.data?.huabeiAvailableFen)}</dd>
            </div>
            <div className="ali-assets__row">
              <dt>{t('alipayApp.home.card')}</dt>
              <dd>{t('alipayApp.home.cardName')}</dd>
            </div>
          </dl>
          <button
            type="button"
            className="ali-assets__bills"
            onClick={() => void navigate(alipayAppPath('bills'))}
          >
            {t('alipayApp.bills.title')}
            <IconChevron size={16} />
          </button>
        </section>
        <p className="ali-app__sim">{t('alipayApp.simNote')}</p>
      </main>
      <TabBar onOther={notOpen} />
    </div>
  )
}

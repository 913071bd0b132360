import { useLocation, useNavigate } from 'react-router'
import { alipayTokenOf, HOME } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { AlipayPayScreen } from './AlipayPayScreen.tsx'

/**
 * `/alipay/pay?token=…`: the simulated Alipay cashier. Leaving goes to the merchant (its signed return_url
 * once paid, its quit_url before), else (a scanned code has neither) to the phone's home.
 */
export function AlipayCashierRoute() {
  const { pathname, search } = useLocation()
  const navigate = useNavigate()
  const { t } = useT()
  const token = alipayTokenOf(`${pathname}${search}`)
  if (!token) {
    return (
      <div className="ali" data-testid="alipay-cashier">
        <main className="ali-main">
          <p className="ali-ended" role="alert" data-testid="alipay-pay-ended">
            {t('alipay.invalidLink')}
          </p>
        </main>
      </div>
    )
  }
  return (
    <AlipayPayScreen
      key={token}
      token={token}
      onLeave={({ url }) => {
        if (url) window.location.assign(url)
        else void navigate(HOME, { replace: true })
      }}
    />
  )
}

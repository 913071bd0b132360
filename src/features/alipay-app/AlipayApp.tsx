import { Route, Routes } from 'react-router'
import { ALIPAY_ROUTES } from '@/contract/paths.ts'
// The base look first: each screen's own sheet comes after it and may refine it.
import './alipay-app.css'
import './alipay-app-controls.css'
import './alipay-app-pay.css'
import './alipay-bills.css'
import './alipay-scan.css'
import { BillDetailScreen } from './BillDetailScreen.tsx'
import { BillsScreen } from './BillsScreen.tsx'
import { HomeScreen } from './HomeScreen.tsx'
import { ScanPayScreen } from './ScanPayScreen.tsx'
import { ScanScreen } from './ScanScreen.tsx'

/** The simulated 支付宝 app on the phone: `/alipay/*` (but the cashier page, `/alipay/pay`). */
export function AlipayApp() {
  return (
    <Routes>
      <Route index element={<HomeScreen />} />
      <Route path="scan" element={<ScanScreen />} />
      <Route path={ALIPAY_ROUTES.scanPay} element={<ScanPayScreen />} />
      <Route path="bills" element={<BillsScreen />} />
      <Route path={ALIPAY_ROUTES.bill} element={<BillDetailScreen />} />
      <Route path="*" element={<HomeScreen />} />
    </Routes>
  )
}

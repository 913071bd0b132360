import { useLocation } from 'react-router'
import { h5PayOf } from '@/contract/merchant-pay-paths.ts'
import { MerchantPayScreen } from './MerchantPayScreen.tsx'

/**
 * An h5_url: WeChat's H5 cashier, opened in the phone's browser as WeChat's is. Paid or not, leaving goes
 * back to the merchant's `redirect_url` (an http(s) URL), whose page asks its server how it went.
 */
export function H5PayScreen({ onNoRedirect }: { onNoRedirect: () => void }) {
  const { search } = useLocation()
  const { token, redirectUrl } = h5PayOf(search)
  return (
    <MerchantPayScreen
      origin={{ kind: 'token', token }}
      mode="h5"
      onLeave={() => {
        if (redirectUrl) window.location.assign(redirectUrl)
        else onNoRedirect()
      }}
    />
  )
}

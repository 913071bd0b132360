import { Route, Routes } from 'react-router'
import { WECHAT_ROUTES } from '@/contract/paths.ts'
// The base look first: each screen's own sheet comes after it and may refine it.
import './wechat.css'
import './chat.css'
import { BillDetailScreen } from './BillDetailScreen.tsx'
import { BillsScreen } from './BillsScreen.tsx'
import { ChatScreen } from './ChatScreen.tsx'
import { ChatsScreen } from './ChatsScreen.tsx'
import { ContactsScreen } from './ContactsScreen.tsx'
import { DiscoverScreen } from './DiscoverScreen.tsx'
import { H5PayScreen } from './H5PayScreen.tsx'
import { JsapiPayScreen } from './JsapiPayScreen.tsx'
import { MeScreen } from './MeScreen.tsx'
import { PayScreen } from './PayScreen.tsx'
import { ScanScreen } from './ScanScreen.tsx'
import { ServicesScreen } from './ServicesScreen.tsx'
import { WalletScreen } from './WalletScreen.tsx'
import { useChatStream } from './useChatStream.ts'

interface WechatAppProps {
  /** The pay sheet is done with: back to the app that jumped here, or to WeChat's chats. */
  onLeavePay: (jumped: boolean) => void
}

/** The simulated WeChat on the phone: `/wechat/*`. */
export function WechatApp({ onLeavePay }: WechatAppProps) {
  // The world's chats, live, on every screen of WeChat (the tab bar's badge, the chat list, a chat).
  useChatStream()
  return (
    <Routes>
      <Route index element={<ChatsScreen />} />
      <Route path="contacts" element={<ContactsScreen />} />
      <Route path="discover" element={<DiscoverScreen />} />
      <Route path="me" element={<MeScreen />} />
      <Route path={WECHAT_ROUTES.chat} element={<ChatScreen />} />
      <Route path="scan" element={<ScanScreen />} />
      <Route path={WECHAT_ROUTES.pay} element={<PayScreen onLeave={onLeavePay} />} />
      <Route path="h5pay" element={<H5PayScreen onNoRedirect={() => onLeavePay(false)} />} />
      <Route path="jsapi" element={<JsapiPayScreen />} />
      <Route path="services" element={<ServicesScreen />} />
      <Route path="wallet" element={<WalletScreen />} />
      <Route path="bills" element={<BillsScreen />} />
      <Route path={WECHAT_ROUTES.bill} element={<BillDetailScreen />} />
      <Route path="*" element={<ChatsScreen />} />
    </Routes>
  )
}

import type { ReactNode } from 'react'
import type { PaymentMethodId } from '@/contract/payment.ts'

/** A 28×28 mark, drawn inline (no image requests), decorative: the row's name says what it is. */
function Mark({ children }: { children: ReactNode }) {
  return (
    <svg
      className="brand-icon"
      width={28}
      height={28}
      viewBox="0 0 28 28"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

function Glyph({ char, size = 17 }: { char: string; size?: number }) {
  return (
    <text
      x="14"
      y="14.5"
      textAnchor="middle"
      dominantBaseline="central"
      fill="#fff"
      fontSize={size}
      fontWeight={700}
    >
      {char}
    </text>
  )
}

/** Alipay: the blue square with 支. */
function Alipay() {
  return (
    <Mark>
      <rect width="28" height="28" rx="6.5" fill="#1677ff" />
      <Glyph char="支" />
    </Mark>
  )
}

/** A debit card: the bank's red card, its chip and stripe. */
function BankCard() {
  return (
    <Mark>
      <rect x="1" y="5" width="26" height="18" rx="3.5" fill="#c8102e" />
      <rect x="1" y="9" width="26" height="3" fill="#8c0a1f" />
      <rect x="4.5" y="15" width="6" height="4.5" rx="1" fill="#f5c451" />
      <rect x="13" y="17" width="10" height="1.6" rx="0.8" fill="#fff" opacity="0.8" />
    </Mark>
  )
}

/** Huabei: Ant's blue mark with 花. */
function Huabei() {
  return (
    <Mark>
      <rect width="28" height="28" rx="14" fill="#1a7dff" />
      <Glyph char="花" size={16} />
    </Mark>
  )
}

/** UnionPay: the three slanted red, blue and green cards. */
function UnionPay() {
  return (
    <Mark>
      <rect width="28" height="28" rx="6.5" fill="#fff" stroke="#e5e5e5" />
      <path d="M6.2 6h6.6l-3.4 16H2.8z" fill="#e21836" />
      <path d="M11.4 6h6.6l-3.4 16H8z" fill="#00447c" />
      <path d="M16.6 6h6.6l-3.4 16h-6.6z" fill="#007b84" />
      <text x="15" y="17.2" textAnchor="middle" fill="#fff" fontSize="5.2" fontWeight={700}>
        银联
      </text>
    </Mark>
  )
}

/** WeChat Pay: the green square with its white tick. */
function WeChatPay() {
  return (
    <Mark>
      <rect width="28" height="28" rx="6.5" fill="#07c160" />
      <path
        d="M7 13.6l4.3 4.1L21.5 9"
        fill="none"
        stroke="#fff"
        strokeWidth="3.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </Mark>
  )
}

/** WeChat's scan: green, a viewfinder around a small code. */
function WeChatScan() {
  const corner = { fill: 'none', stroke: '#fff', strokeWidth: 2.2, strokeLinecap: 'round' as const }
  return (
    <Mark>
      <rect width="28" height="28" rx="6.5" fill="#07c160" />
      <path d="M6 10.5V6h4.5M17.5 6H22v4.5M22 17.5V22h-4.5M10.5 22H6v-4.5" {...corner} />
      <rect x="10" y="10" width="3.4" height="3.4" fill="#fff" />
      <rect x="14.6" y="10" width="3.4" height="3.4" fill="#fff" />
      <rect x="10" y="14.6" width="3.4" height="3.4" fill="#fff" />
      <rect x="15.4" y="15.4" width="2" height="2" fill="#fff" />
    </Mark>
  )
}

/**
 * Ask a friend (找朋友帮忙付): Taobao's own 代付 mark, an open hand holding a heart on Taobao's orange-red
 * (not WeChat's green: Taobao offers it, the friend pays however they like).
 */
function FriendPay() {
  return (
    <Mark>
      <rect width="28" height="28" rx="6.5" fill="#ff5000" />
      <path
        d="M14 13.2c-2.3-1.6-4.2-3.1-4.2-5.1 0-1.3 1-2.3 2.2-2.3.8 0 1.5.4 2 1.1.5-.7 1.2-1.1 2-1.1 1.2 0 2.2 1 2.2 2.3 0 2-1.9 3.5-4.2 5.1z"
        fill="#fff"
      />
      <path
        d="M4.5 17.2h3.1l3.6-1.3c.7-.2 1.4-.1 2 .3l1.9 1.2h3.3c.8 0 1.4.6 1.4 1.3 0 .2 0 .3-.1.4l3.4-1.6c.7-.3 1.5 0 1.8.6.3.6.1 1.3-.4 1.7l-5.5 3.6c-.6.4-1.3.6-2 .6H7.6H4.5z"
        fill="#fff"
      />
      <path d="M12.3 18.8h4.9" stroke="#ff5a00" strokeWidth="1.1" strokeLinecap="round" />
    </Mark>
  )
}

const ICONS: Record<PaymentMethodId, () => ReactNode> = {
  'alipay-balance': Alipay,
  'alipay-card': BankCard,
  huabei: Huabei,
  unionpay: UnionPay,
  wechat: WeChatPay,
  'wechat-scan': WeChatScan,
  'friend-pay': FriendPay,
}

/** The method's brand mark, as Taobao's cashier lists them. */
export function BrandIcon({ id }: { id: PaymentMethodId }) {
  return ICONS[id]()
}

/** UnionPay's mark alone, for its own pay sheet's title bar. */
export { UnionPay as UnionPayMark }

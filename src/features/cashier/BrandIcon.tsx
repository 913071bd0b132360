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

/** Ask a friend: WeChat's two chat bubbles. */
function FriendPay() {
  return (
    <Mark>
      <rect width="28" height="28" rx="6.5" fill="#07c160" />
      <ellipse cx="11.4" cy="11.8" rx="6.6" ry="5.6" fill="#fff" />
      <path d="M7.6 15.6l-1.1 3 3.3-1.7z" fill="#fff" />
      <ellipse
        cx="17.6"
        cy="16.6"
        rx="5.4"
        ry="4.6"
        fill="#fff"
        stroke="#07c160"
        strokeWidth="1.2"
      />
      <circle cx="9.2" cy="11.2" r="0.95" fill="#07c160" />
      <circle cx="13.6" cy="11.2" r="0.95" fill="#07c160" />
      <circle cx="15.9" cy="16.2" r="0.8" fill="#07c160" />
      <circle cx="19.3" cy="16.2" r="0.8" fill="#07c160" />
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

import type { PaymentMethodId } from '@/contract/payment.ts'

/** Methods this issue can pay with: they open the 6-digit password pad. */
export const PASSWORD_METHODS: readonly PaymentMethodId[] = [
  'alipay-balance',
  'alipay-card',
  'huabei',
]

interface Badge {
  glyph: string
  color: string
}

const BADGES: Record<PaymentMethodId, Badge> = {
  'alipay-balance': { glyph: '支', color: '#1677ff' },
  'alipay-card': { glyph: '卡', color: '#1677ff' },
  huabei: { glyph: '花', color: '#1a8cff' },
  unionpay: { glyph: '云', color: '#e60012' },
  wechat: { glyph: '微', color: '#07c160' },
  'wechat-scan': { glyph: '扫', color: '#07c160' },
  'friend-pay': { glyph: '代', color: '#ff6a00' },
}

/** The method's brand mark: a coloured rounded square with its character, as Taobao's cashier lists them. */
export function MethodIcon({ id }: { id: PaymentMethodId }) {
  const badge = BADGES[id]
  return (
    <span className="method__icon" style={{ background: badge.color }} aria-hidden="true">
      {badge.glyph}
    </span>
  )
}

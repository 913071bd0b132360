import type { Fen } from '@/contract/money.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'

interface MoneyProps {
  fen: Fen
  /** Show as a discount: "-¥10.00". */
  negative?: boolean
  /** Price-tag style: a smaller ¥ and smaller decimals, as Taobao prints big amounts. */
  tag?: boolean
  className?: string
  testId?: string
}

/** An amount of integer fen, formatted for the current language. */
export function Money({ fen, negative = false, tag = false, className, testId }: MoneyProps) {
  const { lang } = useT()
  const text = formatMoney(fen, lang)
  const sign = negative && fen > 0 ? '-' : ''
  if (!tag) {
    return (
      <span className={className} data-testid={testId}>
        {sign}
        {text}
      </span>
    )
  }
  const match = /^([^\d]*)([\d,]+)(\.\d+)?(.*)$/.exec(text)
  return (
    <span className={className} data-testid={testId}>
      {sign}
      <span className="money__sym">{match?.[1] ?? ''}</span>
      {match?.[2] ?? text}
      <span className="money__dec">{match?.[3] ?? ''}</span>
      {match?.[4] ?? ''}
    </span>
  )
}

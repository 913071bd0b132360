import { useSearchParams } from 'react-router'
import { useT } from '@/lib/i18n/i18n.ts'
import { isPersona, useSettings } from '@/lib/settings.ts'
import './foreign-order.css'

interface ForeignOrderNoticeProps {
  /** Whose the order is: the persona id and its nickname, as the server named them. */
  owner: { persona: string; nickname: string }
  className?: string
}

/**
 * A screen whose order another persona of the simulator placed (ORDER_OF_OTHER_PERSONA): it says whose,
 * never "closed" or "not found", and 切换回去 makes this phone that persona again. Like the panel, it drops
 * a `?persona=` from the address too, or the next navigation would put the other one back.
 */
export function ForeignOrderNotice({ owner, className = '' }: ForeignOrderNoticeProps) {
  const { t } = useT()
  const [, setParams] = useSearchParams()
  const update = useSettings((s) => s.update)
  const persona = isPersona(owner.persona) ? owner.persona : null
  const switchBack = () => {
    if (!persona) return
    update({ persona })
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        next.delete('persona')
        return next
      },
      { replace: true },
    )
  }
  return (
    <section
      className={`foreign-order ${className}`}
      data-testid="foreign-order"
      data-owner={owner.persona}
      aria-labelledby="foreign-order-title"
    >
      <span className="foreign-order__icon" aria-hidden="true">
        {owner.nickname.slice(0, 1)}
      </span>
      <h2 id="foreign-order-title" className="foreign-order__title">
        {t('foreign.title', { name: owner.nickname })}
      </h2>
      <p className="foreign-order__hint">
        {t('foreign.hint', { name: owner.nickname, persona: owner.persona })}
      </p>
      <button
        type="button"
        className="btn-primary foreign-order__switch"
        data-testid="foreign-order-switch"
        disabled={!persona}
        onClick={switchBack}
      >
        {t('foreign.switch')}
      </button>
    </section>
  )
}

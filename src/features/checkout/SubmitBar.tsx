import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Money } from '@/ui/Money.tsx'
import { Spinner } from '@/ui/Spinner.tsx'

interface SubmitBarProps {
  totalFen: number
  savedFen: number
  itemCount: number
  submitting: boolean
  disabled: boolean
  /**
   * Drawn in `/`'s HTML before the app took the page over (app/OrderFrame.tsx): the button is disabled,
   * so nothing (a tap, a test waiting for it to be enabled) acts on a page about to be replaced, but it
   * looks as the app's page will draw it, so nothing moves at the handover.
   */
  inFrame?: boolean | undefined
  onSubmit: () => void
}

/** The sticky bottom bar: 合计 and 提交订单. */
export function SubmitBar({
  totalFen,
  savedFen,
  itemCount,
  submitting,
  disabled,
  inFrame = false,
  onSubmit,
}: SubmitBarProps) {
  const { t, lang } = useT()
  return (
    <footer className="submit-bar">
      <div className="submit-bar__sum">
        <span className="submit-bar__count">{t('common.items', { n: itemCount })}</span>
        <span className="submit-bar__label">{t('checkout.bar.total')}</span>
        <span className="submit-bar__total-wrap">
          <Money fen={totalFen} tag testId="order-total" className="submit-bar__total" />
          {savedFen > 0 && (
            <span className="submit-bar__saved">
              {t('checkout.bar.saved', { amount: formatMoney(savedFen, lang) })}
            </span>
          )}
        </span>
      </div>
      <button
        type="button"
        className="btn-primary submit-bar__btn"
        data-testid="submit-order"
        disabled={disabled || submitting || inFrame}
        data-frame={inFrame && !disabled ? '' : undefined}
        aria-busy={submitting}
        onClick={onSubmit}
      >
        {submitting && <Spinner />}
        {submitting ? t('checkout.bar.submitting') : t('checkout.bar.submit')}
      </button>
    </footer>
  )
}

import type { Catalog } from '@/contract/catalog.ts'
import type { PriceBreakdown } from '@/contract/pricing.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Money } from '@/ui/Money.tsx'
import { useCheckout, type InvoiceKind } from './checkout-store.ts'

const INVOICE_KINDS: InvoiceKind[] = ['none', 'personal', 'company']
const NOTE_MAX = 200

/** Order-wide choices: delivery fee, cross-store discount, note, invoice. */
export function OptionsCard({
  catalog,
  breakdown,
}: {
  catalog: Catalog
  breakdown: PriceBreakdown
}) {
  const { t, lang } = useT()
  const note = useCheckout((s) => s.note)
  const setNote = useCheckout((s) => s.setNote)
  const invoiceKind = useCheckout((s) => s.invoiceKind)
  const setInvoiceKind = useCheckout((s) => s.setInvoiceKind)
  const invoiceTitle = useCheckout((s) => s.invoiceTitle)
  const setInvoiceTitle = useCheckout((s) => s.setInvoiceTitle)
  const rule = t('checkout.crossStoreRule', {
    threshold: formatMoney(catalog.crossStore.thresholdFen, lang),
    off: formatMoney(catalog.crossStore.offFen, lang),
  })

  return (
    <section className="card options-card">
      {catalog.deliveryFen > 0 && (
        <div className="row">
          <span className="row__label">{t('checkout.delivery')}</span>
          <span className="row__value">
            {t('checkout.deliveryFee', { fee: formatMoney(catalog.deliveryFen, lang) })}
          </span>
        </div>
      )}
      <div className="row">
        <span className="row__label">
          {t('checkout.crossStore')}
          <span className="row__sub">{rule}</span>
        </span>
        {breakdown.crossStoreFen > 0 ? (
          <Money fen={breakdown.crossStoreFen} negative className="row__value row__discount" />
        ) : (
          <span className="row__value row__value--muted">{t('checkout.crossStoreNone')}</span>
        )}
      </div>
      <div className="row row--note">
        <label className="row__label" htmlFor="order-note">
          {t('checkout.note')}
        </label>
        <textarea
          id="order-note"
          className="note-field"
          data-testid="order-note"
          rows={2}
          maxLength={NOTE_MAX}
          aria-describedby="order-note-count"
          placeholder={t('checkout.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.target.value.slice(0, NOTE_MAX))}
        />
        <span id="order-note-count" className="note-count" data-testid="order-note-count">
          <span aria-hidden="true">
            {note.length}/{NOTE_MAX}
          </span>
          <span className="visually-hidden">
            {t('checkout.noteCount', { n: note.length, max: NOTE_MAX })}
          </span>
        </span>
      </div>
      <div className="row row--invoice">
        <span className="row__label" id="invoice-label">
          {t('checkout.invoice.label')}
        </span>
        <div className="chips" role="radiogroup" aria-labelledby="invoice-label">
          {INVOICE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={invoiceKind === kind}
              className={invoiceKind === kind ? 'chip chip--on' : 'chip'}
              onClick={() => setInvoiceKind(kind)}
            >
              {t(`checkout.invoice.${kind}`)}
            </button>
          ))}
        </div>
      </div>
      {invoiceKind === 'company' && (
        <div className="row row--input">
          <label className="row__label" htmlFor="invoice-title">
            {t('checkout.invoice.title')}
          </label>
          <input
            id="invoice-title"
            className="row__input"
            type="text"
            maxLength={60}
            placeholder={t('checkout.invoice.titlePlaceholder')}
            value={invoiceTitle}
            onChange={(e) => setInvoiceTitle(e.target.value)}
          />
        </div>
      )}
    </section>
  )
}

import type { ConsoleEntry, ConsoleKind } from '@/contract/console.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { refValues, type TimelineFilter } from './filter.ts'

interface FilterBarProps {
  entries: readonly ConsoleEntry[]
  filter: TimelineFilter
  onChange: (filter: TimelineFilter) => void
  shown: number
}

const KINDS: readonly ConsoleKind[] = ['event', 'call', 'delivery']

/** Kind, persona, merchant and order, picked from what the timeline holds; a search by any id. */
export function FilterBar({ entries, filter, onChange, shown }: FilterBarProps) {
  const { t } = useT()
  const choice = (name: 'persona' | 'merchant' | 'orderId', label: string) => {
    const values = refValues(entries, name)
    return (
      <label className="console-filter__field">
        <span>{label}</span>
        <select
          data-testid={`console-filter-${name}`}
          value={filter[name] ?? ''}
          onChange={(e) => onChange({ ...filter, [name]: e.target.value || null })}
        >
          <option value="">{t('console.filter.any')}</option>
          {values.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
    )
  }
  return (
    <form className="console-filter" role="search" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="console-filter__kinds">
        <legend>{t('console.filter.kind')}</legend>
        {[null, ...KINDS].map((kind) => (
          <button
            key={kind ?? 'all'}
            type="button"
            className="console-chip"
            aria-pressed={filter.kind === kind}
            data-testid={`console-kind-${kind ?? 'all'}`}
            onClick={() => onChange({ ...filter, kind })}
          >
            {kind ? t(`console.filter.${kind}`) : t('console.filter.all')}
          </button>
        ))}
      </fieldset>
      {choice('persona', t('console.filter.persona'))}
      {choice('merchant', t('console.filter.merchant'))}
      {choice('orderId', t('console.filter.order'))}
      <label className="console-filter__field console-filter__search">
        <span>{t('console.filter.search')}</span>
        <input
          type="search"
          data-testid="console-search"
          value={filter.q}
          placeholder={t('console.filter.searchHint')}
          onChange={(e) => onChange({ ...filter, q: e.target.value })}
        />
      </label>
      <output className="console-filter__count" data-testid="console-count">
        {t('console.filter.count', { shown, total: entries.length })}
      </output>
    </form>
  )
}

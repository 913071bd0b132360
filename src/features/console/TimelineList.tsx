import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { ConsoleEntry } from '@/contract/console.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { rowOf, timeOfDay } from './row.ts'
import { Figures } from './Figures.tsx'

const ROW_PX = 44

interface TimelineListProps {
  entries: readonly ConsoleEntry[]
  selected: number | null
  onSelect: (seq: number) => void
}

/**
 * The timeline's rows, newest first, virtualised: only the rows in view are in the page, so 10,000 of
 * them scroll as smoothly as ten. A row is a button (it opens the entry's details).
 */
export function TimelineList({ entries, selected, onSelect }: TimelineListProps) {
  const { t } = useT()
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- its answers change on each render; nothing here is memoised on them
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
    getItemKey: (index) => entries[index]?.seq ?? index,
  })
  return (
    <div
      className="console-list"
      ref={scroller}
      data-testid="console-timeline"
      role="list"
      aria-label={t('console.title')}
    >
      <div className="console-list__inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index]
          if (!entry) return null
          const row = rowOf(entry)
          return (
            <div
              key={item.key}
              role="listitem"
              className="console-list__item"
              style={{ transform: `translateY(${item.start}px)`, height: ROW_PX }}
            >
              <button
                type="button"
                className={`console-row console-row--${entry.kind}${row.bad ? ' console-row--bad' : ''}`}
                aria-pressed={selected === entry.seq}
                data-testid="console-row"
                data-seq={entry.seq}
                data-type={entry.type}
                onClick={() => onSelect(entry.seq)}
              >
                <span className="console-row__seq">{entry.seq}</span>
                <time className="console-row__at" dateTime={entry.at}>
                  {timeOfDay(entry.at)}
                </time>
                <span className={`console-kind console-kind--${entry.kind}`}>
                  {t(`console.kind.${entry.kind}`)}
                </span>
                <code className="console-row__what">{row.what}</code>
                <span className="console-row__figures">
                  {row.figures && <Figures figures={row.figures} />}
                </span>
                <span className="console-row__ids">
                  {row.links.map((link) => link.id).join(' · ')}
                </span>
              </button>
            </div>
          )
        })}
      </div>
    </div>
  )
}

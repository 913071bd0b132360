import { useMemo, useState } from 'react'
import { DEFAULT_WORLD } from '@/contract/worlds.ts'
import { consolePath, stagePath } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { Toaster } from '@/ui/Toaster.tsx'
import { ActionsBar } from './ActionsBar.tsx'
import { EntryBrowser } from './EntryBrowser.tsx'
import { FilterBar } from './FilterBar.tsx'
import { NO_FILTER, visibleEntries, type TimelineFilter } from './filter.ts'
import { useTimeline } from './useTimeline.ts'
import { WorldPicker } from './WorldPicker.tsx'
import { exportUrl } from './export-url.ts'
import { ObjectView } from './ObjectView.tsx'
import type { ConsoleObjectKind } from '@/contract/console.ts'
import './console.css'

/** `/console` and `/console/:kind/:id`: the world of this browser (`?world=`), live. */
export function ConsoleScreen({
  object,
}: {
  object: { kind: ConsoleObjectKind; id: string } | null
}) {
  const world = useSettings((s) => s.world)
  // A new world is a new timeline: nothing of the last one's stream or rows carries over.
  return <ConsoleOfWorld key={world ?? DEFAULT_WORLD} world={world} object={object} />
}

function ConsoleOfWorld({
  world,
  object,
}: {
  world: string | null
  object: { kind: ConsoleObjectKind; id: string } | null
}) {
  const { t } = useT()
  const [timeline, send] = useTimeline(world)
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER)
  const shown = useMemo(() => visibleEntries(timeline.entries, filter), [timeline.entries, filter])
  const actions = timeline.actions === true
  const worldName = world ?? DEFAULT_WORLD

  return (
    <div className="console">
      <header className="console__head">
        <h1>{t('console.title')}</h1>
        <WorldPicker
          world={worldName}
          onPick={(next) => window.location.assign(consolePath(next))}
        />
        <a className="console-btn" href={stagePath(world)} data-testid="console-phones">
          {t('console.openPhones')}
        </a>
        <span
          className={`console-link console-link--${timeline.link}`}
          data-testid="console-link"
          role="status"
        >
          {timeline.link === 'live'
            ? t('console.live')
            : timeline.link === 'reconnecting'
              ? t('console.reconnecting')
              : timeline.link === 'loading'
                ? t('console.connecting')
                : null}
        </span>
        <nav className="console__export" aria-label={t('console.export.ndjson')}>
          <a href={exportUrl('ndjson', world)} download>
            {t('console.export.ndjson')}
          </a>
          <a href={exportUrl('har', world)} download>
            {t('console.export.har')}
          </a>
        </nav>
      </header>
      {timeline.link === 'failed' && (
        <p className="console__problem" role="alert" data-testid="console-problem">
          {timeline.error?.code === 'WORLD_NOT_FOUND'
            ? t('console.badWorld', { world: worldName })
            : (timeline.error?.message ?? timeline.error?.code)}{' '}
          <button type="button" className="console-btn" onClick={() => send({ type: 'RETRY' })}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {timeline.actions === false && (
        <p className="console__readonly" role="note" data-testid="console-readonly">
          {t('console.readOnly')}
        </p>
      )}
      {actions && <ActionsBar />}
      {object ? (
        <ObjectView
          kind={object.kind}
          id={object.id}
          world={world}
          entries={timeline.entries}
          actions={actions}
        />
      ) : (
        <>
          <FilterBar
            entries={timeline.entries}
            filter={filter}
            onChange={setFilter}
            shown={shown.length}
          />
          <EntryBrowser
            entries={shown}
            world={world}
            actions={actions}
            empty={
              <p className="console__empty" data-testid="console-empty">
                {timeline.entries.length === 0
                  ? t('console.filter.empty')
                  : t('console.filter.none')}
              </p>
            }
          />
        </>
      )}
      <Toaster />
    </div>
  )
}

import { useState, type ReactNode } from 'react'
import type { ConsoleEntry } from '@/contract/console.ts'
import { EntryDetail } from './EntryDetail.tsx'
import { TimelineList } from './TimelineList.tsx'

interface EntryBrowserProps {
  /** Newest first, as they are listed. */
  entries: readonly ConsoleEntry[]
  world: string | null
  actions: boolean
  /** What stands in for the list when there is nothing in it. */
  empty?: ReactNode
}

/** Entries as a list, and the one picked opened beside it (the timeline's and an object's story). */
export function EntryBrowser({ entries, world, actions, empty }: EntryBrowserProps) {
  const [selected, setSelected] = useState<number | null>(null)
  const entry = selected === null ? undefined : entries.find((e) => e.seq === selected)
  return (
    <div className={`console__body${entry ? ' console__body--split' : ''}`}>
      {entries.length === 0 && empty ? (
        empty
      ) : (
        <TimelineList entries={entries} selected={selected} onSelect={setSelected} />
      )}
      {entry && (
        <EntryDetail
          entry={entry}
          world={world}
          actions={actions}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  )
}

// The studies of a process (docs/studies.md): each folded from its journal, outside every world and its
// TTL. A command is decided against the study's state, written (fsync'd), and only then applied: a
// write that fails answers STORAGE_UNAVAILABLE and changes nothing.
import type { ApiError } from '../../contract/errors.ts'
import type { CreateStudyBody, StudyResults } from '../../contract/study.ts'
import { applyStudyEvent, foldStudy } from '../domain/study/apply.ts'
import { decideCreateStudy } from '../domain/study/decide.ts'
import { studyResults } from '../domain/study/results.ts'
import type { StudyDecision, StudyJournalEvent, StudyState } from '../domain/study/model.ts'
import type { DiskIO } from '../store/disk.ts'
import { StorageUnavailableError } from '../store/disk.ts'
import { studyFilesFor } from './files.ts'
import type { ScreenType, StudyFiles } from './files.ts'

/** Studies one process holds. */
export const MAX_STUDIES = 500

export interface StudyStoreOptions {
  /** The data folder the worlds use (studies go in `studies/`), or `memory`. */
  data: string
  log: (message: string, error?: unknown) => void
  /** The disk the journals are written through (tests put a full one under it). */
  disk?: DiskIO
  /** Wall-clock ms (the studies are on no world's test clock). */
  now?: () => number
  maxStudies?: number
}

interface Kept {
  state: StudyState
  /** Every event of the journal, in order: what a participant's deletion rewrites. */
  journal: StudyJournalEvent[]
  /**
   * The results as last computed, until the study changes: the owner's page asks every 3 s, and a study
   * of 200 people costs tens of milliseconds of bootstraps on the event loop each time.
   */
  results: StudyResults | null
}

const unavailable = (error: unknown): ApiError => ({
  code: 'STORAGE_UNAVAILABLE',
  message: `the study could not be saved, so nothing was changed: ${error instanceof Error ? error.message : String(error)}`,
})

/** The id of a participant an event is about, if it is about one. */
function participantOf(event: StudyJournalEvent): string | null {
  return 'participantId' in event ? event.participantId : null
}

export class StudyStore {
  readonly #studies = new Map<string, Kept>()
  readonly #files: StudyFiles
  readonly #now: () => number
  readonly #max: number
  readonly #log: (message: string, error?: unknown) => void

  constructor(options: StudyStoreOptions) {
    this.#files = studyFilesFor(options.data, options.log, options.disk)
    this.#now = options.now ?? Date.now
    this.#max = options.maxStudies ?? MAX_STUDIES
    this.#log = options.log
    for (const id of this.#files.ids()) {
      try {
        const { events } = this.#files.load(id)
        const state = foldStudy(events)
        if (state) this.#studies.set(id, { state, journal: events, results: null })
        else
          options.log(`study ${id}: its journal does not begin with study.created: left as it is`)
      } catch (error) {
        options.log(`study ${id}: its journal could not be read: left as it is`, error)
      }
    }
  }

  get size(): number {
    return this.#studies.size
  }

  now(): number {
    return this.#now()
  }

  get(id: string): StudyState | undefined {
    return this.#studies.get(id)?.state
  }

  /** The study's results, computed once per change of the study (`studyResults` is pure). */
  results(id: string): StudyResults | undefined {
    const kept = this.#studies.get(id)
    if (!kept) return undefined
    kept.results ??= studyResults(kept.state)
    return kept.results
  }

  all(): IterableIterator<StudyState> {
    return [...this.#studies.values()].map((k) => k.state)[Symbol.iterator]()
  }

  create(id: string, ownerKeyHash: string, body: CreateStudyBody): StudyDecision<StudyState> {
    if (this.#studies.size >= this.#max) {
      return {
        ok: false,
        error: {
          code: 'TOO_MANY_STUDIES',
          message: `this server holds ${this.#max} studies already: delete one first`,
        },
      }
    }
    const decision = decideCreateStudy({ id, ownerKeyHash, body }, this.#now())
    if (!decision.ok) return decision
    try {
      this.#files.create(id, decision.events)
    } catch (error) {
      return { ok: false, error: unavailable(error) }
    }
    const state = foldStudy(decision.events)
    if (!state) throw new Error('a new study folds to nothing')
    this.#studies.set(id, { state, journal: [...decision.events], results: null })
    return { ok: true, events: decision.events, value: state }
  }

  /** Decides against the study's state; what it decides is durable before it is applied. */
  run<T>(
    id: string,
    decide: (state: StudyState, now: number) => StudyDecision<T>,
  ): StudyDecision<T> {
    const kept = this.#studies.get(id)
    if (!kept) return notFound()
    const decision = decide(kept.state, this.#now())
    if (!decision.ok || decision.events.length === 0) return decision
    try {
      this.#files.append(id, decision.events)
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error
      this.#log(error.message)
      return { ok: false, error: unavailable(error) }
    }
    for (const event of decision.events) {
      applyStudyEvent(kept.state, event)
      kept.journal.push(event)
    }
    kept.results = null
    return decision
  }

  /** A study and everything of it, gone for good. */
  deleteStudy(id: string): StudyDecision<null> {
    if (!this.#studies.has(id)) return notFound()
    try {
      this.#files.remove(id)
    } catch (error) {
      return { ok: false, error: unavailable(error) }
    }
    this.#studies.delete(id)
    return { ok: true, events: [], value: null }
  }

  /**
   * One participant's data, gone: the journal is rewritten without a line about them (temp file,
   * fsync, rename). Their screenshots of the simulator's screens, which hold nothing of theirs, stay.
   */
  deleteParticipant(id: string, participantId: string): StudyDecision<null> {
    const kept = this.#studies.get(id)
    if (!kept) return notFound()
    if (!kept.state.participants.has(participantId)) {
      return {
        ok: false,
        error: { code: 'PARTICIPANT_NOT_FOUND', message: 'this study has no such participant' },
      }
    }
    const journal = kept.journal.filter((e) => participantOf(e) !== participantId)
    try {
      this.#files.rewrite(id, journal)
    } catch (error) {
      return { ok: false, error: unavailable(error) }
    }
    const state = foldStudy(journal)
    if (!state) throw new Error('a study without its participant folds to nothing')
    this.#studies.set(id, { state, journal, results: null })
    return { ok: true, events: [], value: null }
  }

  /** Writes a screenshot's bytes (before its `screen.captured` is journalled by `run`). */
  putScreen(id: string, imageId: string, type: ScreenType, bytes: Uint8Array): ApiError | null {
    try {
      this.#files.putScreen(id, imageId, type, bytes)
      return null
    } catch (error) {
      return unavailable(error)
    }
  }

  screen(id: string, imageId: string): { contentType: ScreenType; bytes: Uint8Array } | null {
    const state = this.get(id)
    if (!state) return null
    for (const capture of state.screens.values()) {
      if (capture.imageId !== imageId) continue
      const bytes = this.#files.screen(id, imageId, capture.contentType)
      return bytes ? { contentType: capture.contentType, bytes } : null
    }
    return null
  }

  close(): void {
    this.#files.close()
  }
}

function notFound<T>(): StudyDecision<T> {
  return {
    ok: false,
    error: {
      code: 'STUDY_NOT_FOUND',
      message: 'no such study (it was never made, or was deleted)',
    },
  }
}

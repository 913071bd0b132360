// The scripted friend of an "ask a friend" task (docs/studies.md): when a pay-for-me request opens in
// the task's world, the friend persona pays it after a delay drawn uniformly from the study's
// `friendDelayMs`, through the command the friend's page uses (payFriendRequest), with its password.
// The timer lives here, not in the domain; on a restart it is armed again for requests still open.
import { SOURCES } from '../domain/gateway/channels.ts'
import { payFriendRequest } from '../domain/gateway/friend-pay.ts'
import type { Scheduler } from '../http/notify.ts'
import type { IdSource } from '../store/ids.ts'
import type { StoreObserver } from '../store/observer.ts'
import type { World } from '../worlds/world.ts'
import type { Worlds } from '../worlds/worlds.ts'
import type { StudyStore } from './studies.ts'

export interface FriendTiming {
  scheduler: Scheduler
  /** Uniform on [0, 1): where in `friendDelayMs` each delay falls. */
  random: () => number
}

const FRIEND = 'friend' as const
const SOURCE = 'wechat-balance' as const
/** A payment that failed for a reason that may pass (the disk, a simulated fault) is tried again. */
const RETRY_MS = 2_000
const RETRIES = 5

export class ScriptedFriend {
  readonly #watched = new Set<string>()
  readonly #armed = new Set<string>()
  readonly studies: StudyStore
  readonly worlds: Worlds
  readonly ids: IdSource
  readonly timing: FriendTiming
  readonly log: (message: string, error?: unknown) => void

  constructor(
    studies: StudyStore,
    worlds: Worlds,
    ids: IdSource,
    timing: FriendTiming,
    log: (message: string, error?: unknown) => void,
  ) {
    this.studies = studies
    this.worlds = worlds
    this.ids = ids
    this.timing = timing
    this.log = log
  }

  /** Every friend task still under way or to come, in every study with a scripted friend. */
  resume(): void {
    for (const state of this.studies.all()) {
      if (state.config.friend !== 'scripted') continue
      for (const p of state.participants.values()) {
        if (p.status !== 'active') continue
        for (const task of p.tasks) {
          if (task.route === 'friend' && (task.status === 'pending' || task.status === 'started')) {
            this.watch(state.config.id, p.id, task.world)
          }
        }
      }
    }
  }

  /** Pays each request that opens in `worldId` (and each open already) for this participant's task. */
  watch(studyId: string, participantId: string, worldId: string): void {
    if (this.#watched.has(worldId)) return
    const world = this.worlds.get(worldId)
    if (!world) return
    this.#watched.add(worldId)
    const observer: StoreObserver = {
      applied: (event, _state, replaying) => {
        if (!replaying && event.type === 'friend.requested') {
          this.#arm(studyId, participantId, worldId, event.request.token)
        }
      },
      reset: () => {},
    }
    world.store.observe(observer)
    for (const request of world.store.state.gateway.friendRequests.values()) {
      if (request.status === 'OPEN') this.#arm(studyId, participantId, worldId, request.token)
    }
  }

  /** Whether the task is still the friend's to pay: its study, participant and task still under way. */
  #wanted(studyId: string, participantId: string): boolean {
    const state = this.studies.get(studyId)
    const p = state?.participants.get(participantId)
    const task = p?.tasks.find((t) => t.route === 'friend')
    return (
      p?.status === 'active' &&
      task !== undefined &&
      (task.status === 'pending' || task.status === 'started')
    )
  }

  #arm(studyId: string, participantId: string, worldId: string, token: string): void {
    if (this.#armed.has(token)) return
    const { min, max } = this.studies.get(studyId)?.config.friendDelayMs ?? { min: 0, max: 0 }
    const delay = Math.round(min + this.timing.random() * (max - min))
    this.#armed.add(token)
    this.timing.scheduler.after(delay, () => this.#pay(studyId, participantId, worldId, token, 0))
  }

  #pay(
    studyId: string,
    participantId: string,
    worldId: string,
    token: string,
    tries: number,
  ): void {
    const world = this.worlds.get(worldId)
    const request = world?.store.state.gateway.friendRequests.get(token)
    if (!world || request?.status !== 'OPEN' || !this.#wanted(studyId, participantId)) {
      this.#armed.delete(token)
      return
    }
    const again = () => {
      if (tries >= RETRIES) {
        this.#armed.delete(token)
        return
      }
      this.timing.scheduler.after(RETRY_MS, () =>
        this.#pay(studyId, participantId, worldId, token, tries + 1),
      )
    }
    const result = this.#charge(world, token)
    if (result === 'retry') return again()
    if (result === 'done') return void this.#armed.delete(token)
    // Paid, once it is durable; a write that failed was undone, so the friend tries again.
    result.then(
      () => this.#armed.delete(token),
      (error: unknown) => {
        this.log(`world ${world.id}: the scripted friend's payment was not saved`, error)
        again()
      },
    )
  }

  /** Pays the request: a promise of its durability, or why not (`retry` for what may pass). */
  #charge(world: World, token: string): Promise<void> | 'done' | 'retry' {
    const { store } = world
    const now = store.now()
    let paymentId = this.ids.paymentId(now)
    while (store.state.gateway.payments.has(paymentId)) paymentId = this.ids.paymentId(now)
    const transactionId = this.ids.transactionId(SOURCES[SOURCE].realm, now)
    const password = store.state.gateway.accounts[FRIEND].password
    const result = store.run((s, at) =>
      payFriendRequest(
        s.gateway,
        { token, persona: FRIEND, password, source: SOURCE, paymentId, transactionId },
        at,
      ),
    )
    if (!result.ok) {
      const { code, message } = result.error
      this.log(`world ${world.id}: the scripted friend could not pay ${token}: ${code} ${message}`)
      return code === 'STORAGE_UNAVAILABLE' || code === 'SYSTEMERROR' ? 'retry' : 'done'
    }
    return store.durable()
  }
}

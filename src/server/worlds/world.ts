import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiError } from '../../contract/errors.ts'
import { DEFAULT_WORLD } from '../../contract/worlds.ts'
import { FaultSwitch } from '../http/faults.ts'
import { NotificationOutbox } from '../http/outbox.ts'
import type { Scheduler } from '../http/notify.ts'
import { ConsoleLog } from '../console/console-log.ts'
import { ChatLog } from '../chat/chat-log.ts'
import type { ChatLogOptions } from '../chat/chat-log.ts'
import { fileChatStorage, memoryChatStorage } from '../chat/chat-storage.ts'
import type { ConsoleLogOptions } from '../console/console-log.ts'
import { realDisk } from '../store/disk.ts'
import type { FileJournalOptions } from '../store/journal.ts'
import { LiveLog } from '../store/live.ts'
import { openStore } from '../store/store.ts'
import type { Store } from '../store/store.ts'
import type { MerchantDirectory } from '../wechatpay/directory.ts'
import { V3Notifier } from '../wechatpay/notify.ts'
import type { NotifyTransport } from '../wechatpay/transport.ts'
import type { AlipayDirectory } from '../alipay/directory.ts'
import { AlipayNotifier } from '../alipay/notify.ts'

/** Everything one simulated world holds: its gateway and merchant, clock, faults, streams, outbox. */
export interface World {
  readonly id: string
  readonly store: Store
  readonly live: LiveLog
  readonly outbox: NotificationOutbox
  readonly faults: FaultSwitch
  /** The console's log (docs/console.md): bounded, in memory, dropped with the world. */
  readonly console: ConsoleLog
  /** The WeChat chats between its personas' phones (docs/chats.md): beside the journal, gone with it. */
  readonly chat: ChatLog
  /** Wall-clock ms (never the world's test clock). */
  readonly createdAt: number
  lastUsedAt: number
  /** Dropped with its data after this long without a call (the default world never is). */
  readonly ttlMs: number
  /** WeChat Pay APIv3: the world's demo merchant's mchid, its notifications' sender. */
  readonly wechatpay: { readonly mchid: string; readonly notifier: V3Notifier }
  /** Alipay's OpenAPI: the world's demo app's app_id, its notifications' sender. */
  readonly alipay: { readonly appId: string; readonly notifier: AlipayNotifier }
}

/** What a created world keeps in its folder's `world.json`. */
export interface WorldMeta {
  ttlMs: number
  createdAt: number
  /** Its demo merchant's mchid (older worlds lack it: they get one when next opened). */
  mchid?: string
  /** Its demo Alipay app's app_id (older worlds lack it: they get one when next opened). */
  alipayAppId?: string
}

const META = 'world.json'

/** Writes a world's `world.json` (atomically): a folder without it is not a world. */
export function saveWorldMeta(folder: string, id: string, meta: WorldMeta): void {
  realDisk.writeFileAtomic(join(folder, META), Buffer.from(JSON.stringify({ id, ...meta })))
}

/**
 * The worlds a previous run created and did not delete: each folder of `root` with its meta file. A
 * folder without one was made but never finished (a crash between folder and meta, so no call ever
 * named it): it is removed.
 */
export function savedWorlds(root: string): { name: string; meta: WorldMeta }[] {
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return []
  }
  const found: { name: string; meta: WorldMeta }[] = []
  for (const name of names) {
    const dir = join(root, name)
    let meta: WorldMeta & { id: string }
    try {
      meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as typeof meta
    } catch {
      rmSync(dir, { recursive: true, force: true })
      continue
    }
    if (meta.id === name) found.push({ name, meta })
  }
  return found
}

/** What a world is made of that the process holds: keys and directories, how notifications go out. */
export interface WorldParts {
  /** The world's journal folder, or `memory`. */
  folder: string
  realNow?: (() => number) | undefined
  secret: string
  scheduler: Scheduler
  log: (message: string, error?: unknown) => void
  journal?: FileJournalOptions | undefined
  directory: MerchantDirectory
  alipay: AlipayDirectory
  transport: NotifyTransport
  /** The registry's limits on events, asked before each commit. */
  admit: (events: number) => ApiError | null
  counted: (delta: number) => void
  /** The console log's bounds (tests make them small). */
  console?: ConsoleLogOptions | undefined
  /** The chats' bounds (tests make them small). */
  chat?: ChatLogOptions | undefined
}

/** A world's chats live in `chat/` of its folder, beside the journal's segments (decision 012). */
export const CHAT_FOLDER = 'chat'

/**
 * Opens one world: its store (replaying its journal), its live log, its outbox and its payment
 * sandboxes' notifiers, all observing the store; its demo merchant and demo app claimed in the
 * process's directories.
 */
export function openWorld(
  parts: WorldParts,
  id: string,
  meta: WorldMeta,
  now: number,
  faults = new FaultSwitch(),
): World {
  const { directory, alipay: alipayApps, log } = parts
  const live = new LiveLog()
  const consoleLog = new ConsoleLog(parts.console)
  const chat = new ChatLog(
    parts.folder === 'memory'
      ? memoryChatStorage()
      : fileChatStorage(join(parts.folder, CHAT_FOLDER)),
    parts.chat,
  )
  const mchid = directory.setDemo(
    id,
    id === DEFAULT_WORLD ? directory.keys.defaultMchid : (meta.mchid ?? directory.allocateDemo()),
  )
  const appId = alipayApps.setDemo(
    id,
    id === DEFAULT_WORLD
      ? alipayApps.keys.defaultAppId
      : (meta.alipayAppId ?? alipayApps.allocateDemo()),
  )
  // The directories' observers read the store's state after a rollback: the store made next.
  const opened: { store?: Store } = {}
  const merchants = () => opened.store?.state.wechatpay.merchants.values() ?? []
  const apps = () => opened.store?.state.alipay.apps.values() ?? []
  const store = openStore(
    parts.folder,
    parts.realNow,
    [live, consoleLog, chat, directory.observer(id, merchants), alipayApps.observer(id, apps)],
    {
      log: (message) => log(id === DEFAULT_WORLD ? message : `world ${id}: ${message}`),
      ...parts.journal,
      world: id,
      admit: parts.admit,
      counted: parts.counted,
    },
  )
  const outbox = new NotificationOutbox({
    store,
    secret: parts.secret,
    faults,
    scheduler: parts.scheduler,
    log,
    console: consoleLog,
  })
  opened.store = store
  // What the journal's tail replayed is in the log; from here on it is live.
  consoleLog.start(store)
  // What a snapshot held was never replayed as events: the directory learns it from the state.
  directory.sync(id, merchants())
  alipayApps.sync(id, apps())
  store.observe(outbox)
  outbox.resume()
  const notifier = new V3Notifier({
    store,
    faults,
    directory,
    transport: parts.transport,
    log,
    console: consoleLog,
  })
  store.observe(notifier)
  const alipayNotifier = new AlipayNotifier({
    store,
    faults,
    keys: alipayApps.keys,
    transport: parts.transport,
    log,
    console: consoleLog,
  })
  store.observe(alipayNotifier)
  return {
    id,
    store,
    live,
    outbox,
    faults,
    console: consoleLog,
    chat,
    createdAt: meta.createdAt,
    lastUsedAt: now,
    ttlMs: meta.ttlMs,
    wechatpay: { mchid, notifier },
    alipay: { appId, notifier: alipayNotifier },
  }
}

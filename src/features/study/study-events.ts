import type { StudyEvent } from '@/contract/study.ts'
import type { LabApp, LabEvent } from '@/lib/instrument/events.ts'

/**
 * A phone's event (the lab's recorder, lib/instrument) as the study's server takes it (StudyEventSchema of
 * contract/study.ts: strict objects, bounded strings): exactly its fields, cut to their bounds, nothing
 * added and no time changed. The lab's own marks are not the study's: they are left out (null).
 */
const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)
const APPS: readonly LabApp[] = ['taobao', 'wechat', 'alipay']
const isApp = (app: unknown): app is LabApp => APPS.includes(app as LabApp)
const at = (n: number) => Math.max(0, Math.round(n))
const inRange = (n: unknown, low: number, high: number): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= low && n <= high

export function toStudyEvent(event: LabEvent): StudyEvent | null {
  if (!inRange(event.at, 0, Number.MAX_SAFE_INTEGER)) return null
  switch (event.kind) {
    case 'screen':
      return isApp(event.app)
        ? { kind: 'screen', at: at(event.at), screen: cut(event.screen, 200), app: event.app }
        : null
    case 'tap': {
      const place =
        inRange(event.x, -10_000, 100_000) && inRange(event.y, -10_000, 100_000)
          ? { x: event.x, y: event.y }
          : {}
      return {
        kind: 'tap',
        at: at(event.at),
        target: cut(event.target, 80),
        ...(event.screen === undefined ? {} : { screen: cut(event.screen, 200) }),
        ...place,
        ...(typeof event.hit === 'boolean' ? { hit: event.hit } : {}),
      }
    }
    case 'key':
      return { kind: 'key', at: at(event.at), target: cut(event.target, 80) }
    case 'app':
      return isApp(event.from) && isApp(event.to)
        ? { kind: 'app', at: at(event.at), from: event.from, to: event.to, via: event.via }
        : null
    case 'request':
      return {
        kind: 'request',
        at: at(event.at),
        ms: Math.min(Math.max(0, event.ms), 3_600_000),
        method: cut(event.method, 10),
        path: cut(event.path, 300),
        status: inRange(event.status, 0, 599) ? Math.round(event.status) : 0,
      }
    case 'error':
      return {
        kind: 'error',
        at: at(event.at),
        source: event.source,
        code: cut(event.code, 60),
        message: cut(event.message, 500),
      }
    case 'mark':
      return null
  }
}

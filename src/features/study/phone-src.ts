import { HOME, STUDY_PHONE_NAME, withSim } from '@/contract/paths.ts'
import type { StudyRoute } from '@/contract/study.ts'

/** The frame's name, and so the `phone` of every event it posts. */
export const PHONE_NAME = STUDY_PHONE_NAME

/**
 * The era a route's cashier has it in (the gateway's eligibility): jumping to WeChat came with the 2024
 * launch, scanning a QR code (screenshot, saved image) was the 2022 beta; the rest are in both.
 */
export const ROUTE_ERA: Record<StudyRoute, 'beta' | 'launch'> = {
  jump: 'launch',
  screenshot: 'beta',
  'save-image': 'beta',
  friend: 'beta',
  'alipay-balance': 'launch',
  'alipay-card': 'launch',
  huabei: 'launch',
  unionpay: 'launch',
}

const RUN_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

/**
 * The run a task's phone reports to (`?lab=`, lib/instrument/lab-run.ts), and the phone it is (`?device=`:
 * each task a phone of its own, so nothing of one task's phone is on the next's): the participant and the
 * task's place, within the recorder's `[A-Za-z0-9_-]{1,32}`.
 */
export function runIdOf(participantId: string, index: number): string {
  const prefix = `t${index}-`
  const id = participantId.replace(/[^A-Za-z0-9_-]/g, '').slice(-(32 - prefix.length))
  const run = `${prefix}${id || 'p'}`
  return RUN_PATTERN.test(run) ? run : `t${index}`
}

/** A path of this app the phone may come back to after a reload: same origin, inside the phone. */
export function isPhonePath(path: string | null): path is string {
  if (!path || !path.startsWith('/') || path.startsWith('//')) return false
  return !/^\/(study|lab|stage|console)(\/|$|\?)/.test(path)
}

/** The phone's address: where it was (a reload), else Taobao's order page, in the task's world. */
export function phoneSrc(task: {
  world: string
  route: StudyRoute
  runId: string
  lang: string
  resumeAt?: string | null
}): string {
  const path = isPhonePath(task.resumeAt ?? null) ? (task.resumeAt as string) : HOME
  return withSim(path, {
    world: task.world,
    lab: task.runId,
    lang: task.lang,
    device: task.runId,
    era: ROUTE_ERA[task.route],
  })
}

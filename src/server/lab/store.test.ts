// Where studies are kept: they survive a restart, a torn last line is dropped and said (never a crash),
// a full disk answers STORAGE_UNAVAILABLE and changes nothing, deleting rewrites the journal.
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../../test/support/temp-dirs.ts'
import { ApiErrorSchema } from '../../contract/errors.ts'
import { StudyResultsSchema } from '../../contract/study.ts'
import { pngOf } from '../chat/testing.ts'
import { studyResults } from '../domain/study/results.ts'
import { realDisk } from '../store/disk.ts'
import type { DiskIO } from '../store/disk.ts'
import { StudyStore } from './studies.ts'
import { labHarness } from './testing.ts'
import type { LabHarness } from './testing.ts'

const tempDir = tempDirs('gateway-studies-')
const T = Date.parse('2025-03-01T09:00:00.000Z')

async function someone(lab: LabHarness, studyId: string, finish: boolean) {
  const p = await lab.join(studyId)
  const task = p.tasks[0]
  if (!task) throw new Error('no task')
  await lab.send(studyId, p.participantId, [
    { kind: 'task', at: T, route: task.route, phase: 'start' },
    { kind: 'screen', at: T + 1, screen: '/cashier', app: 'taobao' },
    { kind: 'tap', at: T + 2, target: 'pay', screen: '/cashier', x: 1, y: 2, hit: true },
  ])
  if (finish) {
    const checkout = await lab.orderIn(task.world)
    const extra = task.route === 'huabei' ? { huabeiPeriods: 0 } : {}
    expect((await lab.payIn(task.world, checkout.checkoutId, task.route, {}, extra)).status).toBe(
      200,
    )
    await lab.send(studyId, p.participantId, [
      { kind: 'task', at: T + 5000, route: task.route, phase: 'done' },
    ])
  }
  return p
}

const resultsOf = async (lab: LabHarness, id: string) =>
  StudyResultsSchema.parse((await lab.h.json('GET', `/api/lab/studies/${id}/results`)).body)

/** The real disk with a switch that makes it full. */
function fullableDisk() {
  let full = false
  const enospc = () => Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' })
  const io: DiskIO = {
    ...realDisk,
    write(fd, buffer, offset, length, position) {
      if (full) {
        // A few bytes make it, then the disk is full: a torn line, cut back.
        realDisk.write(fd, buffer, offset, Math.min(5, length), position)
        throw enospc()
      }
      return realDisk.write(fd, buffer, offset, length, position)
    },
    writeFileAtomic(path, data) {
      if (full) throw enospc()
      realDisk.writeFileAtomic(path, data)
    },
  }
  return { io, set: (value: boolean) => void (full = value) }
}

describe('the studies’ storage', () => {
  it('keeps studies outside the worlds, and a second store on the same folder sees the same results', async () => {
    const data = tempDir()
    const lab = labHarness({ data })
    const made = await lab.create({ target: 5 })
    await someone(lab, made.id, true)
    await someone(lab, made.id, false)
    const quitter = await someone(lab, made.id, false)
    await lab.h.json(
      'POST',
      `/api/lab/studies/${made.id}/participants/${quitter.participantId}/quit`,
    )
    const shot = await lab.h.app.request(
      `/api/lab/studies/${made.id}/participants/${quitter.participantId}/screens?screen=%2Fcashier`,
      {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: new Uint8Array(pngOf(2, 2)),
      },
    )
    expect(shot.status).toBe(201)
    const before = await resultsOf(lab, made.id)
    expect(existsSync(join(data, 'studies', made.id, 'journal.ndjson'))).toBe(true)
    expect(readdirSync(join(data, 'studies', made.id, 'screens'))).toHaveLength(1)
    lab.studies.close()
    const again = new StudyStore({ data, log: () => {} })
    const state = again.get(made.id)
    if (!state) throw new Error('the study did not survive')
    expect(studyResults(state)).toEqual(before)
    expect(before.participants).toEqual({ total: 3, active: 1, finished: 1, quit: 1 })
    const imageId = before.heatmaps[0]?.imageId ?? ''
    expect(again.screen(made.id, imageId)?.bytes).toEqual(new Uint8Array(pngOf(2, 2)))
    again.close()
  })

  it('drops a torn last line at start and says so; the study is as its whole lines say', async () => {
    const data = tempDir()
    const lab = labHarness({ data })
    const made = await lab.create()
    await someone(lab, made.id, false)
    const before = await resultsOf(lab, made.id)
    lab.studies.close()
    const journal = join(data, 'studies', made.id, 'journal.ndjson')
    appendFileSync(journal, '{"events":[{"type":"participant.quit","partic')
    const logs: string[] = []
    const again = new StudyStore({ data, log: (m) => void logs.push(m) })
    const state = again.get(made.id)
    if (!state) throw new Error('the study did not survive')
    expect(studyResults(state)).toEqual(before)
    expect(logs.join('\n')).toMatch(/line \d+ \(byte \d+\) is torn: dropped/)
    // Cut back to its whole lines, so the next append starts on a line of its own.
    expect(readFileSync(journal, 'utf8').endsWith('\n')).toBe(true)
    again.close()
    // A damaged line in the middle is skipped, and a journal that is all garbage is left alone.
    const text = readFileSync(journal, 'utf8').split('\n')
    text.splice(1, 0, 'not json at all')
    writeFileSync(journal, text.join('\n'))
    writeFileSync(join(data, 'studies', 'sGARBAGE000000000'), 'x')
    const third = new StudyStore({ data, log: (m) => void logs.push(m) })
    expect(third.get(made.id)?.participants.size).toBe(1)
    expect(logs.some((m) => m.includes('is damaged: skipped'))).toBe(true)
    third.close()
  })

  it('a full disk answers 503 STORAGE_UNAVAILABLE and changes nothing', async () => {
    const data = tempDir()
    const disk = fullableDisk()
    const lab = labHarness({ data, disk: disk.io })
    const made = await lab.create()
    const p = await someone(lab, made.id, false)
    const before = await resultsOf(lab, made.id)
    disk.set(true)
    const refusals = [
      await lab.h.json('POST', '/api/lab/studies', {
        body: { routes: ['jump'], design: 'between' },
      }),
      await lab.h.json('POST', `/api/lab/studies/${made.id}/participants`),
      await lab.send(made.id, p.participantId, [{ kind: 'key', at: T + 9, target: 'k' }]),
      await lab.h.json('POST', `/api/lab/studies/${made.id}/participants/${p.participantId}/quit`),
      await lab.h.json('DELETE', `/api/lab/studies/${made.id}/participants/${p.participantId}`),
    ]
    for (const res of refusals) {
      expect(res.status).toBe(503)
      expect(ApiErrorSchema.parse(res.body).code).toBe('STORAGE_UNAVAILABLE')
    }
    expect(await resultsOf(lab, made.id)).toEqual(before)
    expect(lab.studies.size).toBe(1)
    disk.set(false)
    // Back: the next append starts on a whole line, and a restart reads it all.
    expect(
      (await lab.send(made.id, p.participantId, [{ kind: 'key', at: T + 9, target: 'k' }])).status,
    ).toBe(200)
    lab.studies.close()
    const logs: string[] = []
    const again = new StudyStore({ data, log: (m) => void logs.push(m) })
    expect(logs).toEqual([])
    expect(again.get(made.id)?.participants.get(p.participantId)?.events).toHaveLength(4)
    again.close()
  })

  it('deleting a participant rewrites the journal without them; deleting a study removes its folder', async () => {
    const data = tempDir()
    const lab = labHarness({ data })
    const made = await lab.create()
    const gone = await someone(lab, made.id, true)
    const kept = await someone(lab, made.id, false)
    expect(
      (await lab.h.json('DELETE', `/api/lab/studies/${made.id}/participants/${gone.participantId}`))
        .status,
    ).toBe(200)
    const journal = readFileSync(join(data, 'studies', made.id, 'journal.ndjson'), 'utf8')
    expect(journal).not.toContain(gone.participantId)
    expect(journal).toContain(kept.participantId)
    lab.studies.close()
    const again = new StudyStore({ data, log: () => {} })
    expect([...(again.get(made.id)?.participants.keys() ?? [])]).toEqual([kept.participantId])
    again.close()
    const lab2 = labHarness({ data })
    expect((await lab2.h.json('DELETE', `/api/lab/studies/${made.id}`)).status).toBe(200)
    expect(existsSync(join(data, 'studies', made.id))).toBe(false)
    lab2.studies.close()
  })

  it('holds at most MAX_STUDIES studies (TOO_MANY_STUDIES past them)', async () => {
    const lab = labHarness()
    const small = new StudyStore({ data: 'memory', log: () => {}, maxStudies: 1 })
    expect(small.create('sA000000000000000', 'h', { routes: ['jump'], design: 'between' }).ok).toBe(
      true,
    )
    const refused = small.create('sB000000000000000', 'h', { routes: ['jump'], design: 'between' })
    expect(refused.ok ? null : refused.error.code).toBe('TOO_MANY_STUDIES')
    void lab
  })
})

describe('the results of a study', () => {
  it('are computed once per change: the same answer until someone does something, then a new one', async () => {
    const lab = labHarness({ data: 'memory' })
    const made = await lab.create({ target: 5 })
    await someone(lab, made.id, false)
    const first = lab.studies.results(made.id)
    expect(first).toBeDefined()
    // Asked again with nothing new: the very same object, not computed again.
    expect(lab.studies.results(made.id)).toBe(first)
    await someone(lab, made.id, false)
    const second = lab.studies.results(made.id)
    expect(second).not.toBe(first)
    expect(second?.participants.total).toBe(2)
    const state = lab.studies.get(made.id)
    if (!state) throw new Error('no study')
    expect(second).toEqual(studyResults(state))
    lab.studies.close()
  })
})

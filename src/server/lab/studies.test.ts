// The studies over HTTP (docs/studies.md, API.md "Studies"): make, join, record, complete only when
// paid, quit, results, exports, screenshots, deletes, the owner key, and every bad input.
import { describe, expect, it } from 'vitest'
import { ApiErrorSchema } from '../../contract/errors.ts'
import {
  ParticipantSchema,
  StudyEventsAcceptedSchema,
  StudyPublicSchema,
  StudyResultsSchema,
  STUDY_SCREEN_MAX_BYTES,
} from '../../contract/study.ts'
import type { StudyEvent, StudyRoute } from '../../contract/study.ts'
import { jpegOf, pngOf } from '../chat/testing.ts'
import { labHarness } from './testing.ts'
import type { LabHarness } from './testing.ts'

const T = Date.parse('2025-03-01T09:00:00.000Z')

/** A participant who does their (first) task: start, two screens, taps, pays, done. */
async function complete(lab: LabHarness, studyId: string, pay = true) {
  const p = await lab.join(studyId)
  const task = p.tasks[0]
  if (!task) throw new Error('no task')
  const events: StudyEvent[] = [
    { kind: 'task', at: T, route: task.route, phase: 'start' },
    { kind: 'screen', at: T + 10, screen: '/cart', app: 'taobao' },
    { kind: 'tap', at: T + 500, target: 'checkout', screen: '/cart', x: 120, y: 700, hit: true },
    { kind: 'tap', at: T + 700, target: 'nothing', screen: '/cart', x: 5, y: 5, hit: false },
    { kind: 'screen', at: T + 1000, screen: '/cashier', app: 'taobao' },
    { kind: 'key', at: T + 1500, target: 'pin' },
  ]
  expect((await lab.send(studyId, p.participantId, events)).status).toBe(200)
  if (pay) {
    const checkout = await lab.orderIn(task.world)
    const extra = task.route === 'huabei' ? { huabeiPeriods: 0 } : {}
    const paid = await lab.payIn(task.world, checkout.checkoutId, task.route, {}, extra)
    expect(paid.status).toBe(200)
  }
  const done = await lab.send(studyId, p.participantId, [
    { kind: 'task', at: T + 9000, route: task.route, phase: 'done' },
  ])
  return { p, task, done: StudyEventsAcceptedSchema.parse(done.body) }
}

describe('a study over HTTP', () => {
  it('create → join → events → done → results', async () => {
    const lab = labHarness()
    const made = await lab.create({ name: 'Alipay vs Huabei', target: 10 })
    expect(made.id).toMatch(/^s[A-Za-z0-9_-]{16}$/)
    expect(made.joinUrl).toBe(`http://localhost/study/${made.id}?lang=en`)
    expect(made.ownerUrl).toBe(`http://localhost/lab/studies/${made.id}?key=${made.ownerKey}`)
    const pub = StudyPublicSchema.parse(
      (await lab.h.json('GET', `/api/lab/studies/${made.id}`)).body,
    )
    expect(pub).toEqual({
      id: made.id,
      name: 'Alipay vs Huabei',
      design: 'between',
      seq: false,
      sus: false,
      status: 'open',
      lang: 'en',
      finished: 0,
      target: 10,
    })
    const { p, task, done } = await complete(lab, made.id)
    // A fresh world of the participant's own.
    expect(lab.h.worlds.get(task.world)).toBeDefined()
    expect(p.world).toBe(task.world)
    expect(task.text).toMatch(/^Buy the goods in your cart/)
    expect(done.participant.status).toBe('finished')
    expect(done.participant.tasks[0]).toMatchObject({ status: 'completed' })
    const res = await lab.h.json('GET', `/api/lab/studies/${made.id}/results`)
    expect(res.status).toBe(200)
    const results = StudyResultsSchema.parse(res.body)
    expect(results.participants).toEqual({ total: 1, active: 0, finished: 1, quit: 0 })
    const route = results.routes.find((r) => r.route === task.route)
    expect(route).toMatchObject({
      started: 1,
      completed: 1,
      taps: 2,
      misclicks: 1,
      misclickRate: 0.5,
    })
    expect(route?.steps.map((s) => s.screen)).toEqual(['/cart', '/cashier'])
    expect(results.heatmaps.find((m) => m.screen === '/cart')?.taps).toHaveLength(2)
    // A reload picks up where it was.
    const again = await lab.h.json(
      'GET',
      `/api/lab/studies/${made.id}/participants/${p.participantId}`,
    )
    expect(ParticipantSchema.parse(again.body).tasks[0]?.status).toBe('completed')
  })

  it('a done is not believed while the task’s order is not paid (the task stays started)', async () => {
    const lab = labHarness()
    const made = await lab.create()
    const { done, task } = await complete(lab, made.id, false)
    expect(done.participant.tasks[0]).toMatchObject({ status: 'started', endedAt: null })
    expect(done.participant.status).toBe('active')
    // Paid another way: still not this route's.
    const checkout = await lab.orderIn(task.world)
    const other = task.route === 'huabei' ? 'alipay-card' : 'unionpay'
    expect((await lab.payIn(task.world, checkout.checkoutId, other)).status).toBe(200)
    lab.h.settle()
    const late = await lab.send(made.id, done.participant.participantId, [
      { kind: 'task', at: T + 20_000, route: task.route, phase: 'done' },
    ])
    expect(StudyEventsAcceptedSchema.parse(late.body).participant.tasks[0]?.status).toBe('started')
  })

  it('assigns routes in balanced blocks, and the within design counterbalanced', async () => {
    const lab = labHarness()
    const between = await lab.create({ routes: ['jump', 'screenshot', 'huabei'] })
    const counts = new Map<string, number>()
    for (let i = 0; i < 7; i++) {
      const p = await lab.join(between.id)
      expect(p.tasks).toHaveLength(1)
      counts.set(p.route, (counts.get(p.route) ?? 0) + 1)
    }
    expect([...counts.values()].sort()).toEqual([2, 2, 3])
    const within = await lab.create({ routes: ['jump', 'screenshot'], design: 'within' })
    const a = await lab.join(within.id)
    const b = await lab.join(within.id)
    expect(a.tasks.map((t) => t.route)).toEqual(['jump', 'screenshot'])
    expect(b.tasks.map((t) => t.route)).toEqual(['screenshot', 'jump'])
    // A world per task.
    expect(new Set([...a.tasks, ...b.tasks].map((t) => t.world)).size).toBe(4)
  })

  it('quit abandons the task under way at its screen; the study closes at its target', async () => {
    const lab = labHarness()
    const made = await lab.create({ target: 2 })
    const p = await lab.join(made.id)
    const route = p.route
    await lab.send(made.id, p.participantId, [
      { kind: 'task', at: T, route, phase: 'start' },
      { kind: 'screen', at: T + 5, screen: '/cashier', app: 'taobao' },
    ])
    const quit = await lab.h.json(
      'POST',
      `/api/lab/studies/${made.id}/participants/${p.participantId}/quit`,
    )
    expect(quit.status).toBe(200)
    expect(ParticipantSchema.parse(quit.body)).toMatchObject({
      status: 'quit',
      tasks: [{ status: 'abandoned' }],
    })
    const second = await lab.join(made.id)
    const quitWhere = await lab.h.json(
      'POST',
      `/api/lab/studies/${made.id}/participants/${second.participantId}/quit`,
      { body: { screen: '/consent' } },
    )
    // Nothing under way: nothing abandoned, pending stays pending.
    expect(ParticipantSchema.parse(quitWhere.body).tasks[0]?.status).toBe('pending')
    const closed = await lab.h.json('POST', `/api/lab/studies/${made.id}/participants`, {
      body: {},
    })
    expect(closed.status).toBe(409)
    expect(ApiErrorSchema.parse(closed.body).code).toBe('STUDY_CLOSED')
    expect((await lab.h.json('GET', `/api/lab/studies/${made.id}`)).body).toMatchObject({
      status: 'closed',
      finished: 2,
    })
    const results = StudyResultsSchema.parse(
      (await lab.h.json('GET', `/api/lab/studies/${made.id}/results`)).body,
    )
    const steps = results.routes.find((r) => r.route === route)?.steps
    expect(steps).toEqual([
      expect.objectContaining({ screen: '/cashier', reached: 1, droppedHere: 1 }),
    ])
  })

  it('takes SEQ per task and the SUS at the end before a participant is finished', async () => {
    const lab = labHarness()
    const made = await lab.create({ seq: true, sus: true })
    const { p, task, done } = await complete(lab, made.id)
    expect(done.participant.status).toBe('active')
    const after = await lab.send(made.id, p.participantId, [
      { kind: 'seq', at: T + 10_000, route: task.route, value: 5 },
      { kind: 'sus', at: T + 20_000, answers: [4, 2, 5, 1, 4, 2, 4, 1, 5, 2] },
    ])
    const body = StudyEventsAcceptedSchema.parse(after.body)
    expect(body).toMatchObject({
      accepted: 2,
      participant: { status: 'finished', sus: [4, 2, 5, 1, 4, 2, 4, 1, 5, 2] },
    })
    expect(body.participant.tasks[0]?.seq).toBe(5)
    const results = StudyResultsSchema.parse(
      (await lab.h.json('GET', `/api/lab/studies/${made.id}/results`)).body,
    )
    expect(results.routes.find((r) => r.route === task.route)).toMatchObject({ seq: 5, sus: 85 })
  })

  it('exports a CSV row per participant and task, and every event as NDJSON', async () => {
    const lab = labHarness()
    const made = await lab.create({ design: 'within' })
    const { p, task } = await complete(lab, made.id)
    const csv = await lab.h.call('GET', `/api/lab/studies/${made.id}/participants.csv`)
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('content-disposition')).toContain('attachment')
    const lines = (await csv.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'participantId,route,position,status,timeMs,taps,misclicks,appSwitches,errors,seq,sus,startedAt,endedAt',
    )
    expect(lines).toHaveLength(3)
    const [id, route, position, status, , taps, misclicks] = (lines[1] ?? '').split(',')
    expect([id, route, position, status, taps, misclicks]).toEqual([
      p.participantId,
      task.route,
      '1',
      'completed',
      '2',
      '1',
    ])
    expect(lines[2]).toMatch(new RegExp(`^${p.participantId},\\S+,2,pending,,,,,,,,,$`))
    const nd = await lab.h.call('GET', `/api/lab/studies/${made.id}/events.ndjson`)
    expect(nd.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    const rows = (await nd.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(rows).toHaveLength(7)
    expect(rows[1]).toEqual({
      participantId: p.participantId,
      route: task.route,
      kind: 'screen',
      at: T + 10,
      screen: '/cart',
      app: 'taobao',
    })
  })

  it('keeps the first screenshot per screen for its heatmap; the owner reads it', async () => {
    const lab = labHarness()
    const made = await lab.create()
    const p = await lab.join(made.id)
    const url = `/api/lab/studies/${made.id}/participants/${p.participantId}/screens?screen=${encodeURIComponent('/cart')}`
    const upload = (bytes: Buffer, type = 'image/png') =>
      lab.h.app.request(url, {
        method: 'POST',
        headers: { 'content-type': type },
        body: new Uint8Array(bytes),
      })
    const first = await upload(pngOf(39, 84))
    expect(first.status).toBe(201)
    const kept = (await first.json()) as { imageId: string; kept: boolean }
    expect(kept.kept).toBe(true)
    const second = await upload(jpegOf(39, 84), 'image/jpeg')
    expect(await second.json()).toEqual({ imageId: kept.imageId, kept: false })
    const image = await lab.h.call('GET', `/api/lab/studies/${made.id}/screens/${kept.imageId}`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await image.arrayBuffer())).toEqual(pngOf(39, 84))
    const results = StudyResultsSchema.parse(
      (await lab.h.json('GET', `/api/lab/studies/${made.id}/results`)).body,
    )
    expect(results.heatmaps).toEqual([
      { screen: '/cart', imageId: kept.imageId, width: 39, height: 84, taps: [] },
    ])
    // Not an image, lying about its type, too big, no screen.
    expect((await upload(Buffer.from('hello world, not a png'))).status).toBe(415)
    expect((await upload(pngOf(3, 3), 'image/jpeg')).status).toBe(415)
    expect((await upload(pngOf(3, 3), 'text/plain')).status).toBe(415)
    const big = await upload(pngOf(4, 4, STUDY_SCREEN_MAX_BYTES + 10))
    expect(big.status).toBe(413)
    expect(ApiErrorSchema.parse(await big.json()).code).toBe('PAYLOAD_TOO_LARGE')
    const noScreen = await lab.h.app.request(url.replace(/\?.*/, ''), {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(pngOf(3, 3)),
    })
    expect(noScreen.status).toBe(400)
    expect(
      (await lab.h.call('GET', `/api/lab/studies/${made.id}/screens/${'x'.repeat(22)}`)).status,
    ).toBe(404)
    // The report has the screenshot in it.
    const report = await lab.h.call('GET', `/api/lab/studies/${made.id}/report.html`)
    expect(report.status).toBe(200)
    expect(report.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await report.text()).toContain('<html')
  })

  it('deletes one participant’s data, then the whole study', async () => {
    const lab = labHarness()
    const made = await lab.create()
    const { p } = await complete(lab, made.id)
    const other = await lab.join(made.id)
    const path = `/api/lab/studies/${made.id}/participants/${p.participantId}`
    expect((await lab.h.json('DELETE', path)).body).toEqual({ ok: true })
    expect((await lab.h.json('GET', path)).status).toBe(404)
    expect(ApiErrorSchema.parse((await lab.h.json('DELETE', path)).body).code).toBe(
      'PARTICIPANT_NOT_FOUND',
    )
    const results = StudyResultsSchema.parse(
      (await lab.h.json('GET', `/api/lab/studies/${made.id}/results`)).body,
    )
    expect(results.people.map((x) => x.participantId)).toEqual([other.participantId])
    expect((await lab.h.json('DELETE', `/api/lab/studies/${made.id}`)).body).toEqual({ ok: true })
    const gone = await lab.h.json('GET', `/api/lab/studies/${made.id}/results`)
    expect(gone.status).toBe(404)
    expect(ApiErrorSchema.parse(gone.body).code).toBe('STUDY_NOT_FOUND')
  })

  it('a remote caller needs the owner key for the owner’s routes, not for a participant’s', async () => {
    const lab = labHarness({ remoteAddress: () => '203.0.113.7' })
    const made = await lab.create()
    const p = await lab.join(made.id)
    const owner = [
      ['GET', `/api/lab/studies/${made.id}/results`],
      ['GET', `/api/lab/studies/${made.id}/participants.csv`],
      ['GET', `/api/lab/studies/${made.id}/events.ndjson`],
      ['GET', `/api/lab/studies/${made.id}/report.html`],
      ['GET', `/api/lab/studies/${made.id}/screens/${'a'.repeat(22)}`],
      ['DELETE', `/api/lab/studies/${made.id}/participants/${p.participantId}`],
      ['DELETE', `/api/lab/studies/${made.id}`],
    ] as const
    for (const [method, path] of owner) {
      const refused = await lab.h.json(method, path)
      expect(refused.status, path).toBe(403)
      expect(ApiErrorSchema.parse(refused.body).code).toBe('STUDY_KEY_REQUIRED')
      const wrong = await lab.h.json(method, `${path}?key=${'x'.repeat(43)}`)
      expect(wrong.status).toBe(403)
    }
    expect(
      (await lab.h.call('GET', `/api/lab/studies/${made.id}/results?key=${made.ownerKey}`)).status,
    ).toBe(200)
    expect(
      (
        await lab.h.call('GET', `/api/lab/studies/${made.id}/results`, {
          headers: { 'x-study-key': made.ownerKey },
        })
      ).status,
    ).toBe(200)
    // The participant's own routes need no key.
    expect(
      (await lab.h.json('GET', `/api/lab/studies/${made.id}/participants/${p.participantId}`))
        .status,
    ).toBe(200)
    expect((await lab.h.json('GET', `/api/lab/studies/${made.id}`)).status).toBe(200)
  })

  it('a retry with the same Idempotency-Key adds nothing and answers the same', async () => {
    const lab = labHarness()
    const made = await lab.create()
    const p = await lab.join(made.id)
    const path = `/api/lab/studies/${made.id}/participants/${p.participantId}/events`
    const body = {
      events: [
        { kind: 'key', at: T, target: 'pin' },
        { kind: 'task', at: T, route: p.route, phase: 'start' },
      ],
    }
    const headers = { 'idempotency-key': 'batch-0001-abcdef' }
    const first = await lab.h.json('POST', path, { body, headers })
    const again = await lab.h.json('POST', path, { body, headers })
    expect(first.body).toEqual(again.body)
    expect(first.body).toMatchObject({ accepted: 2 })
    expect(lab.studies.get(made.id)?.participants.get(p.participantId)?.events).toHaveLength(2)
    const bad = await lab.h.json('POST', path, { body, headers: { 'idempotency-key': 'x' } })
    expect(bad.status).toBe(400)
  })

  it('passes TOO_MANY_WORLDS through, and makes no participant', async () => {
    const lab = labHarness({
      limits: {
        maxWorlds: 1,
        maxEventsPerWorld: 100_000,
        maxEvents: 1_500_000,
        defaultTtlMs: 3_600_000,
        maxTtlMs: 3_600_000,
      },
    })
    const made = await lab.create({ design: 'within' })
    const refused = await lab.h.json('POST', `/api/lab/studies/${made.id}/participants`)
    expect(refused.status).toBe(429)
    expect(ApiErrorSchema.parse(refused.body).code).toBe('TOO_MANY_WORLDS')
    expect(lab.h.worlds.size).toBe(1)
    expect(lab.studies.get(made.id)?.participants.size).toBe(0)
  })
})

describe('bad input', () => {
  it('refuses a bad study with PARAM_ERROR: nothing, wrong types, too much, strays', async () => {
    const lab = labHarness()
    const bad: unknown[] = [
      undefined,
      {},
      { routes: [], design: 'between' },
      { routes: ['jump', 'jump'], design: 'between' },
      { routes: ['teleport'], design: 'between' },
      { routes: ['jump'], design: 'sideways' },
      { routes: 'jump', design: 'between' },
      { routes: ['jump'], design: 'between', target: 0 },
      { routes: ['jump'], design: 'between', target: 1001 },
      { routes: ['jump'], design: 'between', target: 2.5 },
      { routes: ['jump'], design: 'between', friendDelayMs: { min: 10, max: 5 } },
      { routes: ['jump'], design: 'between', tasks: { jump: 'x'.repeat(501) } },
      { routes: ['jump'], design: 'between', tasks: { screenshot: 'not compared' } },
      { routes: ['jump'], design: 'between', extra: true },
      { routes: ['jump'], design: 'between', lang: 'fr' },
    ]
    for (const body of bad) {
      const res = await lab.h.json('POST', '/api/lab/studies', body === undefined ? {} : { body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(ApiErrorSchema.parse(res.body).code).toBe('PARAM_ERROR')
    }
    const junk = await lab.h.call('POST', '/api/lab/studies', {
      body: '{"routes":',
      headers: { 'content-type': 'application/json' },
    })
    expect(junk.status).toBe(400)
    const huge = await lab.h.call('POST', '/api/lab/studies', {
      body: 'x'.repeat(70_000),
      headers: { 'content-type': 'application/json' },
    })
    expect(huge.status).toBe(413)
    expect(lab.studies.size).toBe(0)
  })

  it('answers 404 STUDY_NOT_FOUND / PARTICIPANT_NOT_FOUND with { code, message }', async () => {
    const lab = labHarness()
    const made = await lab.create()
    const paths = [
      ['GET', '/api/lab/studies/sNOPE0000000000000'],
      ['GET', '/api/lab/studies/nonsense/results'],
      ['POST', '/api/lab/studies/sNOPE000000000000/participants'],
      ['GET', '/api/lab/studies/sNOPE000000000000/participants/pX'],
      ['DELETE', '/api/lab/studies/sNOPE000000000000'],
    ] as const
    for (const [method, path] of paths) {
      const res = await lab.h.json(method, path)
      expect(res.status).toBe(404)
      expect(ApiErrorSchema.parse(res.body)).toMatchObject({ code: 'STUDY_NOT_FOUND' })
    }
    const unknown = `/api/lab/studies/${made.id}/participants/pNOPE`
    for (const [method, path, body] of [
      ['GET', unknown, undefined],
      ['POST', `${unknown}/events`, { events: [{ kind: 'key', at: 1, target: 'x' }] }],
      ['POST', `${unknown}/quit`, {}],
    ] as const) {
      const res = await lab.h.json(method, path, body ? { body } : {})
      expect(res.status).toBe(404)
      expect(ApiErrorSchema.parse(res.body).code).toBe('PARTICIPANT_NOT_FOUND')
    }
  })

  it('refuses bad events: none, too many, wrong kinds and types', async () => {
    const lab = labHarness()
    const made = await lab.create()
    const p = await lab.join(made.id)
    const path = `/api/lab/studies/${made.id}/participants/${p.participantId}/events`
    const many = Array.from({ length: 501 }, (_, i) => ({ kind: 'key', at: i, target: 'k' }))
    for (const body of [
      undefined,
      {},
      { events: [] },
      { events: many },
      { events: [{ kind: 'teleport', at: 1 }] },
      { events: [{ kind: 'tap', at: -1, target: 'x' }] },
      { events: [{ kind: 'tap', at: 'soon', target: 'x' }] },
      { events: [{ kind: 'seq', at: 1, route: 'jump', value: 8 }] },
      { events: [{ kind: 'sus', at: 1, answers: [1, 2, 3] }] },
      { events: [{ kind: 'task', at: 1, route: 'jump', phase: 'maybe' }] },
    ]) {
      const res = await lab.h.json('POST', path, body === undefined ? {} : { body })
      expect(res.status, String(JSON.stringify(body)).slice(0, 80)).toBe(400)
      expect(ApiErrorSchema.parse(res.body).code).toBe('PARAM_ERROR')
    }
    expect(lab.studies.get(made.id)?.participants.get(p.participantId)?.events).toEqual([])
    // A task of a route the participant does not have is recorded, and changes nothing.
    const other: StudyRoute = p.route === 'huabei' ? 'alipay-balance' : 'huabei'
    const stray = await lab.send(made.id, p.participantId, [
      { kind: 'task', at: 1, route: other, phase: 'start' },
    ])
    expect(StudyEventsAcceptedSchema.parse(stray.body).participant.tasks[0]?.status).toBe('pending')
  })
})

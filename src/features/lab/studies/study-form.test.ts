import { describe, expect, it } from 'vitest'
import { CreateStudyBodySchema, STUDY_ROUTES, type StudyRoute } from '@/contract/study.ts'
import { delayMsFromText, initialForm, toCreateBody, toggleRoute } from './study-form.ts'

const tasks = Object.fromEntries(STUDY_ROUTES.map((r) => [r, `task of ${r}`])) as Record<
  StudyRoute,
  string
>

describe('the study form', () => {
  it('maps a filled form to the body of POST /api/lab/studies, which the contract accepts', () => {
    const form = {
      ...initialForm(tasks),
      name: '  Autumn round ',
      routes: ['screenshot', 'jump'] as StudyRoute[],
      design: 'within' as const,
      target: '24',
      sus: false,
      lang: 'en' as const,
    }
    const result = toCreateBody(form)
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'Autumn round',
        // In the contract's order, whatever order they were ticked in.
        routes: ['jump', 'screenshot'],
        design: 'within',
        tasks: { jump: 'task of jump', screenshot: 'task of screenshot' },
        seq: true,
        sus: false,
        target: 24,
        lang: 'en',
      },
    })
    if (result.ok) expect(CreateStudyBodySchema.safeParse(result.body).success).toBe(true)
  })

  it('leaves an empty name out and sends the scripted friend with its delay in ms', () => {
    const form = {
      ...initialForm(tasks),
      routes: ['friend'] as StudyRoute[],
      delayMin: '2.5',
      delayMax: '30',
    }
    const result = toCreateBody(form)
    expect(result.ok && result.body).toMatchObject({
      routes: ['friend'],
      friend: 'scripted',
      friendDelayMs: { min: 2500, max: 30_000 },
    })
    expect(result.ok && 'name' in result.body).toBe(false)
    const other = toCreateBody({ ...form, friend: 'participant', delayMin: 'x' })
    expect(other.ok && other.body).toMatchObject({ friend: 'participant' })
    expect(other.ok && other.body.friendDelayMs).toBeUndefined()
  })

  it('says what is wrong, field by field', () => {
    const result = toCreateBody({
      ...initialForm(tasks),
      name: 'x'.repeat(81),
      routes: [],
      target: '0',
    })
    expect(result).toEqual({
      ok: false,
      errors: { name: 'nameLong', routes: 'routesNone', target: 'targetRange' },
    })
    const withTasks = toCreateBody({
      ...initialForm({ ...tasks, jump: '   ', screenshot: 'y'.repeat(501) }),
      target: '1001',
    })
    expect(withTasks).toEqual({
      ok: false,
      errors: { 'task-jump': 'taskEmpty', 'task-screenshot': 'taskLong', target: 'targetRange' },
    })
    for (const target of ['', '1.5', '-3', 'abc', '12 people']) {
      expect(toCreateBody({ ...initialForm(tasks), target })).toMatchObject({
        ok: false,
        errors: { target: 'targetRange' },
      })
    }
  })

  it("checks the scripted friend's delays only when the friend is asked for", () => {
    const friend = { ...initialForm(tasks), routes: ['jump', 'friend'] as StudyRoute[] }
    expect(toCreateBody({ ...friend, delayMin: '20', delayMax: '5' })).toEqual({
      ok: false,
      errors: { delayMax: 'delayOrder' },
    })
    expect(toCreateBody({ ...friend, delayMin: '301', delayMax: '' })).toEqual({
      ok: false,
      errors: { delayMin: 'delayRange', delayMax: 'delayRange' },
    })
    expect(toCreateBody({ ...initialForm(tasks), delayMin: 'nonsense' }).ok).toBe(true)
  })

  it('reads delays in seconds and keeps ticked routes in order', () => {
    expect(delayMsFromText(' 0 ')).toBe(0)
    expect(delayMsFromText('300')).toBe(300_000)
    expect(delayMsFromText('1.5')).toBe(1500)
    for (const text of ['', '-1', '300.1', '1.25', '1e2']) expect(delayMsFromText(text)).toBeNull()
    expect(toggleRoute(['screenshot'], 'jump')).toEqual(['jump', 'screenshot'])
    expect(toggleRoute(['jump', 'screenshot'], 'jump')).toEqual(['screenshot'])
  })
})

// A participant's page (/study/:studyId, TESTING.md "Studies: the participant's page"): consent, a task
// done by tapping through the participant's own framed phone (a reload in the middle resumes it), SEQ,
// SUS, the end; a second participant quits mid-task. The results count both, with the taps' places and
// a heatmap's capture. axe on every step a participant reads.
import AxeBuilder from '@axe-core/playwright'
import { devices, expect, test, type Browser, type FrameLocator, type Page } from '@playwright/test'
import type { CreatedStudy, StudyResults } from '../src/contract/study.ts'
import { seconds } from './timeouts.ts'

test.describe.configure({ timeout: seconds(150) })

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** axe on the page the participant reads (the phone inside is the app's own, checked by a11y.spec.ts). */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags([...WCAG_TAGS, 'best-practice'])
    .exclude('[data-testid="study-phone"]')
    .analyze()
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([])
}

async function participantPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...devices['iPhone 14'], locale: 'zh-CN' })
  return context.newPage()
}

const phoneOf = (page: Page): FrameLocator => page.frameLocator('[data-testid="study-phone"]')

/** Consent, join, start the first task: the framed phone's order page is up. */
async function startTask(page: Page, studyId: string, check = false) {
  await page.goto(`/study/${studyId}`)
  await expect(page.getByTestId('study-consent')).toBeVisible()
  if (check) await expectAccessible(page, 'consent')
  await page.getByTestId('study-consent-accept').click()
  await expect(page.getByTestId('study-task')).toBeVisible()
  if (check) await expectAccessible(page, 'task')
  await page.getByTestId('study-task-start').click()
  await expect(phoneOf(page).getByTestId('submit-order')).toBeEnabled({ timeout: seconds(15) })
}

test('a participant does the jump task on their own framed phone; another quits; the results count both', async ({
  browser,
  request,
}) => {
  const created = await request.post('/api/lab/studies', {
    data: { routes: ['jump'], design: 'between', seq: true, sus: true, target: 5 },
  })
  expect(created.status()).toBe(201)
  const study = (await created.json()) as CreatedStudy

  // ——— The first participant: consent, the task by tapping, a reload in the middle, SEQ, SUS, done.
  const page = await participantPage(browser)
  await startTask(page, study.id, true)
  const phone = phoneOf(page)
  const frame = page.getByTestId('study-phone')
  await expect(frame).toHaveAttribute('name', 'study-phone')
  expect(await frame.getAttribute('src')).toMatch(/[?&]world=[^&]+/)
  // The phone captures the order page once it has settled (a person is slower than this test): wait for
  // it, so the reload below cannot cut the capture short on a loaded machine.
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/lab/studies/${study.id}/results`)
        const { heatmaps } = (await res.json()) as StudyResults
        return heatmaps.some((h) => h.screen === '/' && h.imageId !== null)
      },
      { timeout: seconds(20) },
    )
    .toBe(true)
  // A tap on nothing tappable (the page's title): a misclick. Then the order.
  await phone.locator('h1').first().click()
  await phone.getByTestId('submit-order').click()
  await expect(phone.getByTestId('pay-method-wechat')).toBeVisible()
  // A participant's phone has no simulator button: they cannot switch persona, era or clock mid-task.
  await expect(phone.getByTestId('sim-panel')).toHaveCount(0)

  // A reload mid-task comes back to the running task, its phone on the same screen, in the same world.
  const src = await frame.getAttribute('src')
  const world = new URL(src ?? '', 'http://x').searchParams.get('world')
  await page.reload()
  await expect(page.getByTestId('study-running')).toBeVisible()
  expect(
    new URL((await frame.getAttribute('src')) ?? '', 'http://x').searchParams.get('world'),
  ).toBe(world)
  await phone.getByTestId('pay-method-wechat').click()
  await phone.getByTestId('confirm-pay').click()
  const pad = phone.getByTestId('wechat-pin-pad')
  // The phone captures the cashier for its heatmap as it leaves it (a drawing of the page, seconds on a
  // loaded two-core runner: CI once saw 3.5 s) before WeChat's code loads.
  await expect(pad).toBeVisible({ timeout: seconds(15) })
  for (const digit of '123456') await pad.getByRole('button', { name: digit, exact: true }).click()
  await phone.getByTestId('wechat-pay-done').click()
  await phone.getByTestId('wechat-return-paid').click()

  // The server counted the task completed (its order paid with WeChat): on to the SEQ.
  await expect(page.getByTestId('study-seq')).toBeVisible({ timeout: seconds(20) })
  await expect(page.getByRole('radiogroup')).toHaveCount(1)
  await expectAccessible(page, 'SEQ')
  await page.getByTestId('study-seq-submit').click()
  await expect(page.getByRole('alert')).toBeVisible()
  await page.getByTestId('study-seq-scale-6').check()
  await page.getByTestId('study-seq-submit').click()

  await expect(page.getByTestId('study-sus')).toBeVisible()
  await expect(page.getByRole('radiogroup')).toHaveCount(10)
  await expectAccessible(page, 'SUS')
  // All ten are required.
  for (let i = 1; i <= 9; i++) await page.getByTestId(`study-sus-${i}-4`).check()
  await page.getByTestId('study-sus-submit').click()
  await expect(page.getByRole('alert')).toContainText('1')
  await page.getByTestId('study-sus-10-2').check()
  await page.getByTestId('study-sus-submit').click()
  await expect(page.getByTestId('study-done')).toBeVisible()
  // A reload of the end stays at the end.
  await page.reload()
  await expect(page.getByTestId('study-done')).toBeVisible()

  // ——— The second participant: Back asks whether to quit; then they quit mid-task.
  const other = await participantPage(browser)
  await other.goto(`/study/${study.id}`)
  await other.getByTestId('study-consent-accept').click()
  await expect(other.getByTestId('study-task')).toBeVisible()
  await other.goBack()
  await expect(other.getByTestId('study-quit-dialog')).toBeVisible()
  await other.getByTestId('study-quit-cancel').click()
  await expect(other.getByTestId('study-quit-dialog')).toBeHidden()
  await expect(other.getByTestId('study-task')).toBeVisible()
  await other.getByTestId('study-task-start').click()
  await expect(phoneOf(other).getByTestId('submit-order')).toBeEnabled({ timeout: seconds(15) })
  await phoneOf(other).getByTestId('submit-order').click()
  await expect(phoneOf(other).getByTestId('pay-method-wechat')).toBeVisible()
  await other.getByTestId('study-quit').click()
  const dialog = other.getByTestId('study-quit-dialog')
  await expect(dialog).toBeVisible()
  await expect(other.getByTestId('study-quit-cancel')).toBeFocused()
  await expectAccessible(other, 'quit dialog')
  await other.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await other.getByTestId('study-quit').click()
  await other.getByTestId('study-quit-confirm').click()
  await expect(other.getByTestId('study-quit-done')).toBeVisible()

  // ——— The results: one completed, one abandoned; taps with their place and hit; a heatmap's capture.
  await expect
    .poll(
      async () => {
        const res = await request.get(`/api/lab/studies/${study.id}/results`)
        const results = (await res.json()) as StudyResults
        const jump = results.routes.find((r) => r.route === 'jump')
        const captured = results.heatmaps.filter((h) => h.imageId !== null && h.taps.length > 0)
        return {
          completed: jump?.completed,
          abandoned: jump?.abandoned,
          quit: results.participants.quit,
          finished: results.participants.finished,
          captured: captured.length > 0,
        }
      },
      { timeout: seconds(20) },
    )
    .toEqual({ completed: 1, abandoned: 1, quit: 1, finished: 1, captured: true })

  const results = (await (
    await request.get(`/api/lab/studies/${study.id}/results`)
  ).json()) as StudyResults
  const taps = results.heatmaps.flatMap((h) => h.taps)
  expect(taps.length).toBeGreaterThan(0)
  for (const tap of taps) {
    expect(typeof tap.x).toBe('number')
    expect(typeof tap.y).toBe('number')
    expect(typeof tap.hit).toBe('boolean')
  }
  expect(taps.some((t) => t.hit)).toBe(true)
  expect(taps.some((t) => !t.hit)).toBe(true)
  const orderPage = results.heatmaps.find((h) => h.screen === '/')
  expect(orderPage?.imageId).toBeTruthy()
  // The capture is the order page's whole scroll height, one pixel per CSS pixel.
  expect(orderPage?.width).toBeGreaterThan(300)
  expect(orderPage?.height ?? 0).toBeGreaterThan(800)
  const seq = results.routes[0]?.seq
  expect(seq).toBe(6)
})

test('an unknown study says so; declining leaves nothing; a study at its target is closed', async ({
  browser,
  request,
}) => {
  const page = await participantPage(browser)
  await page.goto('/study/no-such-study')
  await expect(page.getByTestId('study-error')).toBeVisible()
  await expectAccessible(page, 'unknown study')

  const created = await request.post('/api/lab/studies', {
    data: { routes: ['jump'], design: 'between', target: 1 },
  })
  const study = (await created.json()) as CreatedStudy
  await page.goto(`/study/${study.id}`)
  await page.getByTestId('study-consent-decline').click()
  await expect(page.getByTestId('study-declined')).toBeVisible()
  const results = async () =>
    (await (await request.get(`/api/lab/studies/${study.id}/results`)).json()) as StudyResults
  expect((await results()).participants.total).toBe(0)

  // The one participant the study wants quits: it is full, and the next person meets its end.
  await startTask(page, study.id)
  await page.getByTestId('study-quit').click()
  await page.getByTestId('study-quit-confirm').click()
  await expect(page.getByTestId('study-quit-done')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('study-quit-done')).toBeVisible()
  const next = await participantPage(browser)
  await next.goto(`/study/${study.id}`)
  await expect(next.getByTestId('study-closed')).toBeVisible()
})

import AxeBuilder from '@axe-core/playwright'
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { CheckoutSchema } from '../src/contract/order.ts'
import { PaymentSchema } from '../src/contract/payment.ts'
import {
  ParticipantSchema,
  StudyResultsSchema,
  type Participant,
  type StudyEvent,
} from '../src/contract/study.ts'

test.describe.configure({ timeout: seconds(120) })
// The lab is a desktop screen.
test.use({
  viewport: { width: 1280, height: 900 },
  isMobile: false,
  hasTouch: false,
  deviceScaleFactor: 1,
})

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function expectAxeClean(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).withTags(WCAG_TAGS).analyze()
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

let key = 0
const newKey = () => `e2e-study-${Date.now()}-${key++}`

/** A participant's phone, by HTTP: join, screens and taps, pay the order the route's way, done or quit. */
class Participating {
  constructor(
    readonly request: APIRequestContext,
    readonly studyId: string,
    readonly p: Participant,
  ) {}

  static async join(request: APIRequestContext, studyId: string) {
    const res = await request.post(`/api/lab/studies/${studyId}/participants`)
    expect(res.status()).toBe(201)
    return new Participating(request, studyId, ParticipantSchema.parse(await res.json()))
  }

  get task() {
    const task = this.p.tasks[0]
    if (!task) throw new Error('no task')
    return task
  }

  async send(events: StudyEvent[]) {
    const res = await this.request.post(
      `/api/lab/studies/${this.studyId}/participants/${this.p.participantId}/events`,
      { data: { events } },
    )
    expect(res.status(), await res.text()).toBe(200)
  }

  /** Starts the task and goes through the order page and the cashier, `misclicks` taps on nothing. */
  async browse(at: number, misclicks = 0) {
    const { route } = this.task
    const events: StudyEvent[] = [
      { kind: 'task', at, route, phase: 'start' },
      { kind: 'screen', at: at + 10, screen: '/', app: 'taobao' },
      { kind: 'tap', at: at + 900, target: 'submit-order', screen: '/', x: 300, y: 800, hit: true },
      { kind: 'screen', at: at + 1200, screen: '/pay/cashier', app: 'taobao' },
      {
        kind: 'tap',
        at: at + 2500,
        target: `pay-method-${route}`,
        screen: '/pay/cashier',
        x: 195,
        y: 420,
        hit: true,
      },
    ]
    for (let i = 0; i < misclicks; i++) {
      events.push({
        kind: 'tap',
        at: at + 3000 + i * 100,
        target: 'nothing',
        screen: '/pay/cashier',
        x: 30,
        y: 140,
        hit: false,
      })
    }
    events.push({
      kind: 'tap',
      at: at + 4000,
      target: 'confirm-pay',
      screen: '/pay/cashier',
      x: 195,
      y: 780,
      hit: true,
    })
    for (let i = 0; i < 6; i++) events.push({ kind: 'key', at: at + 5000 + i * 300, target: 'pin' })
    await this.send(events)
  }

  /** Pays an order in the participant's own world with the route's method (the gateway's real routes). */
  async pay() {
    const { world, route } = this.task
    const headers = { 'x-sim-world': world, 'x-sim-persona': 'shopper' }
    const ordered = await this.request.post('/api/shop/orders', {
      headers: { ...headers, 'idempotency-key': newKey() },
      data: { lines: [{ skuId: 'sku-longjing-250', qty: 1 }], addressId: 'addr-hz' },
    })
    expect(ordered.status(), await ordered.text()).toBe(201)
    const checkout = CheckoutSchema.parse(await ordered.json())
    const created = await this.request.post('/api/pay/payments', {
      headers: { ...headers, 'idempotency-key': newKey() },
      data: { orderId: checkout.checkoutId, method: route },
    })
    expect(created.status(), await created.text()).toBe(201)
    const payment = PaymentSchema.parse(await created.json())
    const confirmed = await this.request.post(`/api/pay/payments/${payment.id}/confirm`, {
      headers,
      data: { password: '123456' },
    })
    expect(confirmed.status(), await confirmed.text()).toBe(200)
  }

  /** The result page, the task done, the SEQ and the SUS (the study asks both). */
  async done(at: number, seq: number) {
    await this.send([
      { kind: 'screen', at: at - 500, screen: '/pay/result', app: 'taobao' },
      { kind: 'task', at, route: this.task.route, phase: 'done' },
      { kind: 'seq', at: at + 3000, route: this.task.route, value: seq },
      { kind: 'sus', at: at + 30_000, answers: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1] },
    ])
  }

  async quit(screen: string) {
    const res = await this.request.post(
      `/api/lab/studies/${this.studyId}/participants/${this.p.participantId}/quit`,
      { data: { screen } },
    )
    expect(res.status()).toBe(200)
  }
}

test('a study made in the lab fills its results page live from six participants', async ({
  page,
  request,
}) => {
  await page.goto('/lab?lang=en')
  const form = page.getByTestId('study-form')
  await expect(form).toBeVisible()

  // The form says what is wrong before it sends anything.
  await page.getByTestId('study-form-route-jump').uncheck()
  await page.getByTestId('study-form-route-screenshot').uncheck()
  await page.getByTestId('study-form-target').fill('0')
  await page.getByTestId('study-create').click()
  await expect(form.getByText('Choose at least one route')).toBeVisible()
  await expect(form.getByText('Enter a whole number from 1 to 1000')).toBeVisible()
  await expect(page.getByTestId('study-form-target')).toHaveAttribute('aria-invalid', 'true')

  await page.getByTestId('study-form-name').fill('Balance vs card')
  await page.getByTestId('study-form-route-alipay-balance').check()
  await page.getByTestId('study-form-route-alipay-card').check()
  await expect(page.getByTestId('study-form-task-alipay-balance')).toHaveValue(/Alipay balance/)
  await page.getByTestId('study-form-target').fill('6')
  await expectAxeClean(page, '[data-testid="study-form"]')
  await page.getByTestId('study-create').click()

  // The card: the join link with its QR code, copy, the owner's link (keep it), delete.
  const card = page.getByTestId('study-card').first()
  await expect(card).toHaveAttribute('data-state', 'found')
  await expect(card.getByRole('heading', { name: 'Balance vs card' })).toBeVisible()
  await expect(card.getByTestId('study-join-qr')).toBeVisible()
  const studyId = await card.getAttribute('data-study-id')
  if (!studyId) throw new Error('no study id')
  await expect(card.getByTestId('study-join-link')).toHaveText(new RegExp(`/study/${studyId}`))
  await expect(card.getByTestId('study-copy-link')).toBeVisible()
  const ownerHref = await card.getByTestId('study-owner-link').getAttribute('href')
  expect(ownerHref).toMatch(new RegExp(`^/lab/studies/${studyId}\\?key=.+`))
  await expect(card).toContainText('Keep this link')
  await expect(card.getByTestId('study-delete')).toBeVisible()
  await expectAxeClean(page, '[data-testid="study-card"]')

  // Six participants on their own (simulated) phones: five finish, one misclicks, one quits.
  const t0 = Date.now()
  const people: Participating[] = []
  for (let i = 0; i < 6; i++) people.push(await Participating.join(request, studyId))
  const routes = new Set(people.map((p) => p.task.route))
  expect(routes).toEqual(new Set(['alipay-balance', 'alipay-card']))
  // Balanced blocks: three each.
  expect(people.filter((p) => p.task.route === 'alipay-balance')).toHaveLength(3)
  const [quitter, ...finishers] = people
  if (!quitter) throw new Error('no participants')
  for (const [i, p] of finishers.entries()) {
    await p.browse(t0 + i * 20_000, i === 0 ? 2 : 0)
    await p.pay()
    await p.done(t0 + i * 20_000 + 12_000 + i * 1000, 6)
  }
  await quitter.browse(t0 + 200_000)

  // The results page, from the card; it refreshes by itself when the last one quits.
  await card.getByTestId('study-open-results').click()
  const results = page.getByTestId('study-results')
  await expect(results).toHaveAttribute('data-ready', 'true')
  await expect(page.getByTestId('study-name')).toHaveText('Balance vs card')
  await expect(page.getByTestId('study-counts')).toContainText('6 joined · 5 finished · 0 quit')
  await quitter.quit('/pay/cashier')
  await expect(page.getByTestId('study-counts')).toContainText('6 joined · 5 finished · 1 quit', {
    timeout: seconds(10),
  })
  await expect(page.getByTestId('study-status')).toHaveText('Closed')

  const quitRoute = quitter.task.route
  const otherRoute = quitRoute === 'alipay-balance' ? 'alipay-card' : 'alipay-balance'
  const quitRow = page.locator(`[data-testid="study-route-row"][data-route="${quitRoute}"]`)
  const otherRow = page.locator(`[data-testid="study-route-row"][data-route="${otherRoute}"]`)
  await expect(quitRow.getByTestId('study-route-n')).toHaveText('3')
  await expect(otherRow.getByTestId('study-route-n')).toHaveText('3')
  await expect(quitRow.getByTestId('study-route-rate')).toHaveText('67%')
  await expect(otherRow.getByTestId('study-route-rate')).toHaveText('100%')
  // Below the minimum n, each route says so.
  // Every finisher answered SEQ 6 and the best SUS there is.
  await expect(otherRow.getByTestId('study-route-seq')).toHaveText('6.0')
  await expect(otherRow.getByTestId('study-route-sus')).toHaveText('100.0')
  await expect(quitRow.getByTestId('study-not-enough')).toHaveText(
    'Not enough data yet (n = 3, at least 5)',
  )

  // The comparison's sentence, as the server words it, with its tests in small print.
  const comparison = page.getByTestId('study-comparison').first()
  await expect(comparison.getByTestId('study-comparison-summary')).not.toBeEmpty()
  await expect(comparison).toContainText('Mann–Whitney U test')
  await expect(comparison).toContainText("Fisher's exact test")

  // The funnel from real data: everybody of the quitter's route reached the cashier, one dropped there.
  const steps = page.locator(`[data-testid="study-steps"][data-route="${quitRoute}"]`)
  const cashier = steps.getByTestId('study-funnel-step').filter({ hasText: '/pay/cashier' })
  await expect(cashier).toHaveAttribute('data-reached', '3')
  await expect(cashier).toHaveAttribute('data-dropped', '1')
  await expect(steps.getByTestId('study-klm-source')).toContainText('Holleis')

  // The heatmap of the cashier: every tap, the misclicks counted apart.
  const api = StudyResultsSchema.parse(
    await (await request.get(`/api/lab/studies/${studyId}/results`)).json(),
  )
  const cashierTaps = api.heatmaps.find((m) => m.screen === '/pay/cashier')?.taps ?? []
  const heatmap = page.locator('[data-testid="study-heatmap"][data-screen="/pay/cashier"]')
  await expect(heatmap.locator('canvas')).toHaveAttribute('data-taps', String(cashierTaps.length))
  await expect(heatmap.locator('canvas')).toHaveAttribute('data-misses', '2')
  await expect(heatmap.getByRole('img')).toHaveAccessibleName(
    `/pay/cashier: ${cashierTaps.length} taps, 2 of them misclicks`,
  )

  // The participants and the exports (with the key).
  await expect(page.getByTestId('study-person')).toHaveCount(6)
  const exported: Record<string, string> = {}
  for (const id of ['study-export-csv', 'study-export-ndjson', 'study-export-report']) {
    const href = await page.getByTestId(id).getAttribute('href')
    expect(href).toMatch(/\?key=.+/)
    const res = await request.get(href ?? '')
    expect(res.status()).toBe(200)
    exported[id] = await res.text()
  }
  // One row per participant and task under the header; every line of the NDJSON is an event.
  expect(exported['study-export-csv']?.trim().split('\n')).toHaveLength(7)
  const lines = exported['study-export-ndjson']?.trim().split('\n') ?? []
  expect(lines.length).toBeGreaterThan(30)
  for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow()
  expect(exported['study-export-report']).toContain('Balance vs card')
  await expectAxeClean(page, '[data-testid="study-results"]')

  // One participant's data goes, asked first.
  const first = page.getByTestId('study-person').first()
  await first.getByTestId('study-person-delete').click()
  await page.getByTestId('study-person-delete-confirm').click()
  await expect(page.getByTestId('study-person')).toHaveCount(5)
})

test('the results page says when the key is missing or the study does not exist', async ({
  page,
}) => {
  await page.goto('/lab/studies/sNoSuchStudy00000?key=nope&lang=en')
  await expect(page.getByTestId('study-results-problem')).toContainText('No such study')
  // From beyond loopback without the key the server answers 403 (loopback may leave it out, so the
  // answer is played here).
  await page.route('**/api/lab/studies/*/results*', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ code: 'STUDY_KEY_REQUIRED', message: 'the owner key is required' }),
    }),
  )
  await page.goto('/lab/studies/sSomeStudy0000000?lang=en')
  await expect(page.getByTestId('study-results-problem')).toContainText("needs the owner's key")
  await expect(page.getByTestId('study-results')).toHaveAttribute('data-ready', 'false')
})

import type { Response } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { COLUMNS, Lab } from './pages/lab.ts'
import type { LabRun } from '../src/features/lab/run.ts'

test.describe.configure({ timeout: seconds(120) })
// The lab is a desktop screen: three phones side by side.
test.use({
  viewport: { width: 1440, height: 900 },
  isMobile: false,
  hasTouch: false,
  deviceScaleFactor: 1,
})

/** What a run's exported events add up to, counted here independently of the lab's own code. */
function countEvents(run: LabRun) {
  const start = run.events.find((e) => e.kind === 'mark' && e.mark === 'start')?.at ?? 0
  const done = run.events.find((e) => e.kind === 'mark' && e.mark === 'done')?.at ?? Infinity
  const inRun = run.events.filter((e) => e.at >= start && e.at <= done)
  const screens = new Set(
    inRun.flatMap((e) => (e.kind === 'screen' ? [`${e.phone} ${e.screen}`] : [])),
  )
  return {
    steps: screens.size,
    taps: inRun.filter((e) => e.kind === 'tap').length,
    keystrokes: inRun.filter((e) => e.kind === 'key').length,
    appSwitches: inRun.filter((e) => e.kind === 'app' && e.via === 'switcher').length,
    autoSwitches: inRun.filter((e) => e.kind === 'app' && e.via === 'link').length,
    errors: inRun.filter((e) => e.kind === 'error' && e.source === 'alert').length,
    elapsed: ((done - start) / 1000).toFixed(1),
  }
}

test('autoplay measures the screenshot route as longer than the jump route, and exports what it shows', async ({
  page,
  gateway,
}) => {
  const lab = new Lab(page)
  await lab.open('zh-CN')
  await lab.setSpeed(50)
  // The jump route's happy path makes no failing request (a 409 in the console reads as a bug).
  const failed: string[] = []
  const onResponse = (res: Response) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`)
  }
  page.on('response', onResponse)
  await lab.autoplay('jump')
  page.off('response', onResponse)
  expect(failed).toEqual([])
  await lab.autoplay('screenshot')

  // Both orders were really paid at the gateway, one by each route.
  const state = await gateway.state()
  const paid = state.payments.filter((p) => p.status === 'SUCCESS').map((p) => p.channel)
  expect(paid.sort()).toEqual(['wechat', 'wechat-scan'])

  for (const column of ['steps', 'taps', 'appSwitches'] as const) {
    expect(await lab.cell('screenshot', column)).toBeGreaterThan(await lab.cell('jump', column))
  }
  await expect(lab.comparison).toContainText(/截屏扫码比跳转微信多 \d+ 次点击、\d+ 次手动切换应用/)

  // The table's figures are the recorded events, counted.
  const { file: jsonFile, runs } = await lab.exportJson()
  expect(jsonFile).toMatch(/^ux-lab-.*\.json$/)
  for (const flow of ['jump', 'screenshot'] as const) {
    const runId = await lab.row(flow).getAttribute('data-run')
    const run = runs.find((r) => r.id === runId)
    expect(run?.done).toBe(true)
    if (!run) continue
    const counted = countEvents(run)
    const cells = await lab.rowCells(flow)
    expect(cells[COLUMNS.steps]).toBe(String(counted.steps))
    expect(cells[COLUMNS.taps]).toBe(String(counted.taps))
    expect(cells[COLUMNS.keystrokes]).toBe(String(counted.keystrokes))
    expect(cells[COLUMNS.appSwitches]).toBe(String(counted.appSwitches))
    expect(cells[COLUMNS.errors]).toBe(String(counted.errors))
    expect(cells[COLUMNS.elapsed]).toBe(counted.elapsed)
    // Six password digits on WeChat's keypad in both routes.
    expect(counted.keystrokes).toBe(6)
    // The happy path shows the shopper no error (the cashier's 409 ORDERPAID on return is no alert).
    expect(counted.errors).toBe(0)
    if (flow === 'jump') {
      // The jump route switches apps by itself (to WeChat and back), never through the switcher.
      expect(counted.autoSwitches).toBe(2)
      expect(counted.appSwitches).toBe(0)
    } else {
      expect(counted.appSwitches).toBe(2)
    }
  }

  // The CSV export holds exactly the table's rows.
  const { file, rows } = await lab.exportCsv()
  expect(file).toMatch(/^ux-lab-.*\.csv$/)
  expect(rows).toEqual(await lab.tableRows())
  expect(rows).toHaveLength(3)

  // The lab's own screen (the phones inside are checked by a11y.spec.ts) meets WCAG 2.1 AA.
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe')
    .analyze()
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
})

test("by hand, the shopper's own taps and keys are what the table counts", async ({ page }) => {
  const lab = new Lab(page)
  await lab.open('en')
  await lab.phone('jump').getByRole('button', { name: 'Start over by hand' }).click()
  const phone = page.frameLocator('iframe[name="lab-jump-shopper"]')
  await expect(phone.getByTestId('submit-order')).toBeEnabled()
  // Each tap waits for the phone to stand still (Lab.tap): a tap on a sheet mid-slide scrolls the lab away.
  await lab.tap(phone.getByTestId('submit-order'))
  await lab.tap(phone.getByTestId('pay-method-wechat'))
  await lab.tap(phone.getByTestId('confirm-pay'))
  // WeChat opens on its password sheet, as the real one does after a jump: no 确认支付 to tap.
  for (const digit of '123456') {
    await lab.tap(
      phone.getByTestId('wechat-pin-pad').getByRole('button', { name: digit, exact: true }),
    )
  }
  await lab.tap(
    phone.getByTestId('wechat-pay-success').getByRole('button', { name: /^(完成|Done)$/ }),
  )
  await lab.tap(
    phone.getByTestId('wechat-return').getByRole('button', { name: /^(已完成支付|I have paid)$/ }),
  )
  await expect(lab.status('jump')).toHaveAttribute('data-done', 'true')

  const cells = await lab.rowCells('jump')
  expect(cells[COLUMNS.mode]).toBe('By hand')
  expect(cells[COLUMNS.taps]).toBe('5')
  expect(cells[COLUMNS.keystrokes]).toBe('6')
  expect(cells[COLUMNS.steps]).toBe('4')
  expect(cells[COLUMNS.appSwitches]).toBe('0')
  // Only the jump route has run: no comparison yet.
  await expect(lab.comparison).toContainText(
    'Run "Jump to WeChat" and "Screenshot the code" once each',
  )
})

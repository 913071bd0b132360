import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'
import { untilStill } from './motion.ts'
import { parseCsv } from '../../src/features/lab/export.ts'
import type { FlowId } from '../../src/features/lab/flows.ts'
import type { LabRun } from '../../src/features/lab/run.ts'
import { labPath } from '../../src/contract/paths.ts'

/** The table's columns, in order (lab/table-rows.ts). */
export const COLUMNS = {
  flow: 0,
  mode: 1,
  steps: 2,
  taps: 3,
  keystrokes: 4,
  appSwitches: 5,
  elapsed: 6,
  waiting: 7,
  errors: 8,
  klm: 9,
  completing: 10,
} as const

/** The UX lab at /lab: the phones, their autoplay, the table and its exports. */
export class Lab {
  constructor(readonly page: Page) {}

  async open(lang: 'zh-CN' | 'en' = 'zh-CN') {
    await this.page.goto(labPath(lang))
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(/UX/)
  }

  phone(flow: FlowId) {
    return this.page.getByTestId(`lab-phone-${flow}`)
  }
  status(flow: FlowId) {
    return this.page.getByTestId(`lab-status-${flow}`)
  }
  get table() {
    return this.page.getByTestId('lab-table')
  }
  get comparison() {
    return this.page.getByTestId('lab-compare')
  }

  /**
   * A tap on a lab phone once nothing on that phone is still moving. The phones are iframes drawn with
   * `transform: scale()`, and Chromium maps a scroll-into-view from under a running transform inside
   * such a frame wrongly: a tap on a sheet still sliding up (WeChat's keypad) scrolls the lab page
   * hundreds of pixels too far, and the phone's later dialogs then sit above the window where
   * Playwright's own scroll can no longer bring them back ("element is outside of the viewport").
   * Endless animations (spinners) are not waited for.
   */
  async tap(target: Locator) {
    await untilStill(target)
    await target.click()
  }

  async setSpeed(speed: number) {
    await this.page.getByLabel(/^(自动演示速度|Autoplay speed)$/).selectOption(String(speed))
  }

  /** Starts autoplay on a route's phone and waits until that phone has paid. */
  async autoplay(flow: FlowId) {
    await this.phone(flow)
      .getByRole('button', { name: /^(自动演示|Autoplay)$/ })
      .click()
    await expect(this.status(flow)).toHaveAttribute('data-done', 'true', { timeout: 45_000 })
  }

  row(flow: FlowId) {
    return this.table.locator(`tbody tr[data-flow="${flow}"]`)
  }

  async rowCells(flow: FlowId): Promise<string[]> {
    return this.row(flow).locator('th, td').allInnerTexts()
  }

  /** A number cell of a route's row. */
  async cell(flow: FlowId, column: keyof typeof COLUMNS): Promise<number> {
    return Number((await this.rowCells(flow))[COLUMNS[column]])
  }

  async tableRows(): Promise<string[][]> {
    const header = await this.table.locator('thead th').allInnerTexts()
    const rows = await this.table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText),
        ),
      )
    return [header, ...rows]
  }

  private async download(name: RegExp): Promise<{ file: string; text: string }> {
    const downloading = this.page.waitForEvent('download')
    await this.page.getByRole('button', { name }).click()
    const download = await downloading
    const path = await download.path()
    return { file: download.suggestedFilename(), text: await readFile(path, 'utf8') }
  }

  async exportCsv(): Promise<{ file: string; rows: string[][] }> {
    const { file, text } = await this.download(/^(导出 CSV|Export CSV)$/)
    return { file, rows: parseCsv(text) }
  }

  async exportJson(): Promise<{ file: string; runs: LabRun[] }> {
    const { file, text } = await this.download(/^(导出 JSON|Export JSON)$/)
    return { file, runs: (JSON.parse(text) as { runs: LabRun[] }).runs }
  }
}

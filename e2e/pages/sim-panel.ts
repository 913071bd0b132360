import { expect, type Page } from '@playwright/test'
import type { Era, PersonaId } from '../../src/contract/sim.ts'

/** The clock buttons, by what they read in either language. */
const CLOCK_STEPS = {
  '1m': /^\+1 (分钟|min)$/,
  '10m': /^\+10 (分钟|min)$/,
  '30m': /^\+30 (分钟|min)$/,
  '2h': /^\+2 (小时|h)$/,
  '1d': /^\+1 (天|day)$/,
} as const
export type ClockStep = keyof typeof CLOCK_STEPS

/**
 * The simulator panel (`sim-panel` opens it, `sim-sheet` is the sheet), whatever the UI language. Persona
 * radios are named "<label> <persona id>", so a persona is found by its id.
 */
export class SimPanel {
  constructor(readonly page: Page) {}

  get button() {
    return this.page.getByTestId('sim-panel')
  }
  get sheet() {
    return this.page.getByTestId('sim-sheet')
  }
  get title() {
    return this.sheet.getByRole('heading', { level: 2 })
  }
  /** The gateway's time as the panel shows it; its `datetime` attribute is ISO. */
  get clockNow() {
    return this.sheet.getByTestId('sim-clock-now')
  }

  async open() {
    await this.button.click()
    await expect(this.sheet).toBeVisible()
  }

  async done() {
    await this.sheet.getByRole('button', { name: /^(完成|Done)$/ }).click()
    await expect(this.sheet).toBeHidden()
  }

  persona(id: PersonaId) {
    return this.sheet.getByRole('radio', { name: new RegExp(`\\s${id}$`) })
  }

  async choosePersona(id: PersonaId) {
    await this.persona(id).check()
    await expect(this.persona(id)).toBeChecked()
  }

  era(era: Era) {
    return this.sheet.getByRole('radio', { name: era === 'beta' ? /^2022/ : /^2024/ })
  }

  language(lang: 'zh-CN' | 'en') {
    return this.sheet.getByRole('radio', { name: lang === 'en' ? 'English' : '中文', exact: true })
  }

  async chooseLanguage(lang: 'zh-CN' | 'en') {
    await this.language(lang).check()
    await expect(this.language(lang)).toBeChecked()
  }

  /** Notification fault: normal, drop, duplicate (labelled "twice"), delay. */
  notify(mode: 'normal' | 'drop' | 'duplicate' | 'delay') {
    const names = {
      normal: /^(正常|Normal)$/,
      drop: /^(丢失|Drop)$/,
      duplicate: /^(重复|Twice)$/,
      delay: /^(延迟|Delay)$/,
    }
    return this.sheet.getByRole('radio', { name: names[mode] })
  }

  /** A Huabei fee field, in percent: 3, 6 or 12 installments. */
  huabeiFee(plan: 3 | 6 | 12) {
    return this.sheet.getByRole('textbox', { name: new RegExp(`^${plan} (期|installments)`) })
  }

  async saveHuabeiFees() {
    await this.sheet.getByRole('button', { name: /^(保存|Save)$/ }).click()
    await expect(this.sheet.getByRole('status').filter({ hasText: /已保存|Saved/ })).toBeVisible()
  }

  async advanceClock(step: ClockStep) {
    const button = this.sheet.getByRole('button', { name: CLOCK_STEPS[step] })
    await button.click()
    // Each step waits for the gateway before the buttons take another tap.
    await expect(button).toBeEnabled()
  }

  /** Reset all data, confirm; the app starts again on the order page. */
  async resetAll() {
    await this.sheet.getByRole('button', { name: /^(重置所有数据|Reset all data)$/ }).click()
    const reloaded = this.page.waitForEvent('load')
    await this.sheet.getByRole('button', { name: /^(确定重置|Reset)$/ }).click()
    await reloaded
    await expect(this.page).toHaveURL((url) => url.pathname === '/')
    await expect(this.page.getByTestId('submit-order')).toBeEnabled()
  }
}

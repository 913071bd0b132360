import { expect, type Locator, type Page } from '@playwright/test'

/** The console (`/console`): one world's timeline, live; an entry's details; an object's story. */
export class ConsolePage {
  constructor(readonly page: Page) {}

  get timeline(): Locator {
    return this.page.getByTestId('console-timeline')
  }
  get rows(): Locator {
    return this.timeline.getByTestId('console-row')
  }
  /** The rows of one entry type (`order.created`, `delivery`, `call`, …), newest first. */
  rowsOf(type: string): Locator {
    return this.rows.and(this.page.locator(`[data-type="${type}"]`))
  }
  get link(): Locator {
    return this.page.getByTestId('console-link')
  }
  get detail(): Locator {
    return this.page.getByTestId('console-detail')
  }
  get object(): Locator {
    return this.page.getByTestId('console-object')
  }

  async expectLive() {
    await expect(this.link).toHaveText(/^(实时|Live)$/)
  }

  /** Opens the details of the newest row of `type`. */
  async openNewest(type: string) {
    await this.rowsOf(type).first().click()
    await expect(this.detail).toBeVisible()
  }
}

import type { Page } from '@playwright/test'

export class ResultPage {
  constructor(readonly page: Page) {}

  get result() {
    return this.page.getByTestId('pay-result')
  }
}

import { expect, type Page } from '@playwright/test'
import { orderPath, ordersPath } from '../../src/contract/paths.ts'

/** 我的订单 and one order's details. */
export class OrdersPage {
  constructor(readonly page: Page) {}

  async open(tab?: 'pending' | 'paid' | 'closed') {
    await this.page.goto(ordersPath(tab))
    await expect(this.page.getByRole('tablist')).toBeVisible()
  }

  tab(name: RegExp) {
    return this.page.getByRole('tab', { name })
  }

  row(orderId: string) {
    return this.page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`)
  }

  get rows() {
    return this.page.getByTestId('order-row')
  }

  async openDetail(orderId: string) {
    await this.page.goto(orderPath(orderId))
  }
}

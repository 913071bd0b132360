// @taobao-sim/playwright-kit: Playwright fixtures for the Taobao × WeChat Pay checkout simulator.
// README.md beside this package says how to install it and run a suite against a running instance.
export { expect } from '@playwright/test'
export { test } from './fixtures.js'
export type { PhoneFactoryOptions, Phones, SimFixtures } from './fixtures.js'
export { createWorld, Gateway } from './gateway.js'
export type { GatewayTarget } from './gateway.js'
export { SimPhone } from './phone.js'
export type { PhoneOptions } from './phone.js'
export { PERSONAS, TEST_TOKEN_HEADER, WORLD_HEADER } from './sim.js'
export type { Era, Faults, GatewayState, Lang, Persona, Wallet } from './sim.js'

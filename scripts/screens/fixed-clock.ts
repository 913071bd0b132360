/**
 * Preloaded into the server that `npm run screens:capture` starts (`node --import tsx --import
 * ./scripts/screens/fixed-clock.ts src/server/main.ts`): the process's Date stands still at SCREENS_NOW,
 * so every order, deadline and bill carries the same time on every run. The test API's clock cannot do
 * this: it only adds an offset to real time, which keeps moving. Timers (setTimeout) are untouched.
 */
const fixed = Date.parse(process.env.SCREENS_NOW ?? '2025-09-10T02:00:00.000Z')
const RealDate = Date

class FixedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(fixed)
    else super(...(args as [string]))
  }
  static override now(): number {
    return fixed
  }
}

globalThis.Date = FixedDate as DateConstructor

import { expect, type Locator } from '@playwright/test'

/**
 * Waits until nothing in `target`'s document is still moving (a sheet sliding up, a dialog fading in).
 * Endless animations (spinners) are not waited for. For taps Playwright cannot check for stability
 * itself: a forced tap, or one inside a scaled iframe.
 */
export async function untilStill(target: Locator): Promise<void> {
  await expect
    .poll(() =>
      target.evaluate(
        (el) =>
          el.ownerDocument
            .getAnimations()
            .filter(
              (a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity,
            ).length,
      ),
    )
    .toBe(0)
}

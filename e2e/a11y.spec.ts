import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { SCREENS } from './a11y-screens.ts'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'

test.describe.configure({ timeout: seconds(60) })
test.use({ reducedMotion: 'reduce' })

/** One rule's violation as axe reports it. */
type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

for (const screen of SCREENS) {
  test(`a11y: ${screen.name}`, async ({ phone, phones, gateway }, testInfo) => {
    const page = (await screen.reach({ phone, phones, gateway })) ?? phone.page
    await expectNoSeriousViolations(page, screen.name, testInfo)
  })
}

/** Runs axe once the screen has stopped moving; fails on serious or critical, reports every impact. */
async function expectNoSeriousViolations(page: Page, screen: string, testInfo: TestInfo) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  )
  // Best-practice rules are reported, never failed on: the bar is WCAG 2.1 A/AA.
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze()
  const isWcag = (v: Result) => v.tags.some((tag) => WCAG_TAGS.includes(tag))
  const violations = results.violations.filter(isWcag)
  const advisory = results.violations.filter((v) => !isWcag(v))
  const summary = {
    screen,
    wcag: countByImpact(violations),
    bestPractice: countByImpact(advisory),
    violations: violations.map(describe),
    advisory: advisory.map(describe),
  }
  console.log(
    `[axe] ${screen} → wcag ${JSON.stringify(summary.wcag)}, best-practice ${JSON.stringify(summary.bestPractice)}` +
      [...summary.violations, ...summary.advisory.map((d) => `(bp) ${d}`)]
        .map((d) => `\n  ${d}`)
        .join(''),
  )
  await testInfo.attach('axe', {
    body: JSON.stringify(summary, null, 2),
    contentType: 'application/json',
  })
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    blocking.map(describe),
    `serious/critical axe violations on ${screen}:\n${summary.violations.join('\n')}`,
  ).toEqual([])
}

/** Rules violated, by impact (a rule counts once however many elements break it). */
function countByImpact(
  violations: Result[],
): Record<'critical' | 'serious' | 'moderate' | 'minor', number> {
  const count = (impact: string) => violations.filter((v) => v.impact === impact).length
  return {
    critical: count('critical'),
    serious: count('serious'),
    moderate: count('moderate'),
    minor: count('minor'),
  }
}

/** "serious color-contrast: .a, .b" — the rule and where it breaks. */
function describe(v: Result): string {
  return `${v.impact ?? '?'} ${v.id}: ${v.nodes.map((n) => n.target.join(' >> ')).join(', ')}`
}

import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'

test.describe.configure({ timeout: seconds(60) })

test('/stage: two phones side by side, each its own device and persona; the friend pays the link and both phones update', async ({
  phones,
  gateway,
}) => {
  const { page } = await phones.open({ screen: 'desktop' })
  await page.goto('/stage')
  const shopper = page.frameLocator('[data-testid="stage-shopper"]')
  const friend = page.frameLocator('[data-testid="stage-friend"]')

  await shopper.getByTestId('submit-order').click()
  await shopper.getByTestId('pay-method-friend-pay').click()
  await shopper.getByTestId('confirm-pay').click()
  await shopper.getByTestId('friend-pay-create').click()
  await expect(shopper.getByTestId('friend-pay-status')).toHaveAttribute('data-status', 'OPEN')
  const link = await shopper.getByTestId('friend-pay-link').innerText()

  await page.getByTestId('stage-friend-url').fill(link)
  await page.getByRole('button', { name: '打开' }).click()
  // The friend's phone is a cold load of the app in its frame, on a runner that may be shared.
  await expect(friend.getByTestId('friend-pay-status')).toHaveAttribute('data-status', 'OPEN', {
    timeout: seconds(15),
  })

  await friend.getByTestId('friend-pay-confirm').click()
  for (const digit of '123456') {
    await friend.getByTestId('pin-pad').getByRole('button', { name: digit, exact: true }).click()
  }
  await expect(friend.getByTestId('friend-pay-status')).toHaveAttribute('data-status', 'PAID')
  await expect(shopper.getByTestId('pay-result')).toHaveAttribute('data-status', 'success')

  const state = await gateway.state()
  expect(state.friendRequests[0]).toMatchObject({ requester: 'shopper', payer: 'friend' })
})

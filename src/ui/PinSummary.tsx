/**
 * Above a password pad's six boxes, as every real pay app has it: the amount being paid, large, and the
 * way it is paid (账户余额, 招商银行储蓄卡(1234), 零钱…) under it.
 */
export function PinSummary({ amount, method }: { amount: string; method: string }) {
  return (
    <div className="pin-summary">
      <p className="pin-summary__amount" data-testid="pin-amount">
        {amount}
      </p>
      <p className="pin-summary__method" data-testid="pin-method">
        {method}
      </p>
    </div>
  )
}

import { useEffect, useRef } from 'react'
import { formatRemaining } from '@/lib/format.ts'
import { useServerNow } from '@/lib/useNow.ts'

interface CountdownProps {
  /** ISO time on the gateway's clock. */
  deadline: string
  /** Turns "29:59" into the sentence shown; defaults to the bare time. */
  children?: (remaining: string, msLeft: number) => React.ReactNode
  onExpire?: () => void
  className?: string
  testId?: string
}

/** Time left until `deadline`, ticking every second against the gateway's clock. */
export function Countdown({ deadline, children, onExpire, className, testId }: CountdownProps) {
  const now = useServerNow()
  const msLeft = Math.max(0, Date.parse(deadline) - now)
  const expired = msLeft === 0
  const onExpireRef = useRef(onExpire)
  useEffect(() => {
    onExpireRef.current = onExpire
  })
  useEffect(() => {
    if (expired) onExpireRef.current?.()
  }, [expired])
  const text = formatRemaining(msLeft)
  return (
    <span className={className} data-testid={testId} role="timer" aria-live="off">
      {children ? children(text, msLeft) : text}
    </span>
  )
}

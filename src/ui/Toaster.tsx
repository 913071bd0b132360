import { useEffect } from 'react'
import { useToast } from '@/lib/toast.ts'

/** Shows the latest toast for a few seconds. */
export function Toaster() {
  const message = useToast((s) => s.message)
  const serial = useToast((s) => s.serial)
  const dismiss = useToast((s) => s.dismiss)
  useEffect(() => {
    if (message === null) return
    const timer = setTimeout(dismiss, 2800)
    return () => clearTimeout(timer)
  }, [message, serial, dismiss])
  return (
    <div role="status" aria-live="polite">
      {message !== null && (
        <div className="toast" key={serial}>
          {message}
        </div>
      )}
    </div>
  )
}

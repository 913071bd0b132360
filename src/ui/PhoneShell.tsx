import type { ReactNode } from 'react'
import './phone.css'

/**
 * The simulated phone: the whole viewport on a phone, a 390×844 frame on a wide screen. `overlay` sits over
 * the scrolling screen (marks, toasts, the simulator's floating button).
 */
export function PhoneShell({ children, overlay }: { children: ReactNode; overlay?: ReactNode }) {
  return (
    <div className="phone-stage">
      <div className="phone">
        <div className="phone__screen" id="phone-screen">
          {children}
        </div>
        {overlay}
      </div>
    </div>
  )
}

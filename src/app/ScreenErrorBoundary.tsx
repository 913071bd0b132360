import { Component, type ReactNode } from 'react'
import { LoadState } from '@/ui/LoadState.tsx'
import { PhoneShell } from '@/ui/PhoneShell.tsx'

interface State {
  error: unknown
}

/**
 * A screen's code that failed to arrive (offline, or a new build replaced it) or failed to draw: the
 * phone says why and offers 重试, which loads the page again, rather than going blank.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: unknown): State {
    return { error }
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <PhoneShell>
        <LoadState error={this.state.error} onRetry={() => window.location.reload()} />
      </PhoneShell>
    )
  }
}

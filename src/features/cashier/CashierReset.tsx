import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { PasswordResetDialog } from '@/ui/PasswordResetDialog.tsx'
import type { Intent, ResetState } from './flow-state.ts'

/** 忘记密码？'s simulated reset over the cashier, as the flow has it (flow-state.ts `reset`). */
export function CashierReset({ reset, send }: { reset: ResetState; send: (i: Intent) => void }) {
  const { t, lang } = useT()
  return (
    <PasswordResetDialog
      realm={reset.realm}
      busy={reset.busy}
      error={reset.error ? errorText(t, lang, reset.error) : null}
      onConfirm={() => send({ type: 'RESET_CONFIRM' })}
      onCancel={() => send({ type: 'RESET_CANCEL' })}
    />
  )
}

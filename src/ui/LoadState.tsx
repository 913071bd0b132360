import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from './Spinner.tsx'

interface LoadStateProps {
  /** The failed call, if it failed: its words (role="alert") and 重试; else a spinner. */
  error: unknown
  onRetry?: (() => void) | undefined
  /** A word beside the spinner (加载中…). */
  loadingText?: string | undefined
  /** Where it sits (`sheet__body` in a sheet). */
  className?: string | undefined
  loadingTextClassName?: string | undefined
}

/** What a screen shows until its data comes: a spinner, or why it did not come and a retry. */
export function LoadState({
  error,
  onRetry,
  loadingText,
  className,
  loadingTextClassName,
}: LoadStateProps) {
  const { t, lang } = useT()
  const box = className ? `${className} state-box` : 'state-box'
  if (error) {
    return (
      <div className={box} role="alert">
        <p>{errorText(t, lang, error)}</p>
        {onRetry && (
          <button type="button" className="btn-ghost" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    )
  }
  return (
    <div className={box} aria-busy="true">
      <Spinner />
      {loadingText && <span className={loadingTextClassName}>{loadingText}</span>}
    </div>
  )
}

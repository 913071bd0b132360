import { useId, useState } from 'react'
import { AppVersionSchema } from '@/contract/sim.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { SwitchRow } from './controls.tsx'
import { defaultAppVersion } from './personas.ts'
import { useChangeSettings } from './useChangeSettings.ts'

/**
 * The Taobao app version the phone reports: the persona's own (the default), or one typed here. A typed
 * version applies as soon as it reads as x.y.z; anything else is shown as wrong and not sent.
 */
export function AppVersionRows() {
  const { t } = useT()
  const persona = useSettings((s) => s.persona)
  const appVersion = useSettings((s) => s.appVersion)
  const change = useChangeSettings()
  const personaDefault = defaultAppVersion(persona)
  const [draft, setDraft] = useState(appVersion ?? personaDefault)
  const inputId = useId()
  const errorId = useId()
  const valid = isAppVersion(draft)

  function edit(next: string) {
    setDraft(next)
    const trimmed = next.trim()
    if (isAppVersion(trimmed) && trimmed !== appVersion) change({ appVersion: trimmed })
  }

  return (
    <>
      <SwitchRow
        label={t('sim.app.useDefault', { version: personaDefault })}
        checked={appVersion === null}
        onChange={(useDefault) => {
          // Either way the field starts from the persona's version, ready to be edited.
          setDraft(personaDefault)
          change({ appVersion: useDefault ? null : personaDefault })
        }}
      />
      {appVersion !== null && (
        <div className="sim-row sim-row--field">
          <label className="sim-row__label" htmlFor={inputId}>
            {t('sim.app.version')}
          </label>
          <input
            id={inputId}
            className="sim-input"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            aria-invalid={!valid}
            aria-describedby={valid ? undefined : errorId}
            onChange={(e) => edit(e.currentTarget.value)}
          />
          {!valid && (
            <p id={errorId} className="sim-row__error" role="alert">
              {t('sim.app.invalid')}
            </p>
          )}
        </div>
      )}
    </>
  )
}

function isAppVersion(text: string): boolean {
  return AppVersionSchema.safeParse(text.trim()).success
}

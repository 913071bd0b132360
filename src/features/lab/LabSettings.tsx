import { useT } from '@/lib/i18n/i18n.ts'
import { KLM_OPERATORS, KLM_SOURCE, secondsFromText } from './klm.ts'
import { SPEEDS, useLabStore } from './lab-store.ts'
import { NumberField } from './NumberField.tsx'

/** Autoplay's speed and the KLM operator times (the prediction and autoplay's pace both use them). */
export function LabSettings() {
  const { t } = useT()
  const klm = useLabStore((s) => s.klm)
  const speed = useLabStore((s) => s.speed)
  const setKlm = useLabStore((s) => s.setKlm)
  const setSpeed = useLabStore((s) => s.setSpeed)
  return (
    <section className="lab-card" aria-labelledby="lab-settings">
      <h2 id="lab-settings">{t('lab.controls.title')}</h2>
      <div className="lab-field">
        <label htmlFor="lab-speed">{t('lab.controls.speed')}</label>
        <select
          id="lab-speed"
          value={speed}
          data-testid="lab-speed"
          onChange={(e) => setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t('lab.controls.speedOption', { speed: s })}
            </option>
          ))}
        </select>
      </div>
      <p className="lab-hint">{t('lab.controls.speedHint')}</p>
      <fieldset className="lab-fieldset">
        <legend>{t('lab.controls.klm')}</legend>
        {KLM_OPERATORS.map((op) => (
          <NumberField
            key={op}
            label={t(`lab.controls.${op}`)}
            initial={String(klm[op])}
            parse={secondsFromText}
            onValid={(value) => setKlm({ ...useLabStore.getState().klm, [op]: value })}
            invalidText={t('lab.controls.invalid')}
            testId={`lab-klm-${op}`}
          />
        ))}
        <p className="lab-hint lab-source" data-testid="lab-klm-source">
          {t('lab.controls.klmSource', { source: KLM_SOURCE })}
        </p>
      </fieldset>
    </section>
  )
}

import { useT } from '@/lib/i18n/i18n.ts'
import { shareFromPercent } from './funnel.ts'
import { useLabStore } from './lab-store.ts'
import { NumberField } from './NumberField.tsx'
import type { FlowRow } from './table-rows.ts'

const percent = (share: number) => String(Math.round(share * 1000) / 10)

/** Of 100 shoppers who start each route, how many finish, from an editable drop-off per step. */
export function FunnelView({ rows }: { rows: readonly FlowRow[] }) {
  const { t } = useT()
  const drop = useLabStore((s) => s.drop)
  const setDrop = useLabStore((s) => s.setDrop)
  return (
    <section className="lab-card" aria-labelledby="lab-funnel">
      <h2 id="lab-funnel">{t('lab.funnel.title')}</h2>
      <p className="lab-hint">{t('lab.funnel.hint')}</p>
      <div className="lab-funnel__inputs">
        <NumberField
          label={t('lab.funnel.perStep')}
          initial={percent(drop.perStep)}
          parse={shareFromPercent}
          onValid={(perStep) => setDrop({ ...useLabStore.getState().drop, perStep })}
          invalidText={t('lab.funnel.invalid')}
          testId="lab-drop-step"
        />
        <NumberField
          label={t('lab.funnel.perSwitch')}
          initial={percent(drop.perSwitch)}
          parse={shareFromPercent}
          onValid={(perSwitch) => setDrop({ ...useLabStore.getState().drop, perSwitch })}
          invalidText={t('lab.funnel.invalid')}
          testId="lab-drop-switch"
        />
      </div>
      <ul className="lab-funnel">
        {rows.map((row) => {
          const n = Math.round(row.completing * 100)
          return (
            <li key={row.run.id} data-testid={`lab-funnel-${row.flow}`}>
              <span>
                {t('lab.funnel.completing', { flow: t(`lab.flows.${row.flow}.name`), n })}
              </span>
              <span className="lab-funnel__track" aria-hidden="true">
                <span
                  className={`lab-funnel__bar lab-funnel__bar--${row.flow}`}
                  style={{ width: `${n}%` }}
                />
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

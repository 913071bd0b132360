import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { ChoiceList, Group } from './controls.tsx'
import { PERSONA_IDS } from './personas.ts'
import { useChangeSettings } from './useChangeSettings.ts'

/** Who is logged in on this phone: the personas of BRIEF §6, each with what it breaks. */
export function PersonaGroup() {
  const { t } = useT()
  const persona = useSettings((s) => s.persona)
  const change = useChangeSettings()
  return (
    <Group id="sim-who" title={t('sim.who.title')} footer={t('sim.who.footer')}>
      <ChoiceList
        name="persona"
        label={t('sim.who.persona')}
        value={persona}
        options={PERSONA_IDS.map((id) => ({
          value: id,
          label: t(`sim.personas.${id}.name`),
          code: id,
          desc: t(`sim.personas.${id}.desc`),
        }))}
        onChange={(next) => change({ persona: next })}
      />
    </Group>
  )
}

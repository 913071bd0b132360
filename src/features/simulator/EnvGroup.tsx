import { useT } from '@/lib/i18n/i18n.ts'
import { effectiveLang, LANGS, useSettings } from '@/lib/settings.ts'
import { AppVersionRows } from './AppVersionRows.tsx'
import { Group, Segmented } from './controls.tsx'
import { ERAS, WECHAT_MIN_APP_VERSION } from './personas.ts'
import { useChangeSettings } from './useChangeSettings.ts'

/** When (era), in which language, on which app version. */
export function EnvGroup() {
  const { t } = useT()
  const era = useSettings((s) => s.era)
  const lang = useSettings((s) => effectiveLang(s.lang))
  const change = useChangeSettings()
  return (
    <Group
      id="sim-env"
      title={t('sim.env.title')}
      footer={t('sim.env.footer', { version: WECHAT_MIN_APP_VERSION })}
    >
      <Segmented
        name="era"
        label={t('sim.env.era')}
        value={era}
        options={ERAS.map((id) => ({ value: id, label: t(`sim.eras.${id}`) }))}
        onChange={(next) => change({ era: next })}
      />
      <Segmented
        name="lang"
        label={t('sim.env.lang')}
        value={lang}
        // Each language names itself, in itself.
        options={LANGS.map((id) => ({ value: id, label: LANG_NAMES[id], lang: id }))}
        onChange={(next) => change({ lang: next })}
      />
      <AppVersionRows />
    </Group>
  )
}

const LANG_NAMES: Record<(typeof LANGS)[number], string> = { 'zh-CN': '中文', en: 'English' }

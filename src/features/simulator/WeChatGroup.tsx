import { payCodeUrls } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { LONG_PRESS_POLICIES, useSettings } from '@/lib/settings.ts'
import { ChoiceList, Group, Segmented } from './controls.tsx'
import { useChangeSettings } from './useChangeSettings.ts'

/** What the scan-code QR encodes and how the simulated WeChat treats a long-press on a pay code. */
export function WeChatGroup() {
  const { t } = useT()
  const qrPayload = useSettings((s) => s.qrPayload)
  const longPress = useSettings((s) => s.longPress)
  const change = useChangeSettings()
  // The two forms with the token left out.
  const form = payCodeUrls(window.location.origin, '')
  return (
    <Group id="sim-wechat" title={t('sim.wechat.title')} footer={t('sim.wechat.footer')}>
      <ChoiceList
        name="qr"
        label={t('sim.wechat.qr')}
        value={qrPayload}
        options={[
          { value: 'web', label: t('sim.wechat.qrWeb'), desc: `${form.web}…` },
          { value: 'weixin', label: t('sim.wechat.qrWeixin'), desc: `${form.weixin}…` },
        ]}
        onChange={(next) => change({ qrPayload: next })}
        showLabel
      />
      <Segmented
        name="long-press"
        label={t('sim.wechat.longPress')}
        value={longPress}
        options={LONG_PRESS_POLICIES.map((id) => ({ value: id, label: t(`sim.wechat.${id}`) }))}
        onChange={(next) => change({ longPress: next })}
        stacked
      />
    </Group>
  )
}

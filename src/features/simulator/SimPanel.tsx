import { useT } from '@/lib/i18n/i18n.ts'
import { Sheet } from '@/ui/Sheet.tsx'
import { ClockGroup } from './ClockGroup.tsx'
import { EnvGroup } from './EnvGroup.tsx'
import { FaultsGroup } from './FaultsGroup.tsx'
import { HuabeiGroup } from './HuabeiGroup.tsx'
import { PersonaGroup } from './PersonaGroup.tsx'
import { ResetGroup } from './ResetGroup.tsx'
import { WeChatGroup } from './WeChatGroup.tsx'
import './sim-panel.css'

/**
 * 模拟器设置: the simulator's own tool, drawn as an iOS settings sheet (grey, blue, a SIM badge) so it
 * never passes for part of Taobao. This phone's settings apply at once and persist; the gateway's (fees,
 * faults, clock, reset) go to the test API and are shared by every phone.
 */
export function SimPanel({ onClose }: { onClose: () => void }) {
  const { t } = useT()
  return (
    // Above whatever a change of persona or era opens again behind it (the cashier, its dialogs).
    <Sheet onClose={onClose} labelledBy="sim-title" testId="sim-sheet" onTop>
      <div className="sim">
        <header className="sim__head">
          <span className="sim__badge" aria-hidden="true">
            SIM
          </span>
          <div className="sim__titles">
            <h2 id="sim-title">{t('sim.title')}</h2>
            <p className="sim__sub">{t('sim.subtitle')}</p>
          </div>
          <button type="button" className="sim__done" onClick={onClose}>
            {t('sim.done')}
          </button>
        </header>
        <div className="sheet__body sim__body">
          <PersonaGroup />
          <EnvGroup />
          <WeChatGroup />
          <HuabeiGroup />
          <FaultsGroup />
          <ClockGroup />
          <ResetGroup />
        </div>
      </div>
    </Sheet>
  )
}

import { use, useState } from 'react'
import { loadMessages, useT } from '@/lib/i18n/i18n.ts'
import { useMyStudies } from './my-studies.ts'
import { StudyCard } from './StudyCard.tsx'
import { StudyForm } from './StudyForm.tsx'
import './studies.css'

/**
 * The lab's 研究 / Studies section: a form for a new study and the studies this browser made, each with
 * its join link, QR code and the owner's results link. Its words load with it (the `labStudy` namespace).
 */
export function StudiesSection() {
  use(loadMessages('labStudy'))
  const { t } = useT()
  const studies = useMyStudies((s) => s.studies)
  const add = useMyStudies((s) => s.add)
  const [fresh, setFresh] = useState<string | null>(null)
  return (
    <section className="lab-card lab-card--wide studies" aria-labelledby="lab-studies">
      <h2 id="lab-studies">{t('labStudy.section.title')}</h2>
      <p className="lab-hint studies__intro">{t('labStudy.section.intro')}</p>
      <div className="studies__grid">
        <StudyForm
          onCreated={(study) => {
            add(study)
            setFresh(study.id)
            // The new card is where the eye goes next.
            requestAnimationFrame(() =>
              document
                .querySelector(
                  `[data-testid="study-card"][data-study-id="${CSS.escape(study.id)}"]`,
                )
                ?.scrollIntoView({ block: 'nearest' }),
            )
          }}
        />
        <div className="studies__list" aria-labelledby="lab-studies-list" role="region">
          <h3 id="lab-studies-list">{t('labStudy.list.title')}</h3>
          <p className="lab-hint">{t('labStudy.list.note')}</p>
          {studies.length === 0 ? (
            <p className="lab-hint">{t('labStudy.list.empty')}</p>
          ) : (
            <div className="studies__cards" aria-live="polite">
              {studies.map((study) => (
                <StudyCard key={study.id} study={study} fresh={study.id === fresh} />
              ))}
            </div>
          )}
        </div>
      </div>
    </section>
  )
}

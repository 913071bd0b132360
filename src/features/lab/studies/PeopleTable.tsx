import { memo } from 'react'
import type { StudyResults } from '@/contract/study.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ConfirmButton } from './ConfirmButton.tsx'

/** Every participant (ids only: no personal data), each deletable by the owner. */
export const PeopleTable = memo(function PeopleTable({
  people,
  onDelete,
}: {
  people: StudyResults['people']
  onDelete: (participantId: string) => Promise<void>
}) {
  const { t, lang } = useT()
  const time = new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'short' })
  return (
    <section className="lab-card lab-card--wide" aria-labelledby="study-people">
      <h2 id="study-people">{t('labStudy.results.people.title')}</h2>
      {people.length === 0 ? (
        <p className="lab-hint">{t('labStudy.results.people.empty')}</p>
      ) : (
        <div className="study-scroll study-scroll--tall">
          <table className="lab-table study-table study-people" data-testid="study-people">
            <caption className="visually-hidden">{t('labStudy.results.people.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('labStudy.results.people.id')}</th>
                <th scope="col">{t('labStudy.results.people.status')}</th>
                <th scope="col">{t('labStudy.results.people.joined')}</th>
                <th scope="col">{t('labStudy.results.people.tasks')}</th>
                <th scope="col">{t('labStudy.results.people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr
                  key={person.participantId}
                  data-testid="study-person"
                  data-participant-id={person.participantId}
                  data-status={person.status}
                >
                  <th scope="row">
                    <code>{person.participantId}</code>
                  </th>
                  <td>
                    <span className={`study-status study-status--${person.status}`}>
                      {t(`labStudy.results.people.statuses.${person.status}`)}
                    </span>
                  </td>
                  <td>{time.format(person.joinedAt)}</td>
                  <td>
                    {person.tasks.map((task, i) => (
                      <span key={`${task.route}-${i}`} className="study-task">
                        {t(`labStudy.routes.${task.route}`)}:{' '}
                        {t(`labStudy.results.people.taskStatus.${task.status}`)}
                      </span>
                    ))}
                  </td>
                  <td>
                    <ConfirmButton
                      label={t('labStudy.results.people.delete')}
                      ariaLabel={t('labStudy.results.people.deleteLabel', {
                        id: person.participantId,
                      })}
                      question={t('labStudy.results.people.confirm', { id: person.participantId })}
                      confirmLabel={t('labStudy.card.confirm')}
                      testId="study-person-delete"
                      onConfirm={() => onDelete(person.participantId)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
})

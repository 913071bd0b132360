import { isApiError } from '@/lib/api/client.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ConfirmButton } from './ConfirmButton.tsx'
import { deleteStudy } from './study-api.ts'

/** 删除研究, asked first: the study and all its participants' data go; one already gone counts as deleted. */
export function DeleteStudyButton(props: {
  studyId: string
  ownerKey: string
  onDeleted: () => void
}) {
  const { t } = useT()
  return (
    <ConfirmButton
      label={t('labStudy.card.delete')}
      question={t('labStudy.card.confirmDelete')}
      confirmLabel={t('labStudy.card.confirm')}
      testId="study-delete"
      onConfirm={async () => {
        try {
          await deleteStudy(props.studyId, props.ownerKey)
        } catch (error) {
          if (!(isApiError(error) && error.code === 'STUDY_NOT_FOUND')) throw error
        }
        props.onDeleted()
      }}
    />
  )
}

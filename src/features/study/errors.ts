import type { Failure } from '@/lib/failure.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import type { Translate } from '@/lib/i18n/i18n.ts'

const STUDY_CODES = [
  'STUDY_NOT_FOUND',
  'PARTICIPANT_NOT_FOUND',
  'STUDY_CLOSED',
  'TOO_MANY_WORLDS',
] as const
type StudyCode = (typeof STUDY_CODES)[number]
const isStudyCode = (code: string): code is StudyCode =>
  (STUDY_CODES as readonly string[]).includes(code)

/** The words a participant reads for a failed call: the study's own codes, else the app's. */
export function studyErrorText(t: Translate, lang: string, failure: Failure): string {
  return isStudyCode(failure.code) ? t(`study.errors.${failure.code}`) : errorText(t, lang, failure)
}

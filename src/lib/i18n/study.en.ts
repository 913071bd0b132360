import type { StudyMessages } from './study.zh-CN.ts'

/** See study.zh-CN.ts. */
export const studyEn: StudyMessages = {
  title: 'Take part in a study',
}

import type { LabStudyMessages } from './lab-study.zh-CN.ts'

/** See lab-study.zh-CN.ts. */
export const labStudyEn: LabStudyMessages = {
  title: 'Study',
}

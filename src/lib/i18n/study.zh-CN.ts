/** The strings of a study’s join page (/study/:id), in Simplified Chinese: the shape every language follows. */
export const studyZhCN = {
  title: '参与研究',
}
export type StudyMessages = typeof studyZhCN

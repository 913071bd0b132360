/** The strings of the lab’s studies (making one, its results), in Simplified Chinese: the shape every language follows. */
export const labStudyZhCN = {
  title: '研究',
}
export type LabStudyMessages = typeof labStudyZhCN

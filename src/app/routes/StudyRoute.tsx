import { StudyScreen } from '@/features/study/StudyScreen.tsx'

/** `/study/:studyId`: a participant's page (see features/study). */
export function StudyRoute() {
  return <StudyScreen />
}

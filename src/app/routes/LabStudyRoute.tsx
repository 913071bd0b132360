import { StudyResultsScreen } from '@/features/lab/studies/StudyResultsScreen.tsx'

/** `/lab/studies/:studyId?key=`: a study's results, live (see features/lab/studies). */
export function LabStudyRoute() {
  return <StudyResultsScreen />
}

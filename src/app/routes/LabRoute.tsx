import { LabScreen } from '@/features/lab/LabScreen.tsx'

/** `/lab`: the UX lab, a desktop screen outside the phone shell (see features/lab). */
export function LabRoute() {
  return <LabScreen />
}

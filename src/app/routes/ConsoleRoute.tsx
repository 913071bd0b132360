import { useParams } from 'react-router'
import { ConsoleScreen } from '@/features/console/ConsoleScreen.tsx'
import type { ConsoleObjectKind } from '@/contract/console.ts'
import { NotFoundRoute } from './NotFoundRoute.tsx'

const KINDS: readonly string[] = [
  'order',
  'payment',
  'refund',
  'merchant',
] satisfies ConsoleObjectKind[]
const isKind = (kind: string | undefined): kind is ConsoleObjectKind =>
  kind !== undefined && KINDS.includes(kind)

/** `/console`: one world's timeline, a desktop screen outside the phone shell (see features/console). */
export function ConsoleRoute() {
  return <ConsoleScreen object={null} />
}

/** `/console/:kind/:id`: an object's page; an unknown kind is a page that does not exist. */
export function ConsoleObjectRoute() {
  const { kind, id } = useParams()
  if (!isKind(kind) || !id) return <NotFoundRoute />
  return <ConsoleScreen object={{ kind, id }} />
}

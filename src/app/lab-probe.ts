import { labRunId } from '@/lib/instrument/lab-run.ts'
import { installRecorder } from '@/lib/instrument/recorder.ts'
import { appOf } from './phone/phone-store.ts'
import { onLocation } from './location-feed.ts'

/**
 * Joins the lab's recorder to the app: every location the router commits is a screen, and its app (Taobao
 * or WeChat) tells the recorder when the phone switched apps. Loaded only in a frame (see main.tsx), and
 * started only inside the lab (`?lab=<runId>`, remembered for the frame).
 */
export function startLabProbe(search: string): void {
  const runId = labRunId(search)
  if (!runId) return
  const recorder = installRecorder(runId)
  let last = ''
  const report = ({ pathname, search }: { pathname: string; search: string }) => {
    if (`${pathname}${search}` === last) return
    last = `${pathname}${search}`
    recorder.screen(pathname, search, appOf(pathname))
  }
  onLocation(report)
}

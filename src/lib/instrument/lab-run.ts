import { readSim } from '@/contract/paths.ts'

const RUN_PATTERN = /^[A-Za-z0-9_-]{1,32}$/

/** Per frame, like the device (lib/device.ts): a reload of one phone keeps reporting to its run. */
function sessionKey(): string {
  return `tbsim:lab-run:${window.name}`
}

/**
 * The lab run this page reports to, or null outside the lab: `?lab=<runId>` names it when the lab opens a
 * phone, and it is remembered for the frame so a reload does not lose it. Only framed pages report.
 */
export function labRunId(search: string): string | null {
  let framed = false
  try {
    framed = window.self !== window.top
  } catch {
    framed = true
  }
  if (!framed) return null
  const wanted = readSim(search).lab
  try {
    if (wanted && RUN_PATTERN.test(wanted)) {
      sessionStorage.setItem(sessionKey(), wanted)
      return wanted
    }
    const saved = sessionStorage.getItem(sessionKey())
    return saved && RUN_PATTERN.test(saved) ? saved : null
  } catch {
    return wanted && RUN_PATTERN.test(wanted) ? wanted : null
  }
}

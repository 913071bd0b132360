import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export class DataFolderBusyError extends Error {}

/**
 * When a process started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or `null` where
 * /proc is not there. A PID alone is not an identity: after a crash and a reboot, or just enough
 * processes, the PID in a stale lock belongs to someone else, and a lock that trusted it would never
 * open again.
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return fields[19] ?? null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM'
  }
}

/** Whether the process a lock names is the very process that wrote it, and still running. */
export function lockIsLive(content: string): boolean {
  const [pidText, start] = content.trim().split(/\s+/)
  const pid = Number(pidText)
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return false
  // Old locks hold a PID only; where /proc is missing, a live PID is all we can know.
  if (start === undefined) return true
  const now = processStart(pid)
  return now === null || now === start
}

/**
 * A LOCK file keeps a second live process from interleaving its own history into the same journal. It
 * holds `<pid> <start time>`; one left by a dead process (or by a PID since reused) is taken over.
 */
export function takeLock(dir: string): () => void {
  const lockPath = join(dir, 'LOCK')
  const mine = `${process.pid} ${processStart(process.pid) ?? ''}`.trim()
  try {
    writeFileSync(lockPath, mine, { flag: 'wx' })
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error
    const held = readFileSync(lockPath, 'utf8')
    if (lockIsLive(held)) {
      const pid = held.trim().split(/\s+/)[0] ?? '?'
      throw new DataFolderBusyError(
        `data folder ${dir} is in use by process ${pid}; ` +
          'set GATEWAY_DATA to another folder (or to "memory")',
      )
    }
    writeFileSync(lockPath, mine)
  }
  return () => rmSync(lockPath, { force: true })
}

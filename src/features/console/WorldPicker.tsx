import { useEffect, useState } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { fetchWorlds } from './console-api.ts'

/**
 * The world shown, and the others this instance holds (the test API's list: loopback or the token
 * only); without the list, just the world's name.
 */
export function WorldPicker({ world, onPick }: { world: string; onPick: (world: string) => void }) {
  const { t } = useT()
  const [worlds, setWorlds] = useState<string[] | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    fetchWorlds(abort.signal).then(
      (list) => setWorlds(list.worlds.map((w) => w.world)),
      () => setWorlds(null),
    )
    return () => abort.abort()
  }, [])
  const choices = worlds && worlds.includes(world) ? worlds : [world, ...(worlds ?? [])]
  return (
    <label className="console-world">
      <span>{t('console.world')}</span>
      <select
        data-testid="console-world"
        value={world}
        aria-label={t('console.worldPicker')}
        onChange={(e) => onPick(e.target.value)}
      >
        {choices.map((id) => (
          <option key={id} value={id}>
            {id === 'default' ? `${id} (${t('console.defaultWorld')})` : id}
          </option>
        ))}
      </select>
    </label>
  )
}

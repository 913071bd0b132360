import { z } from 'zod'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

/** A study this browser made: enough to list it and open its results (the key is the owner's). */
export const MyStudySchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(80).nullable(),
  ownerKey: z.string().min(1).max(200),
  createdAt: z.number(),
  /** The join link the server gave (absolute or from the site's root). */
  joinUrl: z.string().max(2000).optional(),
})
export type MyStudy = z.infer<typeof MyStudySchema>

const MY_STUDIES_MAX = 100

interface MyStudiesStore {
  studies: MyStudy[]
  add: (study: MyStudy) => void
  remove: (id: string) => void
}

/** What a saved list holds, keeping only the entries that are still well-formed. */
export function readSavedStudies(saved: unknown): MyStudy[] {
  const list = z.object({ studies: z.array(z.unknown()) }).safeParse(saved)
  if (!list.success) return []
  return list.data.studies.flatMap((entry) => {
    const parsed = MyStudySchema.safeParse(entry)
    return parsed.success ? [parsed.data] : []
  })
}

/** The studies this browser made, newest first, kept in localStorage (not on the server: it has no accounts). */
export const useMyStudies = create<MyStudiesStore>()(
  persist(
    (set) => ({
      studies: [],
      add: (study) =>
        set((s) => ({
          studies: [study, ...s.studies.filter((x) => x.id !== study.id)].slice(0, MY_STUDIES_MAX),
        })),
      remove: (id) => set((s) => ({ studies: s.studies.filter((x) => x.id !== id) })),
    }),
    {
      name: 'tbsim-lab-studies',
      version: 1,
      partialize: ({ studies }) => ({ studies }),
      merge: (saved, current) => ({ ...current, studies: readSavedStudies(saved) }),
    },
  ),
)

import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval'
import { create } from 'zustand'
import { deviceKey } from '../device.ts'

/**
 * The simulated phone's photo album (相册): screenshots and saved images, kept per device in IndexedDB
 * (`tbsim:<device>:album`), so they survive a reload and two phones in one browser don't share photos.
 * The image bytes live in IndexedDB; the list of photos (newest first) in a small zustand store.
 */
export interface AlbumPhoto {
  id: string
  createdAt: number
  /** How it got here: the phone's screenshot button, or a "save image" in an app. */
  origin: 'screenshot' | 'saved'
  width: number
  height: number
}

interface StoredPhoto extends AlbumPhoto {
  blob: Blob
}

const INDEX_KEY = 'index'
const MAX_PHOTOS = 60

let idb: UseStore | null = null
function store(): UseStore {
  idb ??= createStore(deviceKey('album'), 'photos')
  return idb
}

interface AlbumState {
  photos: AlbumPhoto[]
  loaded: boolean
}

export const useAlbum = create<AlbumState>()(() => ({ photos: [], loaded: false }))

let loading: Promise<AlbumPhoto[]> | null = null

/** Reads the album's index once per page; later calls get the same answer. */
export function loadAlbum(): Promise<AlbumPhoto[]> {
  loading ??= get<AlbumPhoto[]>(INDEX_KEY, store()).then(
    (photos) => {
      useAlbum.setState({ photos: photos ?? [], loaded: true })
      return photos ?? []
    },
    () => {
      useAlbum.setState({ loaded: true })
      return []
    },
  )
  return loading
}

function newPhotoId(): string {
  const bytes = new Uint8Array(6)
  crypto.getRandomValues(bytes)
  return `${Date.now().toString(36)}${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** Adds a PNG to the album, newest first; the oldest beyond the album's size are dropped. */
export async function addPhoto(
  blob: Blob,
  meta: Pick<AlbumPhoto, 'origin' | 'width' | 'height'>,
): Promise<AlbumPhoto> {
  const current = await loadAlbum().then(() => useAlbum.getState().photos)
  const photo: AlbumPhoto = { id: newPhotoId(), createdAt: Date.now(), ...meta }
  const stored: StoredPhoto = { ...photo, blob }
  await set(photo.id, stored, store())
  const photos = [photo, ...current]
  const dropped = photos.splice(MAX_PHOTOS)
  await set(INDEX_KEY, photos, store())
  await Promise.all(dropped.map((p) => del(p.id, store())))
  for (const p of dropped) forgetUrl(p.id)
  useAlbum.setState({ photos, loaded: true })
  return photo
}

/** The photo's bytes, or null when it is gone. */
export async function photoBlob(id: string): Promise<Blob | null> {
  const stored = await get<StoredPhoto>(id, store())
  return stored?.blob ?? null
}

const urls = new Map<string, Promise<string | null>>()

/** An object URL for showing the photo (made once per page and kept). */
export function photoUrl(id: string): Promise<string | null> {
  let url = urls.get(id)
  if (!url) {
    url = photoBlob(id).then((blob) => (blob ? URL.createObjectURL(blob) : null))
    urls.set(id, url)
  }
  return url
}

function forgetUrl(id: string): void {
  const url = urls.get(id)
  urls.delete(id)
  void url?.then((u) => u && URL.revokeObjectURL(u))
}

export async function removePhoto(id: string): Promise<void> {
  await loadAlbum()
  const photos = useAlbum.getState().photos.filter((p) => p.id !== id)
  await del(id, store())
  await set(INDEX_KEY, photos, store())
  forgetUrl(id)
  useAlbum.setState({ photos })
}

/** Empties this phone's album (the simulator's "reset all data"). */
export async function clearAlbum(): Promise<void> {
  await clear(store())
  for (const id of [...urls.keys()]) forgetUrl(id)
  useAlbum.setState({ photos: [], loaded: true })
}

/**
 * For `expect(page).toHaveURL(...)`: the page is at exactly `path` (its query included), whatever the
 * origin. Build `path` with src/contract/paths.ts, the app's own builders.
 */
export function at(path: string): (url: URL) => boolean {
  return (url) => `${url.pathname}${url.search}` === path
}

/** WeChat's short times: "14:05" today, "昨天"/"Yesterday", else the date. */
export function chatTime(at: number, now: number, lang: string, yesterday: string): string {
  const day = (t: number) => new Date(t).toDateString()
  if (day(at) === day(now)) {
    return new Intl.DateTimeFormat(lang, {
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(at)
  }
  if (day(at) === day(now - 86_400_000)) return yesterday
  return new Intl.DateTimeFormat(lang, { month: 'numeric', day: 'numeric' }).format(at)
}

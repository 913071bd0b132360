import { useEffect, useRef, useState } from 'react'

export const PIN_LENGTH = 6

interface PinEntryOptions {
  /** Checking, or something drawn over the pad: keys do nothing. */
  locked: boolean
  onComplete: (pin: string) => void
  onEscape?: () => void
}

/**
 * The typing behind every 6-digit password pad (Alipay's, UnionPay's, WeChat's, the friend's page): digits
 * from the on-screen keys or the physical keyboard, the sixth submits, delete until then. Remount the pad
 * (a new key) to clear it after a failed try.
 */
export function usePinEntry({ locked, onComplete, onEscape }: PinEntryOptions) {
  const [digits, setDigits] = useState('')
  // The ref, not the state, decides: two key presses in one frame must both count.
  const typed = useRef('')

  function press(digit: string) {
    if (locked || typed.current.length >= PIN_LENGTH) return
    typed.current += digit
    setDigits(typed.current)
    if (typed.current.length === PIN_LENGTH) onComplete(typed.current)
  }

  function erase() {
    if (locked || typed.current.length === 0 || typed.current.length >= PIN_LENGTH) return
    typed.current = typed.current.slice(0, -1)
    setDigits(typed.current)
  }

  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => {})
  useEffect(() => {
    keyHandler.current = (event) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return
      if (/^\d$/.test(event.key)) {
        event.preventDefault()
        press(event.key)
      } else if (event.key === 'Backspace') {
        event.preventDefault()
        erase()
      } else if (event.key === 'Escape' && onEscape) {
        onEscape()
      }
    }
  })
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return { digits, press, erase }
}

/**
 * System Usability Scale, Brooke (1996) "SUS: a quick and dirty usability scale": ten items answered 1–5;
 * the odd items (positively worded) contribute score − 1, the even items (negatively worded) 5 − score;
 * the sum (0–40) times 2.5 gives 0–100.
 */
export function susScore(answers: readonly number[]): number {
  if (answers.length !== 10) throw new RangeError(`SUS has 10 answers, got ${answers.length}`)
  let sum = 0
  answers.forEach((answer, i) => {
    if (!Number.isInteger(answer) || answer < 1 || answer > 5) {
      throw new RangeError(`SUS answer ${i + 1} must be a whole number 1–5: ${answer}`)
    }
    sum += i % 2 === 0 ? answer - 1 : 5 - answer
  })
  return sum * 2.5
}

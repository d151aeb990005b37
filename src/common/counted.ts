/** A count with its noun in the right number: `1 scenario`, `2 scenarios`. */
export function counted(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

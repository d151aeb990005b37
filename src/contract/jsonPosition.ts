/** The 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Finds the 1-based line and column of JSON.parse's reported error position, if it reports one. */
export function jsonErrorPosition(text: string, error: Error): { line: number; column: number } {
  const match = /position (\d+)/.exec(error.message);
  return positionAt(text, match ? Number(match[1]) : 0);
}

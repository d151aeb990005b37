/** Finds the 1-based line and column of JSON.parse's reported error position, if it reports one. */
export function jsonErrorPosition(text: string, error: Error): { line: number; column: number } {
  const match = /position (\d+)/.exec(error.message);
  const offset = match ? Number(match[1]) : 0;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

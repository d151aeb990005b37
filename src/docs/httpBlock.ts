import type { CodeBlock } from './docsPage';

/** An HTTP request or response as a docs page writes it: start line, headers, body, each with its page line. */
export interface HttpMessage {
  /** `PATCH https://…` or `HTTP/1.1 200 OK`. */
  startLine: string;
  headers: Array<{ name: string; value: string; line: number }>;
  body: string;
  /** The page line the body starts on (0 when there is none). */
  bodyLine: number;
  /** A header block runs straight into a body: a line that is not `Name: value` without the blank line before it. */
  missingBlankLine?: number;
  method?: string;
  url?: string;
  status?: number;
}

/** Splits an `http` fenced block; lines are counted on the page (the content starts the line after the fence). */
export function httpMessage(block: CodeBlock): HttpMessage {
  const lines = block.content.replace(/\n$/, '').split('\n');
  const first = block.line + 1;
  const message: HttpMessage = { startLine: lines[0]?.trim() ?? '', headers: [], body: '', bodyLine: 0 };
  const request = /^([A-Z]+)\s+(\S+)/.exec(message.startLine);
  const response = /^HTTP\/[\d.]+\s+(\d{3})/.exec(message.startLine);
  if (response) message.status = Number(response[1]);
  else if (request) [message.method, message.url] = [request[1], request[2]];
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      break;
    }
    const header = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (!header) {
      message.missingBlankLine = first + i;
      break;
    }
    message.headers.push({ name: header[1], value: header[2].trim(), line: first + i });
  }
  const rest = lines.slice(i);
  if (rest.some((l) => l.trim() !== '')) {
    message.body = rest.join('\n');
    message.bodyLine = first + i;
  }
  return message;
}

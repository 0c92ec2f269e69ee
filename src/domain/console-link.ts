/** The complaint's page in the officer console, when CONSOLE_URL says where the console is. */
export function complaintLink(consoleUrl: string | null | undefined, id: string): string | null {
  return consoleUrl ? `${consoleUrl.replace(/\/+$/, '')}/complaints/${encodeURIComponent(id)}` : null;
}

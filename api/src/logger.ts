/** Pino's shape (the app passes `app.log`); scripts pass a console adapter. */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** The queue's and the jobs' log lines (message first, as media-pipeline writes them) into a Logger. */
export function jobLogger(log: Logger): (message: string, fields?: Record<string, unknown>) => void {
  return (message, fields) => log.info(fields ?? {}, message);
}

import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export interface LogOutput {
  /** One coloured line per entry for a person at a terminal; JSON lines for everything else. */
  humanReadable?: boolean;
  /** Where lines go (tests); stdout by default. */
  destination?: DestinationStream & NodeJS.WritableStream;
}

interface RequestLog {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/** pino-http's entries as `GET /api/me 200 4ms (request completed)`; other entries keep their message. */
function requestLine(log: Record<string, unknown>, messageKey: string): string {
  // The entry is parsed JSON: a message that is not a string is shown as JSON, not as [object Object].
  const logged = log[messageKey] ?? '';
  const message = typeof logged === 'string' ? logged : JSON.stringify(logged);
  const { req, res, responseTime } = log as RequestLog;
  if (!req?.method || !res) return message;
  return `${req.method} ${req.url} ${res.statusCode} ${responseTime ?? '?'}ms (${message})`;
}

/**
 * Structured logs: JSON lines when stdout is a file, pipe or log collector; pino-pretty lines when it is
 * a terminal (npm start, npm run dev). Tests pass level 'silent'.
 */
export function createLogger(level: string, output: LogOutput = {}): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'ehr-api' },
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
  };
  const humanReadable = output.humanReadable ?? Boolean(process.stdout.isTTY);
  if (!humanReadable) return output.destination ? pino(options, output.destination) : pino(options);
  // In-process and synchronous: a worker-thread transport would add a thread and lose lines on a crash.
  const prettyStream = pretty({
    colorize: output.destination ? false : pretty.isColorSupported,
    translateTime: 'HH:MM:ss.l',
    singleLine: true,
    messageFormat: requestLine,
    ignore: 'pid,hostname,service,req,res,responseTime',
    sync: true,
    ...(output.destination ? { destination: output.destination } : {}),
  });
  return pino(options, prettyStream);
}

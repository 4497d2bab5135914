import { PassThrough } from 'node:stream';
import { createLogger } from './logger';

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('createLogger', () => {
  test('When a person reads the logs in a terminal, then each request is one human-readable line', () => {
    // Arrange
    const out = collect();
    const logger = createLogger('info', { humanReadable: true, destination: out.stream });

    // Act
    logger.info(
      { req: { id: 1, method: 'GET', url: '/api/me' }, res: { statusCode: 200 }, responseTime: 4 },
      'request completed',
    );
    logger.warn({ chainId: 1337 }, 'indexer behind');

    // Assert
    const [request, other] = out.text().trimEnd().split('\n');
    expect(request).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GET \/api\/me 200 4ms \(request completed\)$/);
    expect(other).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: indexer behind \{"chainId":1337\}$/);
  });

  test('When logs go to a file or a collector, then each entry is one JSON line', () => {
    // Arrange
    const out = collect();
    const logger = createLogger('info', { humanReadable: false, destination: out.stream });

    // Act
    logger.info({ req: { method: 'GET', url: '/api/me' } }, 'request completed');

    // Assert
    expect(out.text().trim().split('\n')).toHaveLength(1);
    const entry = JSON.parse(out.text().trim()) as { msg: string; service: string; req: { url: string } };
    expect(entry).toMatchObject({ msg: 'request completed', service: 'ehr-api', req: { url: '/api/me' } });
  });
});

/**
 * The dev stack prints one URL and the API accepts sign-ins from a list of origins: both come from
 * the same place, so what `npm start` prints always works and nothing else does.
 */
import { appAddress } from '../app-address';

describe('the app address the dev stack prints and allows', () => {
  it.each(['127.0.0.1', '0.0.0.0', '::'])(
    'When the app listens on %s, then it allows exactly the two loopback origins and prints one of them',
    (host) => {
      const address = appAddress(host, 4321);
      expect(address.origins).toEqual(['http://127.0.0.1:4321', 'http://localhost:4321']);
      expect(address.origins).toContain(address.url);
    },
  );

  it('When the app listens on one LAN address, then that address is the only origin', () => {
    expect(appAddress('192.168.1.20', 3000)).toEqual({
      url: 'http://192.168.1.20:3000',
      origins: ['http://192.168.1.20:3000'],
    });
  });
});

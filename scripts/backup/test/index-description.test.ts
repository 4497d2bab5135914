/**
 * Indexes travel as listIndexes reports them and are recreated with createIndexes: every option that
 * changes what the database accepts (unique, partial filter, TTL) must survive the trip.
 */
import { indexDescription } from '../mongo-export';

describe('an index as listIndexes reports it, made ready for createIndexes', () => {
  it('keeps the key, the name and the options, and drops the server-only fields', () => {
    const listed = {
      v: 2,
      key: { cid: 1, recipient: 1 },
      name: 'cid_1_recipient_1',
      unique: true,
      partialFilterExpression: { revoked: { $exists: false } },
      expireAfterSeconds: 600,
      ns: 'test.document_keys',
    };
    expect(indexDescription(listed)).toEqual({
      key: { cid: 1, recipient: 1 },
      name: 'cid_1_recipient_1',
      unique: true,
      partialFilterExpression: { revoked: { $exists: false } },
      expireAfterSeconds: 600,
    });
  });
});

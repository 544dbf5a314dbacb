import mongoose from 'mongoose';
import { isStoreUnavailable } from './store-health';

describe('isStoreUnavailable', () => {
  const { MongoBulkWriteError, MongoNetworkError, MongoServerError } = mongoose.mongo;

  it('sees the network error a bulk write keeps as its errorResponse (the store went away mid-write)', () => {
    const bulk = new MongoBulkWriteError(new MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017'), {} as never);
    expect(bulk.name).toBe('MongoBulkWriteError');
    expect(isStoreUnavailable(bulk)).toBe(true);
  });

  it('does not take a bulk write the server refused (a duplicate key) for an outage', () => {
    const refused = new MongoBulkWriteError(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 }), {} as never);
    expect(isStoreUnavailable(refused)).toBe(false);
  });
});

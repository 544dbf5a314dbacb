import mongoose from 'mongoose';
import { decodeCursor, encodeCursor, InvalidCursorError } from './cursor';
import { classifyStoreError, QueryTimeoutError, StoreUnavailableError } from './store-errors';

const { mongo } = mongoose;

describe('classifyStoreError', () => {
  it('turns MaxTimeMSExpired (code 50, what MongoDB and FerretDB answer) into QueryTimeoutError, keeping the driver error as cause', () => {
    const driver = new mongo.MongoServerError({ ok: 0, code: 50, codeName: 'MaxTimeMSExpired', errmsg: 'operation exceeded time limit' });
    const classified = classifyStoreError(driver);
    expect(classified).toBeInstanceOf(QueryTimeoutError);
    expect((classified as Error).cause).toBe(driver);
    expect((classified as Error).message).not.toContain('exceeded time limit');
  });

  it('turns FerretDB\'s interrupted query, answered through its maxTimeMS handler with another code, into QueryTimeoutError', () => {
    const errmsg = '[msg_find.go:349 handler.handleMaxTimeMSError] [collection.go:85 sqlite.(*collection).Query] interrupted (9)';
    const driver = new mongo.MongoServerError({ ok: 0, code: 1, codeName: 'InternalError', errmsg });
    expect(classifyStoreError(driver)).toBeInstanceOf(QueryTimeoutError);
  });

  it.each([
    ['network', new mongo.MongoNetworkError('connect ECONNREFUSED 10.1.2.3:27017')],
    ['network timeout', new mongo.MongoNetworkTimeoutError('timed out 10.1.2.3:27017')],
    ['not connected', new mongo.MongoNotConnectedError('Client must be connected')],
    ['topology closed', new mongo.MongoTopologyClosedError()],
    ['mongoose buffering', new mongoose.Error('Operation `articles.find()` buffering timed out after 10000ms')],
    ['raw socket (EPIPE, which the driver passes through)', Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' })],
  ])('turns a %s error into StoreUnavailableError whose message names nothing internal', (_name, driver) => {
    const classified = classifyStoreError(driver);
    expect(classified).toBeInstanceOf(StoreUnavailableError);
    expect((classified as Error).message).not.toMatch(/10\.1\.2\.3|27017|articles/);
  });

  it('leaves other errors as they are', () => {
    const other = new mongo.MongoServerError({ ok: 0, code: 2, errmsg: 'BadValue' });
    expect(classifyStoreError(other)).toBe(other);
    const plain = new TypeError('bug');
    expect(classifyStoreError(plain)).toBe(plain);
  });
});

describe('cursor bounds', () => {
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['past the largest Date', [8_640_000_000_000_001, 'x']],
    ['the largest safe integer', [Number.MAX_SAFE_INTEGER, 'x']],
    ['the smallest safe integer', [Number.MIN_SAFE_INTEGER, 'x']],
    ['a float', [1.5, 'x']],
    ['an id that is not a string', [0, { $gt: '' }]],
  ])('refuses a cursor with %s', (_name, value) => {
    expect(() => decodeCursor(cursorOf(value))).toThrow(InvalidCursorError);
  });

  it('accepts the extremes of the Date range', () => {
    for (const ms of [8_640_000_000_000_000, -8_640_000_000_000_000, 0]) {
      expect(decodeCursor(encodeCursor({ storedAt: new Date(ms), id: 'a' })).storedAt.getTime()).toBe(ms);
    }
  });
});

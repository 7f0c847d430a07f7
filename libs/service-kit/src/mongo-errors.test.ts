import { isDatabaseUnavailable, whenDatabaseAnswers } from './mongo-errors';

const unreachable = () => Object.assign(new Error('connection reset'), { name: 'MongoNetworkError' });

describe('whenDatabaseAnswers', () => {
  it('retries a write while the database is unreachable, and answers what it finally returns', async () => {
    let calls = 0;
    const result = await whenDatabaseAnswers(async () => {
      calls += 1;
      if (calls < 3) throw unreachable();
      return 'written';
    });
    expect(result).toBe('written');
    expect(calls).toBe(3);
  });

  it('throws any other error at once', async () => {
    let calls = 0;
    const duplicate = Object.assign(new Error('E11000'), { name: 'MongoServerError', code: 11000 });
    await expect(
      whenDatabaseAnswers(async () => {
        calls += 1;
        throw duplicate;
      }),
    ).rejects.toBe(duplicate);
    expect(calls).toBe(1);
  });

  it('gives up with the database error once its time is spent', async () => {
    let calls = 0;
    const error = unreachable();
    await expect(
      whenDatabaseAnswers(async () => {
        calls += 1;
        throw error;
      }, 250),
    ).rejects.toBe(error);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // 100 ms, then 200 ms would pass the 250 ms: two calls.
    expect(calls).toBe(2);
  });
});

describe('isDatabaseUnavailable', () => {
  it('knows a network error a bulk write wrapped, and not a bulk write refused for its data', () => {
    const lost = Object.assign(new Error('connection 9 to 127.0.0.1:37317 closed'), { name: 'MongoBulkWriteError', writeErrors: [] });
    const refused = Object.assign(new Error('E11000 duplicate key error'), { name: 'MongoBulkWriteError', writeErrors: [{ code: 11000 }] });
    expect(isDatabaseUnavailable(lost)).toBe(true);
    expect(isDatabaseUnavailable(refused)).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('connection 3 to db:27017 closed'), { name: 'MongoServerError' }))).toBe(false);
  });
});

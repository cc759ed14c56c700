// A manifest DELETE never runs beside this client's own tag PUTs in its repository (distribution's DELETE reads every
// tag's link after deleting the manifest, and a link being written makes it fail half-way, leaving a dangling tag).
import { RepositoryLocks, tagWriteLock } from '../../../src/registry/tag-write-lock.js';

/** A piece of work that records when it starts and ends, and ends when released. */
function work(log: string[], name: string): { run: () => Promise<void>; release: () => void } {
  let release = (): void => undefined;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    run: async () => {
      log.push(`${name} start`);
      await done;
      log.push(`${name} end`);
    },
    release: () => {
      release();
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RepositoryLocks', () => {
  test('tag PUTs run together; a DELETE waits for them, and later PUTs wait for it', async () => {
    const locks = new RepositoryLocks();
    const log: string[] = [];
    const [put1, put2, del, put3] = ['put1', 'put2', 'delete', 'put3'].map((name) => work(log, name));
    if (!put1 || !put2 || !del || !put3) throw new Error('four pieces of work');
    const running = [
      locks.hold('r/app', 'shared', put1.run),
      locks.hold('r/app', 'shared', put2.run),
      locks.hold('r/app', 'exclusive', del.run),
      locks.hold('r/app', 'shared', put3.run),
    ];
    await tick();
    expect(log).toEqual(['put1 start', 'put2 start']);
    put1.release();
    await tick();
    expect(log).toEqual(['put1 start', 'put2 start', 'put1 end']);
    put2.release();
    await tick();
    expect(log.slice(3)).toEqual(['put2 end', 'delete start']);
    del.release();
    await tick();
    expect(log.slice(5)).toEqual(['delete end', 'put3 start']);
    put3.release();
    await Promise.all(running);
    expect(log.at(-1)).toBe('put3 end');
  });

  test('other repositories do not wait', async () => {
    const locks = new RepositoryLocks();
    const log: string[] = [];
    const del = work(log, 'delete a');
    const put = work(log, 'put b');
    const running = [locks.hold('r/a', 'exclusive', del.run), locks.hold('r/b', 'shared', put.run)];
    await tick();
    expect(log).toEqual(['delete a start', 'put b start']);
    del.release();
    put.release();
    await Promise.all(running);
  });

  test('a failing holder releases the lock', async () => {
    const locks = new RepositoryLocks();
    await expect(locks.hold('r/a', 'exclusive', () => Promise.reject(new Error('500')))).rejects.toThrow('500');
    await expect(locks.hold('r/a', 'exclusive', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});

describe('tagWriteLock', () => {
  const url = (path: string): URL => new URL(`http://127.0.0.1:5000${path}`);
  test.each<[string, string, string, ReturnType<typeof tagWriteLock>]>([
    [
      'a manifest DELETE',
      'DELETE',
      '/v2/lab/app/manifests/sha256:abc',
      { repository: '127.0.0.1:5000/lab/app', kind: 'exclusive' },
    ],
    ['a tag PUT', 'PUT', '/v2/lab/app/manifests/latest', { repository: '127.0.0.1:5000/lab/app', kind: 'shared' }],
    ['a PUT by digest (no tag written)', 'PUT', '/v2/lab/app/manifests/sha256:abc', undefined],
    ['a HEAD', 'HEAD', '/v2/lab/app/manifests/latest', undefined],
    ['a blob upload', 'PUT', '/v2/lab/app/blobs/uploads/1', undefined],
  ])('%s', (_name, method, path, lock) => {
    expect(tagWriteLock(method, url(path))).toEqual(lock);
  });
});
